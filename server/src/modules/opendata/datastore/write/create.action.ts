import type { Db } from '../../../../platform/db/database';
import type { CkanAction, CkanActionContext } from '../../ckan/ckan-action';
import { databaseErrorsAsCkan } from '../actions/database-errors';
import { guardReadOnly, type DatastoreGuards } from '../actions/guards';
import {
  boolParam,
  invalid,
  jsonParam,
  listParam,
  recordsParam,
  resourceIdParam,
  type Params,
} from '../actions/params';
import type { DatastoreField } from '../schema/field-types';
import { DATA_SCHEMA } from '../schema/identifiers';
import { addColumns, createDataTable, createIndexes, lockResource, setPrimaryKey } from '../schema/table-ddl';
import type { TableMeta, TablesRepo } from '../schema/tables.repo';
import { checkRecordKeys, insertRecords, parseFields, type ApiRecord } from './records';

interface CreateRequest {
  readonly resourceId: string;
  readonly fields: DatastoreField[];
  readonly primaryKey: string[] | undefined;
  readonly indexes: string[][];
  readonly records: ApiRecord[];
  readonly force: boolean;
  readonly includeRecords: boolean;
}

function parseRequest(params: Params): CreateRequest {
  if (params.resource !== undefined && params.resource_id === undefined) {
    throw invalid('resource', 'Create the resource with resource_create first, then pass its resource_id');
  }
  const records = recordsParam(params) ?? [];
  const indexes = jsonParam(params, 'indexes');
  return {
    resourceId: resourceIdParam(params),
    fields: parseFields(jsonParam(params, 'fields'), records),
    primaryKey: listParam(params, 'primary_key'),
    indexes:
      Array.isArray(indexes) && indexes.some(Array.isArray)
        ? indexes.map((index) => (Array.isArray(index) ? index.map(String) : [String(index)]))
        : (listParam(params, 'indexes') ?? []).map((id) => [id]),
    records,
    force: boolParam(params, 'force', false),
    includeRecords: boolParam(params, 'include_records', false),
  };
}

/** The dictionary after this call: existing fields keep their place and type; new ones are appended. */
function mergeFields(
  existing: readonly DatastoreField[],
  given: readonly DatastoreField[],
): DatastoreField[] {
  const merged = existing.map((field) => {
    const update = given.find((candidate) => candidate.id === field.id);
    if (!update) return field;
    if (update.type !== field.type) {
      throw invalid(
        'fields',
        `field "${field.id}" is ${field.type}; its type cannot be changed to ${update.type}`,
      );
    }
    return update.info ? { ...field, info: update.info } : field;
  });
  const added = given.filter((field) => !existing.some((candidate) => candidate.id === field.id));
  return [...merged, ...added];
}

function checkKeys(ids: readonly string[], fields: readonly DatastoreField[], param: string): void {
  for (const id of ids) {
    if (id !== '_id' && !fields.some((field) => field.id === id))
      throw invalid(param, `field "${id}" not in table`);
  }
}

/** Creates or extends the table, in the caller's transaction; returns the dictionary now in force. */
async function defineTable(
  trx: Db,
  tables: TablesRepo,
  request: CreateRequest,
  existing: TableMeta | undefined,
) {
  const fields = mergeFields(existing?.fields ?? [], request.fields);
  const primaryKey = request.primaryKey ?? [...(existing?.primaryKey ?? [])];
  checkKeys(primaryKey, fields, 'primary_key');
  request.indexes.forEach((index) => checkKeys(index, fields, 'indexes'));
  if (existing) await addColumns(trx, request.resourceId, fields.slice(existing.fields.length));
  else
    await createDataTable(trx, { schema: DATA_SCHEMA, name: request.resourceId }, fields, {
      primaryKeyOnId: true,
    });
  if (request.primaryKey !== undefined || !existing) await setPrimaryKey(trx, request.resourceId, primaryKey);
  await createIndexes(trx, { schema: DATA_SCHEMA, name: request.resourceId }, request.indexes);
  await tables.save(trx, {
    resourceId: request.resourceId,
    fields,
    primaryKey,
    origin: existing?.origin ?? 'api',
  });
  return { fields, primaryKey };
}

/**
 * datastore_create: creates the resource's table (or adds fields, dictionary entries, a key or indexes to
 * it) and inserts `records`, all in one transaction under the resource's lock.
 */
async function create(db: Db, guards: DatastoreGuards, tables: TablesRepo, context: CkanActionContext) {
  const request = parseRequest(context.params);
  await guards.editable(context.principal, request.resourceId);
  const result = await databaseErrorsAsCkan('records', () =>
    db.transaction().execute(async (trx) => {
      await lockResource(trx, request.resourceId);
      const existing = await tables.get(request.resourceId, trx);
      if (existing) guardReadOnly(existing, request.force);
      const defined = await defineTable(trx, tables, request, existing);
      checkRecordKeys(request.records, defined.fields, false);
      const ids = await insertRecords(trx, request.resourceId, defined.fields, request.records);
      if (ids.length > 0) await tables.recordWrite(trx, request.resourceId, ids.length);
      return { ...defined, ids };
    }),
  );
  return {
    resource_id: request.resourceId,
    fields: result.fields,
    method: 'insert',
    ...(result.primaryKey.length > 0 ? { primary_key: result.primaryKey } : {}),
    ...(request.indexes.length > 0 ? { indexes: request.indexes.map((index) => index.join(',')) } : {}),
    ...(request.includeRecords
      ? { records: request.records.map((record, index) => ({ ...record, _id: result.ids[index] })) }
      : {}),
  };
}

export function createAction(db: Db, guards: DatastoreGuards, tables: TablesRepo): CkanAction {
  return {
    name: 'datastore_create',
    sideEffectFree: false,
    help: 'Create or extend a DataStore table (fields with data dictionary, primary key, indexes) and add records.',
    handle: (context) => create(db, guards, tables, context),
  };
}
