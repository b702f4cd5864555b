import { sql, type Generated } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { DatastoreField } from '../schema/field-types';
import { lockResource } from '../schema/table-ddl';
import type { LoadProblem } from './load-problems';

export type LoadStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'superseded';

type LoadTables = {
  'opendata.datastore_loads': {
    id: Generated<string>;
    resource_id: string;
    blob_key: string;
    format: string;
    mime_type: string;
    status: Generated<LoadStatus>;
    phase: 'reading' | 'indexing' | null;
    attempts: Generated<number>;
    lease_token: string | null;
    locked_until: Date | null;
    bytes_total: number | null;
    bytes_done: Generated<number>;
    rows_done: Generated<number>;
    encoding: string | null;
    fields: unknown;
    errors: Generated<unknown>;
    error_count: Generated<number>;
    message: string | null;
    created_at: Generated<Date>;
    started_at: Date | null;
    swapped_at: Date | null;
    finished_at: Date | null;
    updated_at: Generated<Date>;
  };
};

export interface Load {
  readonly id: string;
  readonly resourceId: string;
  readonly blobKey: string;
  readonly format: string;
  readonly mimeType: string;
  readonly status: LoadStatus;
  readonly phase: 'reading' | 'indexing' | null;
  readonly attempts: number;
  readonly leaseToken: string | null;
  readonly bytesTotal: number | null;
  readonly bytesDone: number;
  readonly rowsDone: number;
  readonly encoding: string | null;
  readonly fields: readonly DatastoreField[] | null;
  readonly errors: readonly LoadProblem[];
  readonly errorCount: number;
  readonly message: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly swappedAt: Date | null;
  readonly finishedAt: Date | null;
}

/** A load this worker holds: `leaseToken` proves it on every later write. */
export type ClaimedLoad = Load & { readonly leaseToken: string };

type Row = {
  [
    K in keyof LoadTables['opendata.datastore_loads']
  ]: LoadTables['opendata.datastore_loads'][K] extends Generated<infer T>
    ? T
    : LoadTables['opendata.datastore_loads'][K];
};

function toLoad(row: Row): Load {
  return {
    id: row.id,
    resourceId: row.resource_id,
    blobKey: row.blob_key,
    format: row.format,
    mimeType: row.mime_type,
    status: row.status,
    phase: row.phase,
    attempts: row.attempts,
    leaseToken: row.lease_token,
    bytesTotal: row.bytes_total === null ? null : Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    rowsDone: Number(row.rows_done),
    encoding: row.encoding,
    fields: (row.fields as DatastoreField[] | null) ?? null,
    errors: row.errors as LoadProblem[],
    errorCount: row.error_count,
    message: row.message,
    createdAt: row.created_at,
    startedAt: row.started_at,
    swappedAt: row.swapped_at,
    finishedAt: row.finished_at,
  };
}

export interface LoadProgress {
  readonly bytesDone: number;
  readonly rowsDone: number;
  readonly bytesTotal?: number | null;
  readonly encoding?: string | null;
  readonly phase?: 'reading' | 'indexing';
}

/** The only SQL over opendata.datastore_loads, the ingestion queue. */
export class LoadsRepo {
  constructor(private readonly db: Db) {}

