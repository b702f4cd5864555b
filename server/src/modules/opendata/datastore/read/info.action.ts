import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { CkanAction, CkanActionContext } from '../../ckan/ckan-action';
import type { DatastoreGuards } from '../actions/guards';
import { resourceIdParam } from '../actions/params';
import { pgTypeOf } from '../schema/field-types';
import { DATA_SCHEMA } from '../schema/identifiers';
import { indexedColumns } from '../schema/table-ddl';

async function tableSize(db: Db, resourceId: string): Promise<{ size: number; indexSize: number }> {
  const result = await sql<{ size: number; index_size: number }>`
    select pg_table_size(${`${DATA_SCHEMA}."${resourceId}"`}::regclass) as size,
           pg_indexes_size(${`${DATA_SCHEMA}."${resourceId}"`}::regclass) as index_size`.execute(db);
  return { size: Number(result.rows[0]?.size ?? 0), indexSize: Number(result.rows[0]?.index_size ?? 0) };
}

/**
 * datastore_info (CKAN 2.11 shape): `meta` with the cached row count and sizes, and each field with its
 * type, data dictionary `info` and `schema` (native type, whether an index or the unique key covers it).
 */
async function info(db: Db, guards: DatastoreGuards, context: CkanActionContext) {
  const resourceId = resourceIdParam(context.params);
  const meta = await guards.readable(context.principal, resourceId);
  const [sizes, indexes] = await Promise.all([tableSize(db, resourceId), indexedColumns(db, resourceId)]);
  const indexed = new Set(indexes.filter((columns) => columns.length === 1).map((columns) => columns[0]));
  const unique = new Set(meta.primaryKey);
  return {
    meta: {
      id: resourceId,
      count: meta.rowCount,
      table_type: 'BASE TABLE',
      size: sizes.size,
      idx_size: sizes.indexSize,
      aliases: [],
    },
    fields: meta.fields.map((field) => ({
      id: field.id,
      type: field.type,
      info: field.info ?? {},
      schema: {
        native_type: pgTypeOf(field.type),
        notnull: false,
        is_index: indexed.has(field.id),
        uniquekey: unique.has(field.id),
      },
    })),
  };
}

export function infoAction(db: Db, guards: DatastoreGuards): CkanAction {
  return {
    name: 'datastore_info',
    sideEffectFree: true,
    help: "A DataStore table's data dictionary, row count and size.",
    handle: (context) => info(db, guards, context),
  };
}
