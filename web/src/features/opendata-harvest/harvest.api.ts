import { api, type Page } from '../../lib/api';

export type SourceType = 'ckan' | 'dcat';
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

export interface HarvestRun {
  readonly id: string;
  readonly sourceId: string;
  readonly trigger: 'schedule' | 'manual';
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly error: string | null;
  readonly errors: readonly { readonly remoteId: string; readonly title: string; readonly message: string }[];
}

export interface HarvestSource {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly type: SourceType;
  readonly url: string;
  readonly organizationId: string;
  readonly sourceOrganization: string | null;
  readonly intervalMinutes: number;
  readonly active: boolean;
  readonly nextRunAt: string;
  readonly running: boolean;
  readonly mirroredDatasets: number;
  readonly lastRun: HarvestRun | null;
}

export interface SourceInput {
  readonly name?: string;
  readonly title?: string;
  readonly type?: SourceType;
  readonly url?: string;
  readonly organizationId?: string;
  readonly sourceOrganization?: string | null;
  readonly intervalMinutes?: number;
  readonly active?: boolean;
}

const base = '/api/v1/opendata/harvest';
export const harvestKey = ['opendata', 'harvest'] as const;

export async function listSources(): Promise<HarvestSource[]> {
  return (await api<{ items: HarvestSource[] }>(`${base}/sources`)).items;
}

export function createSource(input: SourceInput): Promise<HarvestSource> {
  return api(`${base}/sources`, { method: 'POST', body: input });
}

export function updateSource(id: string, changes: SourceInput): Promise<HarvestSource> {
  return api(`${base}/sources/${id}`, { method: 'PATCH', body: changes });
}

export function deleteSource(id: string): Promise<void> {
  return api(`${base}/sources/${id}`, { method: 'DELETE' });
}

export function startRun(id: string): Promise<HarvestRun> {
  return api(`${base}/sources/${id}/runs`, { method: 'POST' });
}

export function listRuns(id: string, offset: number, limit: number): Promise<Page<HarvestRun>> {
  return api(`${base}/sources/${id}/runs`, { query: { offset, limit } });
}
