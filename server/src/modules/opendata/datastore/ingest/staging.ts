import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { DatastoreField } from '../schema/field-types';
import { DATA_SCHEMA, STAGING_SCHEMA } from '../schema/identifiers';
import { createDataTable, dropDataTable } from '../schema/table-ddl';

/**
 * A load builds its table beside the live one and swaps it in at the end, so that readers see the old
 * version, complete, until the new one is complete too: all or nothing per load. The staging table is
 * named after the worker's lease token, so a worker that lost its lease (and the one that took the load
 * over) never touch each other's table; it lives in the module schema, never visible to
 * datastore_search_sql.
 */
export function stagingTable(leaseToken: string): { schema: string; name: string } {
  return { schema: STAGING_SCHEMA, name: `datastore_load_${leaseToken.replaceAll('-', '')}` };
}

export async function createStaging(
  db: Db,
  leaseToken: string,
  fields: readonly DatastoreField[],
): Promise<void> {
  await dropStaging(db, leaseToken);
  // No primary key during the COPY: adding it afterwards builds the index in one pass, which is cheaper.
  await createDataTable(db, stagingTable(leaseToken), fields, { primaryKeyOnId: false });
}

export async function dropStaging(db: Db, leaseToken: string): Promise<void> {
  const table = stagingTable(leaseToken);
  await sql`drop table if exists ${sql.id(table.schema, table.name)}`.execute(db);
}

/** Adds the `_id` key and moves the identity past the ids the load wrote itself. */
export async function completeStaging(db: Db, leaseToken: string, rowCount: number): Promise<void> {
  const table = stagingTable(leaseToken);
  const qualified = sql.id(table.schema, table.name);
  await sql`alter table ${qualified} add primary key (_id)`.execute(db);
  await sql`select setval(pg_get_serial_sequence(${`${table.schema}.${table.name}`}, '_id'), ${Math.max(rowCount, 1)}, ${rowCount > 0})`.execute(
    db,
  );
}

/** In the caller's transaction (holding the resource's lock): the staging table replaces the live one. */
export async function swapIn(trx: Db, leaseToken: string, resourceId: string): Promise<void> {
  const table = stagingTable(leaseToken);
  await dropDataTable(trx, resourceId);
  await sql`alter table ${sql.id(table.schema, table.name)} set schema ${sql.id(DATA_SCHEMA)}`.execute(trx);
  await sql`alter table ${sql.id(DATA_SCHEMA, table.name)} rename to ${sql.id(resourceId)}`.execute(trx);
}
