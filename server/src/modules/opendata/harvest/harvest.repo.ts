import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { HarvestTables, RunStatus, SourceType } from './harvest.tables';

type Executor = Kysely<unknown> | Transaction<unknown>;
type SourceRow = Selectable<HarvestTables['opendata.harvest_sources']>;
type RunRow = Selectable<HarvestTables['opendata.harvest_runs']>;

export interface HarvestSource {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly type: SourceType;
  readonly url: string;
  readonly ownerOrg: string;
  readonly sourceOrganization: string | null;
  readonly intervalMinutes: number;
  readonly active: boolean;
  readonly nextRunAt: Date;
  /** A run holds the source until then (renewed while it works). */
  readonly lockedUntil: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type SourceFields = Pick<
  HarvestSource,
  'name' | 'title' | 'type' | 'url' | 'ownerOrg' | 'sourceOrganization' | 'intervalMinutes' | 'active'
>;

export interface DatasetProblem {
  readonly remoteId: string;
  readonly title: string;
  readonly message: string;
}

export interface RunCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  failed: number;
}

export interface HarvestRun extends RunCounts {
  readonly id: string;
  readonly sourceId: string;
  readonly trigger: 'schedule' | 'manual';
  readonly status: RunStatus;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly error: string | null;
  readonly errors: readonly DatasetProblem[];
}

export interface HarvestObject {
  readonly datasetId: string;
  readonly contentHash: string | null;
}

function toSource(row: SourceRow): HarvestSource {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    type: row.source_type,
    url: row.url,
    ownerOrg: row.owner_org,
    sourceOrganization: row.source_organization,
    intervalMinutes: row.interval_minutes,
    active: row.active,
    nextRunAt: row.next_run_at,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRun(row: RunRow): HarvestRun {
  const errors = typeof row.errors === 'string' ? (JSON.parse(row.errors) as unknown) : row.errors;
  return {
    id: row.id,
    sourceId: row.source_id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    created: row.created,
    updated: row.updated,
    deleted: row.deleted,
    unchanged: row.unchanged,
    failed: row.failed,
    error: row.error,
    errors: Array.isArray(errors) ? (errors as DatasetProblem[]) : [],
  };
}

function toColumns(fields: Partial<SourceFields>) {
  const columns: Partial<Record<string, unknown>> = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.type !== undefined) columns.source_type = fields.type;
  if (fields.url !== undefined) columns.url = fields.url;
  if (fields.ownerOrg !== undefined) columns.owner_org = fields.ownerOrg;
  if (fields.sourceOrganization !== undefined) columns.source_organization = fields.sourceOrganization;
  if (fields.intervalMinutes !== undefined) columns.interval_minutes = fields.intervalMinutes;
  if (fields.active !== undefined) columns.active = fields.active;
  return columns;
}

/** The only SQL over opendata.harvest_*: sources with their run lease, runs, and the mirror mapping. */
export class HarvestRepo {
  constructor(private readonly db: Db) {}

