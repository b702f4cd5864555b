import { sql, type Generated } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { DatastoreField } from './field-types';

type MetadataTables = {
  'opendata.datastore_tables': {
    resource_id: string;
    fields: unknown;
    primary_key: string[];
    row_count: number;
    version: Generated<number>;
    origin: 'api' | 'load';
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};

/** What the DataStore knows about one resource's table besides its rows. */
export interface TableMeta {
  readonly resourceId: string;
  readonly fields: readonly DatastoreField[];
  readonly primaryKey: readonly string[];
  readonly rowCount: number;
  readonly version: number;
  readonly origin: 'api' | 'load';
}

/** The only SQL over opendata.datastore_tables (the data dictionary and the cached row counts). */
export class TablesRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Db = this.db) {
    return executor.withTables<MetadataTables>();
  }

  async get(resourceId: string, executor: Db = this.db): Promise<TableMeta | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('opendata.datastore_tables')
      .select(['resource_id', 'fields', 'primary_key', 'row_count', 'version', 'origin'])
      .where('resource_id', '=', resourceId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      resourceId: row.resource_id,
      fields: row.fields as DatastoreField[],
      primaryKey: row.primary_key,
      rowCount: Number(row.row_count),
      version: Number(row.version),
      origin: row.origin,
    };
  }

  async existing(resourceIds: readonly string[]): Promise<Set<string>> {
    if (resourceIds.length === 0) return new Set();
    const rows = await this.#tables()
      .selectFrom('opendata.datastore_tables')
      .select('resource_id')
      .where('resource_id', 'in', [...resourceIds])
      .execute();
    return new Set(rows.map((row) => row.resource_id));
  }

  /** Writes the dictionary of a table that was (re)created; a new version whatever happened before. */
  async save(
    executor: Db,
    meta: Omit<TableMeta, 'version' | 'rowCount'> & { rowCount?: number },
  ): Promise<void> {
    const fields = JSON.stringify(meta.fields);
    const values = {
      resource_id: meta.resourceId,
      fields,
      primary_key: [...meta.primaryKey],
      row_count: meta.rowCount ?? 0,
      origin: meta.origin,
    };
    await this.#tables(executor)
      .insertInto('opendata.datastore_tables')
      .values(values)
      .onConflict((oc) =>
        oc.column('resource_id').doUpdateSet((eb) => ({
          fields,
          primary_key: [...meta.primaryKey],
          origin: meta.origin,
          ...(meta.rowCount !== undefined ? { row_count: meta.rowCount } : {}),
          version: eb('opendata.datastore_tables.version', '+', 1),
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }

  /** Keeps the cached row count right after a write of `delta` rows, in the writer's transaction. */
  async recordWrite(executor: Db, resourceId: string, delta: number): Promise<void> {
    await this.#tables(executor)
      .updateTable('opendata.datastore_tables')
      .set((eb) => ({
        row_count: eb('row_count', '+', delta),
        version: eb('version', '+', 1),
        updated_at: sql<Date>`now()`,
      }))
      .where('resource_id', '=', resourceId)
      .execute();
  }

  async delete(executor: Db, resourceId: string): Promise<void> {
    await this.#tables(executor)
      .deleteFrom('opendata.datastore_tables')
      .where('resource_id', '=', resourceId)
      .execute();
  }
}
