import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { CkanAction, CkanActionContext } from '../../ckan/ckan-action';
import { databaseErrorsAsCkan } from '../actions/database-errors';
import { guardReadOnly, type DatastoreGuards } from '../actions/guards';
import { boolParam, invalid, recordsParam, resourceIdParam, stringParam } from '../actions/params';
import { dataTable } from '../schema/data-table';
import { lockResource } from '../schema/table-ddl';
import type { TableMeta, TablesRepo } from '../schema/tables.repo';
import { checkRecordKeys, insertRecords, sqlValue, valuesOf, type ApiRecord } from './records';

const methods = ['upsert', 'insert', 'update'] as const;
type Method = (typeof methods)[number];

/** Thrown to roll a dry run back after it did everything else. */
class DryRunDone extends Error {
  constructor(readonly outcome: unknown) {
    super('dry run');
  }
}

/** The key a record is matched on: `_id` when it has one, else the table's primary key. */
function keyOf(meta: TableMeta, record: ApiRecord): string[] {
  if (record._id !== undefined && record._id !== null) return ['_id'];
  if (meta.primaryKey.length === 0) throw invalid('key', 'table does not have a unique key defined');
  const missing = meta.primaryKey.filter((id) => record[id] === undefined);
  if (missing.length > 0)
    throw invalid('key', `fields "${missing.join('", "')}" are missing but needed as key`);
  return [...meta.primaryKey];
}

function typeOf(meta: TableMeta, id: string) {
  return id === '_id' ? 'int8' : (meta.fields.find((field) => field.id === id)?.type ?? 'text');
}

/** Updates the row matching the record's key; false when there is none. */
async function updateOne(
  trx: Db,
  meta: TableMeta,
  record: ApiRecord,
  key: readonly string[],
): Promise<boolean> {
  const columns = Object.keys(record).filter((id) => !key.includes(id));
  const match = sql.join(
    key.map((id) => sql`${sql.id(id)} = ${sqlValue(typeOf(meta, id), record[id])}`),
    sql` and `,
  );
  if (columns.length === 0) {
    const found = await sql`select 1 from ${dataTable(meta.resourceId)} where ${match}`.execute(trx);
    return found.rows.length > 0;
  }
  const set = sql.join(columns.map((id) => sql`${sql.id(id)} = ${sqlValue(typeOf(meta, id), record[id])}`));
  const result = await sql`update ${dataTable(meta.resourceId)} set ${set} where ${match}`.execute(trx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Inserts the record or, when its primary key exists, updates it; true when a row was inserted. */
async function upsertOne(trx: Db, meta: TableMeta, record: ApiRecord): Promise<boolean> {
  const key = keyOf(meta, record);
  if (key[0] === '_id') {
    if (!(await updateOne(trx, meta, record, key)))
      throw invalid('key', `key "[${String(record._id)}]" not found`);
    return false;
  }
  const columns = Object.keys(record);
  const others = columns.filter((id) => !key.includes(id));
  const action =
    others.length > 0
      ? sql`do update set ${sql.join(others.map((id) => sql`${sql.id(id)} = excluded.${sql.id(id)}`))}`
      : sql`do nothing`;
  const result = await sql<{ inserted: boolean }>`
    insert into ${dataTable(meta.resourceId)} (${sql.join(columns.map((id) => sql.id(id)))}) values ${valuesOf(record, columns, meta.fields)}
    on conflict (${sql.join(key.map((id) => sql.id(id)))}) ${action}
    returning (xmax = 0) as inserted`.execute(trx);
  return result.rows[0]?.inserted === true;
}

/** Applies the records with one method; returns how many rows were added. */
async function apply(
  trx: Db,
  meta: TableMeta,
  method: Method,
  records: readonly ApiRecord[],
): Promise<number> {
  if (method === 'insert') return (await insertRecords(trx, meta.resourceId, meta.fields, records)).length;
  let inserted = 0;
  for (const record of records) {
    if (method === 'upsert') {
      if (await upsertOne(trx, meta, record)) inserted += 1;
      continue;
    }
    const key = keyOf(meta, record);
    if (!(await updateOne(trx, meta, record, key))) {
      throw invalid('key', `key "[${key.map((id) => String(record[id])).join(', ')}]" not found`);
    }
  }
  return inserted;
}

/**
 * datastore_upsert: `upsert` (default; matched on `_id` or the primary key), `insert` or `update`, all
 * records or none (one transaction). `dry_run` does everything, then rolls back.
 */
async function upsert(db: Db, guards: DatastoreGuards, tables: TablesRepo, context: CkanActionContext) {
  const params = context.params;
  const resourceId = resourceIdParam(params);
  const method = (stringParam(params, 'method') ?? 'upsert') as Method;
  if (!methods.includes(method)) throw invalid('method', `"${method}" is not one of ${methods.join(', ')}`);
  const records = recordsParam(params) ?? [];
  const dryRun = boolParam(params, 'dry_run', false);
  const meta = await guards.editableTable(context.principal, resourceId);
  guardReadOnly(meta, boolParam(params, 'force', false));
  checkRecordKeys(records, meta.fields, method !== 'insert');
  const outcome = {
    resource_id: resourceId,
    method,
    ...(boolParam(params, 'include_records', false) ? { records } : {}),
  };
  try {
    await databaseErrorsAsCkan('records', () =>
      db.transaction().execute(async (trx) => {
        await lockResource(trx, resourceId);
        const inserted = await apply(trx, meta, method, records);
        if (records.length > 0) await tables.recordWrite(trx, resourceId, inserted);
        if (dryRun) throw new DryRunDone(outcome);
      }),
    );
  } catch (error) {
    if (error instanceof DryRunDone) return error.outcome;
    throw error;
  }
  return outcome;
}

export function upsertAction(db: Db, guards: DatastoreGuards, tables: TablesRepo): CkanAction {
  return {
    name: 'datastore_upsert',
    sideEffectFree: false,
    help: 'Add or change records of a DataStore table: method upsert (default), insert or update; dry_run.',
    handle: (context) => upsert(db, guards, tables, context),
  };
}