  #t(executor: Executor = this.db) {
    return executor.withTables<HarvestTables>();
  }

  async listSources(ownerOrgs: 'all' | readonly string[]): Promise<HarvestSource[]> {
    if (ownerOrgs !== 'all' && ownerOrgs.length === 0) return [];
    let select = this.#t().selectFrom('opendata.harvest_sources').selectAll().orderBy('name');
    if (ownerOrgs !== 'all') select = select.where('owner_org', 'in', ownerOrgs);
    return (await select.execute()).map(toSource);
  }

  async findSource(id: string): Promise<HarvestSource | undefined> {
    const row = await this.#t()
      .selectFrom('opendata.harvest_sources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSource(row) : undefined;
  }

  async insertSource(trx: Executor, fields: SourceFields, createdBy: string | null): Promise<string> {
    const row = await this.#t(trx)
      .insertInto('opendata.harvest_sources')
      .values({ ...(toColumns(fields) as SourceRow), created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateSource(trx: Executor, id: string, fields: Partial<SourceFields>): Promise<void> {
    await this.#t(trx)
      .updateTable('opendata.harvest_sources')
      .set({ ...toColumns(fields), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async deleteSource(trx: Executor, id: string): Promise<void> {
    await this.#t(trx).deleteFrom('opendata.harvest_sources').where('id', '=', id).execute();
  }

  /** Takes the source for one run unless a run holds it; schedules the next run one interval on. */
  async claim(id: string, leaseSeconds: number): Promise<HarvestSource | undefined> {
    const result = await sql<SourceRow>`
      update opendata.harvest_sources
         set locked_until = now() + make_interval(secs => ${leaseSeconds}),
             next_run_at = now() + make_interval(mins => interval_minutes)
       where id = ${id} and (locked_until is null or locked_until < now())
      returning *`.execute(this.db);
    const row = result.rows[0];
    return row ? toSource(row) : undefined;
  }

  /** Takes the active source most overdue, skipping those another process is claiming. */
  async claimDue(leaseSeconds: number): Promise<HarvestSource | undefined> {
    const result = await sql<SourceRow>`
      update opendata.harvest_sources
         set locked_until = now() + make_interval(secs => ${leaseSeconds}),
             next_run_at = now() + make_interval(mins => interval_minutes)
       where id = (
         select id from opendata.harvest_sources
          where active and next_run_at <= now() and (locked_until is null or locked_until < now())
          order by next_run_at limit 1
          for update skip locked)
      returning *`.execute(this.db);
    const row = result.rows[0];
    return row ? toSource(row) : undefined;
  }

  async renewLease(id: string, leaseSeconds: number): Promise<void> {
    await sql`update opendata.harvest_sources set locked_until = now() + make_interval(secs => ${leaseSeconds})
              where id = ${id}`.execute(this.db);
  }

  /** Starts a run; an earlier one still "running" lost its process (the lease was free) and is closed. */
  async startRun(sourceId: string, trigger: 'schedule' | 'manual'): Promise<HarvestRun> {
    await this.#t()
      .updateTable('opendata.harvest_runs')
      .set({
        status: 'failed',
        finished_at: sql<Date>`now()`,
        error: 'interrupted: the process running it stopped',
      })
      .where('source_id', '=', sourceId)
      .where('status', '=', 'running')
      .execute();
    const row = await this.#t()
      .insertInto('opendata.harvest_runs')
      .values({ source_id: sourceId, trigger, error: null, finished_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  /** Progress of a running run (counts so far), for the console. */
  async saveProgress(id: string, counts: RunCounts, errors: readonly DatasetProblem[]): Promise<void> {
    await this.#t()
      .updateTable('opendata.harvest_runs')
      .set({ ...counts, errors: sql<string>`${JSON.stringify(errors)}::jsonb` })
      .where('id', '=', id)
      .execute();
  }

  /** Ends the run and frees its source together: whoever sees the run finished may start the next. */
  async finishRun(
    run: { id: string; sourceId: string },
    counts: RunCounts,
    errors: readonly DatasetProblem[],
    end: { status: RunStatus; error: string | null },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.#t(trx)
        .updateTable('opendata.harvest_runs')
        .set({
          ...counts,
          errors: sql<string>`${JSON.stringify(errors)}::jsonb`,
          status: end.status,
          error: end.error,
          finished_at: sql<Date>`now()`,
        })
        .where('id', '=', run.id)
        .execute();
      await sql`update opendata.harvest_sources set locked_until = null where id = ${run.sourceId}`.execute(
        trx,
      );
    });
  }

  async findRun(id: string): Promise<HarvestRun | undefined> {
    const row = await this.#t()
      .selectFrom('opendata.harvest_runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  async listRuns(
    sourceId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: HarvestRun[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.#t()
        .selectFrom('opendata.harvest_runs')
        .selectAll()
        .where('source_id', '=', sourceId)
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.#t()
        .selectFrom('opendata.harvest_runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source_id', '=', sourceId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toRun), total: Number(count.n) };
  }

  /** The latest run of each source. */
  async lastRuns(sourceIds: readonly string[]): Promise<Map<string, HarvestRun>> {
    if (sourceIds.length === 0) return new Map();
    const result = await sql<RunRow>`
      select distinct on (source_id) * from opendata.harvest_runs
       where source_id in (${sql.join(sourceIds)})
       order by source_id, started_at desc, id`.execute(this.db);
    return new Map(result.rows.map((row) => [row.source_id, toRun(row)]));
  }

  /** Mirrored datasets per source that are still on the source (content hash set). */
  async mirroredCounts(sourceIds: readonly string[]): Promise<Map<string, number>> {
    if (sourceIds.length === 0) return new Map();
    const rows = await this.#t()
      .selectFrom('opendata.harvest_objects')
      .select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('source_id', 'in', sourceIds)
      .where('content_hash', 'is not', null)
      .groupBy('source_id')
      .execute();
    return new Map(rows.map((row) => [row.source_id, Number(row.n)]));
  }

  async objects(sourceId: string): Promise<Map<string, HarvestObject>> {
    const rows = await this.#t()
      .selectFrom('opendata.harvest_objects')
      .select(['remote_id', 'dataset_id', 'content_hash'])
      .where('source_id', '=', sourceId)
      .execute();
    return new Map(
      rows.map((row) => [row.remote_id, { datasetId: row.dataset_id, contentHash: row.content_hash }]),
    );
  }

  async saveObject(
    sourceId: string,
    remoteId: string,
    datasetId: string,
    contentHash: string | null,
    remoteUrl: string | null,
  ): Promise<void> {
    await this.#t()
      .insertInto('opendata.harvest_objects')
      .values({
        source_id: sourceId,
        remote_id: remoteId,
        dataset_id: datasetId,
        content_hash: contentHash,
        remote_url: remoteUrl,
      })
      .onConflict((oc) =>
        oc.columns(['source_id', 'remote_id']).doUpdateSet({
          dataset_id: datasetId,
          content_hash: contentHash,
          remote_url: remoteUrl,
          harvested_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }

  async forgetHash(sourceId: string, remoteId: string): Promise<void> {
    await this.#t()
      .updateTable('opendata.harvest_objects')
      .set({ content_hash: null, harvested_at: sql<Date>`now()` })
      .where('source_id', '=', sourceId)
      .where('remote_id', '=', remoteId)
      .execute();
  }
}