  #loads(executor: Db = this.db) {
    return executor.withTables<LoadTables>();
  }

  /** Queues a file; a still-queued older file of the same resource is superseded (only the newest loads). */
  async enqueue(resource: {
    id: string;
    blobKey: string;
    format: string;
    mimeType: string;
  }): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      await lockResource(trx, resource.id);
      await this.#loads(trx)
        .updateTable('opendata.datastore_loads')
        .set({ status: 'superseded', finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where('resource_id', '=', resource.id)
        .where('status', '=', 'queued')
        .execute();
      const row = await this.#loads(trx)
        .insertInto('opendata.datastore_loads')
        .values({
          resource_id: resource.id,
          blob_key: resource.blobKey,
          format: resource.format,
          mime_type: resource.mimeType,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  }

  /**
   * Claims the oldest queued load whose resource has no load running, in one UPDATE over a row chosen
   * with FOR UPDATE SKIP LOCKED: two workers never take the same load, nor two loads of one resource.
   */
  async claim(leaseSeconds: number): Promise<ClaimedLoad | undefined> {
    const result = await sql<Row>`
      update opendata.datastore_loads
      set status = 'running', phase = 'reading', attempts = attempts + 1, lease_token = gen_random_uuid(),
        locked_until = now() + make_interval(secs => ${leaseSeconds}), started_at = now(), swapped_at = null, finished_at = null,
        bytes_done = 0, rows_done = 0, errors = '[]', error_count = 0, message = null, updated_at = now()
      where id = (
        select q.id from opendata.datastore_loads q
        where q.status = 'queued'
          and not exists (select 1 from opendata.datastore_loads r
                          where r.resource_id = q.resource_id and r.status = 'running')
        order by q.created_at
        limit 1
        for update skip locked)
      returning *`.execute(this.db);
    const row = result.rows[0];
    return row ? (toLoad(row) as ClaimedLoad) : undefined;
  }

  /** Records progress and renews the lease; false when the lease was lost (the load was taken back). */
  async heartbeat(load: ClaimedLoad, leaseSeconds: number, progress: LoadProgress): Promise<boolean> {
    const result = await this.#loads()
      .updateTable('opendata.datastore_loads')
      .set({
        bytes_done: progress.bytesDone,
        rows_done: progress.rowsDone,
        ...(progress.bytesTotal !== undefined ? { bytes_total: progress.bytesTotal } : {}),
        ...(progress.encoding !== undefined ? { encoding: progress.encoding } : {}),
        ...(progress.phase ? { phase: progress.phase } : {}),
        locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', load.id)
      .where('lease_token', '=', load.leaseToken)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends a load this worker holds; false when it no longer held it. */
  async finish(
    executor: Db,
    load: ClaimedLoad,
    outcome: {
      status: 'succeeded' | 'failed';
      fields?: readonly DatastoreField[] | null;
      problems?: readonly LoadProblem[];
      errorCount?: number;
      rowsDone?: number;
      message?: string | null;
    },
  ): Promise<boolean> {
    const result = await this.#loads(executor)
      .updateTable('opendata.datastore_loads')
      .set({
        status: outcome.status,
        phase: null,
        lease_token: null,
        locked_until: null,
        ...(outcome.fields !== undefined
          ? { fields: outcome.fields ? JSON.stringify(outcome.fields) : null }
          : {}),
        ...(outcome.problems
          ? { errors: JSON.stringify(outcome.problems), error_count: outcome.errorCount ?? 0 }
          : {}),
        ...(outcome.rowsDone !== undefined ? { rows_done: outcome.rowsDone } : {}),
        message: outcome.message ?? null,
        finished_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', load.id)
      .where('lease_token', '=', load.leaseToken)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Running loads whose worker stopped renewing: queued again, or failed after `maxAttempts`. */
  async reclaimExpired(maxAttempts: number): Promise<{ id: string; leaseToken: string }[]> {
    const result = await sql<{ id: string; lease_token: string }>`
      update opendata.datastore_loads l
      set status = case when l.attempts >= ${maxAttempts} then 'failed' else 'queued' end,
        message = case when l.attempts >= ${maxAttempts} then 'The load stopped ' || l.attempts || ' times.' end,
        finished_at = case when l.attempts >= ${maxAttempts} then now() end,
        phase = null, lease_token = null, locked_until = null, updated_at = now()
      from (select id, lease_token from opendata.datastore_loads
            where status = 'running' and locked_until < now() for update skip locked) expired
      where l.id = expired.id
      returning l.id, expired.lease_token`.execute(this.db);
    return result.rows.map((row) => ({ id: row.id, leaseToken: row.lease_token }));
  }

  /** The resource was deleted: nothing of it is to be loaded any more. */
  async cancelForResource(executor: Db, resourceId: string): Promise<void> {
    await this.#loads(executor)
      .updateTable('opendata.datastore_loads')
      .set({
        status: 'superseded',
        phase: null,
        lease_token: null,
        locked_until: null,
        message: 'The resource was deleted.',
        finished_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('resource_id', '=', resourceId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  async latest(resourceId: string): Promise<Load | undefined> {
    const row = await this.#loads()
      .selectFrom('opendata.datastore_loads')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toLoad(row as Row) : undefined;
  }
}
