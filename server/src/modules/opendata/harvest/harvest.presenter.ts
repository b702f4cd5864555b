import type { HarvestRun, HarvestSource } from './harvest.repo';

export function presentRun(run: HarvestRun) {
  return {
    id: run.id,
    sourceId: run.sourceId,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    created: run.created,
    updated: run.updated,
    deleted: run.deleted,
    unchanged: run.unchanged,
    failed: run.failed,
    error: run.error,
    errors: [...run.errors],
  };
}

export function presentSource(
  source: HarvestSource,
  summary: { lastRun: HarvestRun | undefined; mirrored: number | undefined },
) {
  return {
    id: source.id,
    name: source.name,
    title: source.title,
    type: source.type,
    url: source.url,
    organizationId: source.ownerOrg,
    sourceOrganization: source.sourceOrganization,
    intervalMinutes: source.intervalMinutes,
    active: source.active,
    nextRunAt: source.nextRunAt.toISOString(),
    running: source.lockedUntil !== null && source.lockedUntil.getTime() > Date.now(),
    mirroredDatasets: summary.mirrored ?? 0,
    lastRun: summary.lastRun ? presentRun(summary.lastRun) : null,
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
  };
}
