import type { FastifyBaseLogger } from 'fastify';
import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import type { Organizations } from '../catalog/organizations';
import type { CatalogMirror } from './catalog-mirror';
import { isHttpUrl } from './fetch-limited';
import { harvestErrors } from './harvest.errors';
import type { HarvestRepo, HarvestRun, HarvestSource, SourceFields } from './harvest.repo';
import { RUN_LEASE_SECONDS, type HarvestRunner } from './harvest-runner';

/** Who may manage which sources: system admins all, agency admins those feeding their agency. */
function managedOrgs(principal: Principal): 'all' | string[] {
  return principal.isSystemAdmin ? 'all' : principal.agenciesWhere('agency_admin');
}

function mayManage(principal: Principal, ownerOrg: string): boolean {
  const orgs = managedOrgs(principal);
  return orgs === 'all' || orgs.includes(ownerOrg);
}

/**
 * Harvest sources and their runs. A run started here goes on in the background (the caller polls it);
 * scheduled runs come from the job. Either way a source runs once at a time: a run claims the source's
 * lease in SQL, so several processes never harvest the same source together.
 */
export class HarvestService {
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly repo: HarvestRepo,
    private readonly runner: HarvestRunner,
    private readonly mirror: CatalogMirror,
    private readonly orgs: Organizations,
    private readonly logger: FastifyBaseLogger,
  ) {}

  list(principal: Principal): Promise<HarvestSource[]> {
    return this.repo.listSources(managedOrgs(principal));
  }

  async get(principal: Principal, id: string): Promise<HarvestSource> {
    const source = await this.repo.findSource(id);
    if (!source) throw new AppError(harvestErrors.HARVEST_SOURCE_NOT_FOUND);
    if (!mayManage(principal, source.ownerOrg)) throw new AppError(harvestErrors.HARVEST_FORBIDDEN);
    return source;
  }

  async create(principal: Principal, fields: SourceFields, actor: Actor): Promise<HarvestSource> {
    await this.#check(principal, fields);
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.repo.insertSource(trx, fields, principal.userId);
      await this.audit.record(trx, actor, {
        action: 'opendata.harvest_source.created',
        targetType: 'opendata_harvest_source',
        targetId: newId,
        summary: { name: fields.name, type: fields.type, url: fields.url, ownerOrg: fields.ownerOrg },
      });
      return newId;
    });
    return this.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    changes: Partial<SourceFields>,
    actor: Actor,
  ): Promise<HarvestSource> {
    const before = await this.get(principal, id);
    await this.#check(principal, { ...before, ...changes }, before.id);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateSource(trx, id, changes);
      await this.audit.record(trx, actor, {
        action: 'opendata.harvest_source.updated',
        targetType: 'opendata_harvest_source',
        targetId: id,
        summary: Object.fromEntries(
          Object.entries(changes).map(([key, after]) => [
            key,
            { before: before[key as keyof SourceFields], after },
          ]),
        ),
      });
    });
    return this.get(principal, id);
  }

  /** Removes the source and marks its mirrored datasets deleted (they would go stale otherwise). */
  async delete(principal: Principal, id: string, actor: Actor): Promise<void> {
    const source = await this.get(principal, id);
    if (!(await this.repo.claim(id, RUN_LEASE_SECONDS)))
      throw new AppError(harvestErrors.HARVEST_RUN_IN_PROGRESS);
    const harvester: Actor = { id: null, label: `harvest:${source.name}`, ip: null };
    for (const object of (await this.repo.objects(id)).values())
      await this.mirror.delete(object.datasetId, harvester);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.deleteSource(trx, id);
      await this.audit.record(trx, actor, {
        action: 'opendata.harvest_source.deleted',
        targetType: 'opendata_harvest_source',
        targetId: id,
        summary: { name: source.name, url: source.url },
      });
    });
  }

  /** Starts a run now and returns it while it works; 409 when the source is being harvested. */
  async startRun(principal: Principal, id: string): Promise<HarvestRun> {
    await this.get(principal, id);
    const source = await this.repo.claim(id, RUN_LEASE_SECONDS);
    if (!source) throw new AppError(harvestErrors.HARVEST_RUN_IN_PROGRESS);
    const run = await this.repo.startRun(source.id, 'manual');
    const work = this.runner
      .run(source, run)
      .catch((error: unknown) =>
        this.logger.error({ err: error, source: source.name }, 'harvest run crashed'),
      )
      .finally(() => this.#inFlight.delete(work));
    this.#inFlight.add(work);
    return run;
  }

  async runs(principal: Principal, sourceId: string, limit: number, offset: number) {
    await this.get(principal, sourceId);
    return this.repo.listRuns(sourceId, limit, offset);
  }

  async run(principal: Principal, runId: string): Promise<HarvestRun> {
    const run = await this.repo.findRun(runId);
    if (!run) throw new AppError(harvestErrors.HARVEST_RUN_NOT_FOUND);
    await this.get(principal, run.sourceId);
    return run;
  }

  async summaries(sources: readonly HarvestSource[]) {
    const ids = sources.map((source) => source.id);
    const [lastRuns, mirrored] = await Promise.all([this.repo.lastRuns(ids), this.repo.mirroredCounts(ids)]);
    return { lastRuns, mirrored };
  }

  /** The job: every due, active source once, one after another. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (
      let source = await this.repo.claimDue(RUN_LEASE_SECONDS);
      source;
      source = await this.repo.claimDue(RUN_LEASE_SECONDS)
    ) {
      await this.runner.run(source, await this.repo.startRun(source.id, 'schedule'));
      ran += 1;
    }
    return ran;
  }

  /** Waits for background runs (the app closes only after them: their writes need the database). */
  async settle(): Promise<void> {
    await Promise.all([...this.#inFlight]);
  }

  async #check(principal: Principal, fields: SourceFields, selfId?: string): Promise<void> {
    if (!isHttpUrl(fields.url)) throw new AppError(harvestErrors.HARVEST_URL_INVALID, { url: fields.url });
    if (!(await this.orgs.find(fields.ownerOrg)))
      throw new AppError(harvestErrors.HARVEST_ORGANIZATION_NOT_FOUND, { organizationId: fields.ownerOrg });
    if (!mayManage(principal, fields.ownerOrg)) throw new AppError(harvestErrors.HARVEST_FORBIDDEN);
    const sameName = (await this.repo.listSources('all')).find((source) => source.name === fields.name);
    if (sameName && sameName.id !== selfId) throw new AppError(harvestErrors.HARVEST_SOURCE_NAME_TAKEN);
  }
}
