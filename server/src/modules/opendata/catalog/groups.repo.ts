import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { CKAN_TIME_FORMAT, type CatalogTables } from './catalog.tables';
import type { Group, GroupFields, License } from './catalog.model';
import { isUuid } from './datasets.repo';

type Executor = Kysely<unknown> | Transaction<unknown>;

/** The only SQL over opendata.groups (topic groups) and opendata.licenses. */
export class GroupsRepo {
  #licenses: Promise<License[]> | undefined;

  constructor(private readonly db: Db) {}

  #select() {
    return this.db
      .withTables<CatalogTables>()
      .selectFrom('opendata.groups as g')
      .selectAll('g')
      .select([
        sql<string>`to_char(g.created_at at time zone 'UTC', ${CKAN_TIME_FORMAT})`.as('created'),
        sql<number>`(select count(*) from opendata.dataset_groups dg join opendata.datasets d on d.id = dg.dataset_id
                     where dg.group_id = g.id and d.state = 'active' and not d.private)`.as('package_count'),
      ])
      .where('g.state', '=', 'active');
  }

  async list(): Promise<Group[]> {
    const rows = await this.#select().orderBy('g.title').execute();
    return rows.map(toGroup);
  }

  async find(idOrName: string): Promise<Group | undefined> {
    const row = await this.#select()
      .where(isUuid(idOrName) ? 'g.id' : 'g.name', '=', idOrName)
      .executeTakeFirst();
    return row ? toGroup(row) : undefined;
  }

  async insert(trx: Executor, fields: GroupFields): Promise<string> {
    const row = await trx
      .withTables<CatalogTables>()
      .insertInto('opendata.groups')
      .values(toColumns(fields))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Executor, id: string, fields: GroupFields): Promise<void> {
    await trx
      .withTables<CatalogTables>()
      .updateTable('opendata.groups')
      .set({ ...toColumns(fields), modified_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /** Removes the group and its memberships (the audit log keeps what it was). */
  async delete(trx: Executor, id: string): Promise<void> {
    // Memberships go by cascade; the copy search filters on (DatasetsRepo.touch) goes here.
    await sql`update opendata.datasets set group_ids = array_remove(group_ids, ${id}::uuid)
              where group_ids @> array[${id}::uuid]`.execute(trx);
    await trx.withTables<CatalogTables>().deleteFrom('opendata.groups').where('id', '=', id).execute();
  }

  /**
   * The licence list. Only migrations write opendata.licenses, and they run before a process serves,
   * so each process reads it once (every package dict and licence facet needs it).
   */
  licenses(): Promise<License[]> {
    this.#licenses ??= this.#readLicenses().catch((error: unknown) => {
      this.#licenses = undefined;
      throw error;
    });
    return this.#licenses;
  }

  async #readLicenses(): Promise<License[]> {
    const rows = await this.db
      .withTables<CatalogTables>()
      .selectFrom('opendata.licenses')
      .selectAll()
      .orderBy('position')
      .execute();
    return rows.map((row) => ({ id: row.id, title: row.title, url: row.url, isOpen: row.is_open }));
  }
}

function toColumns(fields: GroupFields) {
  return {
    name: fields.name,
    title: fields.title,
    title_en: fields.titleEn,
    description: fields.description,
    description_en: fields.descriptionEn,
    image_url: fields.imageUrl,
  };
}

function toGroup(row: {
  id: string;
  name: string;
  title: string;
  title_en: string | null;
  description: string | null;
  description_en: string | null;
  image_url: string | null;
  state: string;
  created: string;
  package_count: number;
}): Group {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    titleEn: row.title_en,
    description: row.description,
    descriptionEn: row.description_en,
    imageUrl: row.image_url,
    state: row.state,
    created: row.created,
    packageCount: Number(row.package_count),
  };
}
