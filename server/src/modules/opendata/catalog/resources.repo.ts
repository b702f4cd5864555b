import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { readableSql, type Viewer } from './catalog.access';
import { CKAN_TIME_FORMAT, type CatalogTables } from './catalog.tables';
import type { Resource, ResourceFields } from './catalog.model';

type Executor = Kysely<unknown> | Transaction<unknown>;
export type ResourceRow = Omit<
  Selectable<CatalogTables['opendata.resources']>,
  'created_at' | 'last_modified' | 'modified_at'
> & {
  created: string;
  last_modified_text: string | null;
  modified: string;
};

/** A resource row as JSON with ResourceRow's keys, for statements that nest resources (`r`). */
export const resourceJsonSql = sql`json_build_object(
  'id', r.id, 'dataset_id', r.dataset_id, 'name', r.name, 'description', r.description, 'url', r.url,
  'url_type', r.url_type, 'format', r.format, 'mimetype', r.mimetype, 'size', r.size, 'hash', r.hash,
  'blob_key', r.blob_key, 'position', r.position, 'state', r.state,
  'created', to_char(r.created_at at time zone 'UTC', ${CKAN_TIME_FORMAT}),
  'last_modified_text', to_char(r.last_modified at time zone 'UTC', ${CKAN_TIME_FORMAT}),
  'modified', to_char(r.modified_at at time zone 'UTC', ${CKAN_TIME_FORMAT}))`;

export function toResource(row: ResourceRow): Resource {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    name: row.name,
    description: row.description,
    url: row.url,
    urlType: row.url_type === 'upload' ? 'upload' : null,
    format: row.format,
    mimetype: row.mimetype,
    size: row.size,
    hash: row.hash,
    blobKey: row.blob_key,
    position: row.position,
    state: row.state,
    created: row.created,
    lastModified: row.last_modified_text,
    metadataModified: row.modified,
  };
}

function toColumns(fields: ResourceFields) {
  return {
    name: fields.name,
    description: fields.description,
    url: fields.url,
    url_type: fields.urlType,
    format: fields.format,
    mimetype: fields.mimetype,
    size: fields.size,
    hash: fields.hash,
    blob_key: fields.blobKey,
  };
}

/** The only SQL over opendata.resources. */
export class ResourcesRepo {
  constructor(private readonly db: Db) {}

  #select(executor: Executor = this.db) {
    return executor
      .withTables<CatalogTables>()
      .selectFrom('opendata.resources')
      .selectAll()
      .select([
        sql<string>`to_char(created_at at time zone 'UTC', ${CKAN_TIME_FORMAT})`.as('created'),
        sql<string | null>`to_char(last_modified at time zone 'UTC', ${CKAN_TIME_FORMAT})`.as(
          'last_modified_text',
        ),
        sql<string>`to_char(modified_at at time zone 'UTC', ${CKAN_TIME_FORMAT})`.as('modified'),
      ])
      .where('state', '=', 'active');
  }

  async findById(id: string, executor: Executor = this.db): Promise<Resource | undefined> {
    const row = await this.#select(executor).where('id', '=', id).executeTakeFirst();
    return row ? toResource(row as ResourceRow) : undefined;
  }

  async listForDatasets(ids: readonly string[], executor: Executor = this.db): Promise<Resource[]> {
    if (ids.length === 0) return [];
    const rows = await this.#select(executor).where('dataset_id', 'in', ids).orderBy('position').execute();
    return rows.map((row) => toResource(row as ResourceRow));
  }

  /** Appends a resource at the end of its dataset's list; `id` may be chosen by the caller (uploads). */
  async insert(trx: Executor, datasetId: string, fields: ResourceFields, id?: string): Promise<string> {
    const row = await trx
      .withTables<CatalogTables>()
      .insertInto('opendata.resources')
      .values({
        ...(id ? { id } : {}),
        ...toColumns(fields),
        dataset_id: datasetId,
        position: sql<number>`(select coalesce(max(position) + 1, 0) from opendata.resources where dataset_id = ${datasetId})`,
        last_modified: fields.urlType === 'upload' ? sql<Date>`now()` : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Executor, id: string, fields: ResourceFields, fileChanged: boolean): Promise<void> {
    await trx
      .withTables<CatalogTables>()
      .updateTable('opendata.resources')
      .set({
        ...toColumns(fields),
        modified_at: sql<Date>`now()`,
        ...(fileChanged ? { last_modified: sql<Date>`now()` } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(trx: Executor, id: string): Promise<void> {
    await trx.withTables<CatalogTables>().deleteFrom('opendata.resources').where('id', '=', id).execute();
  }

  /** Puts the dataset's resources in the given order (CKAN keeps `position` 0..n-1). */
  async reorder(trx: Executor, datasetId: string, orderedIds: readonly string[]): Promise<void> {
    for (const [position, id] of orderedIds.entries())
      await trx
        .withTables<CatalogTables>()
        .updateTable('opendata.resources')
        .set({ position })
        .where('id', '=', id)
        .where('dataset_id', '=', datasetId)
        .execute();
  }

  /** Ids of the active resources whose dataset the viewer may read. */
  async idsReadableBy(viewer: Viewer): Promise<Set<string>> {
    const result = await sql<{ id: string }>`
      select r.id from opendata.resources r join opendata.datasets d on d.id = r.dataset_id
      where r.state = 'active' and ${readableSql(viewer)}`.execute(this.db);
    return new Set(result.rows.map((row) => row.id));
  }

  async count(): Promise<number> {
    const result = await sql<{ n: number }>`
      select count(*) as n from opendata.resources r join opendata.datasets d on d.id = r.dataset_id
      where r.state = 'active' and d.state = 'active' and not d.private`.execute(this.db);
    return Number(result.rows[0]?.n ?? 0);
  }
}
