import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { CkanAction, CkanActionContext } from '../../ckan/ckan-action';
import { databaseErrorsAsCkan } from '../actions/database-errors';
import { guardReadOnly, type DatastoreGuards } from '../actions/guards';
import { boolParam, objectParam, resourceIdParam } from '../actions/params';
import { fieldMap, filterConditions } from '../read/search-query';
import { dataTable } from '../schema/data-table';
import { dropDataTable, lockResource } from '../schema/table-ddl';
import type { TablesRepo } from '../schema/tables.repo';

/** Drops a resource's table and its dictionary (datastore_delete without filters; a deleted resource). */
export async function dropResourceTable(db: Db, tables: TablesRepo, resourceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockResource(trx, resourceId);
    await dropDataTable(trx, resourceId);
    await tables.delete(trx, resourceId);
  });
}

/**
 * datastore_delete: with `filters`, deletes the matching rows (`{}` deletes them all, keeping the table);
 * without, drops the whole table, as CKAN does.
 */
async function remove(db: Db, guards: DatastoreGuards, tables: TablesRepo, context: CkanActionContext) {
  const resourceId = resourceIdParam(context.params);
  const filters = objectParam(context.params, 'filters');
  const meta = await guards.editableTable(context.principal, resourceId);
  guardReadOnly(meta, boolParam(context.params, 'force', false));
  if (filters === undefined) {
    await dropResourceTable(db, tables, resourceId);
    return { resource_id: resourceId };
  }
  const conditions = filterConditions(fieldMap(meta.fields), filters);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  await databaseErrorsAsCkan('filters', () =>
    db.transaction().execute(async (trx) => {
      await lockResource(trx, resourceId);
      const result = await sql`delete from ${dataTable(resourceId)} ${where}`.execute(trx);
      await tables.recordWrite(trx, resourceId, -Number(result.numAffectedRows ?? 0));
    }),
  );
  return { resource_id: resourceId, filters };
}

export function deleteAction(db: Db, guards: DatastoreGuards, tables: TablesRepo): CkanAction {
  return {
    name: 'datastore_delete',
    sideEffectFree: false,
    help: 'Delete records matching filters, or the whole DataStore table when no filters are given.',
    handle: (context) => remove(db, guards, tables, context),
  };
}
