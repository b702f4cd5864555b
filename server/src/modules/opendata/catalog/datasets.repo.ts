import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { CKAN_TIME_FORMAT, type CatalogTables } from './catalog.tables';
import type { Dataset, DatasetFields, DatasetState, Extra, Frequency } from './catalog.model';
import type { PreparedStatements } from './prepared';
import { resourceJsonSql, toResource, type ResourceRow } from './resources.repo';

type Executor = Kysely<unknown> | Transaction<unknown>;
type DatasetRow = Pick<Selectable<CatalogTables['opendata.datasets']>, (typeof datasetColumns)[number]> & {
  created: string;
  modified: string;
};

/** What access checks need without loading the whole dataset. */
export interface DatasetHead {
  readonly id: string;
  readonly name: string;
  readonly ownerOrg: string;
  readonly private: boolean;
  readonly state: DatasetState;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

function toColumns(fields: Omit<DatasetFields, 'tags' | 'groupIds' | 'extras'>, orgTitle: string) {
  return {
    name: fields.name,
    title: fields.title,
    title_en: fields.titleEn,
    notes: fields.notes,
    notes_en: fields.notesEn,
    owner_org: fields.ownerOrg,
    org_title: orgTitle,
    license_id: fields.licenseId,
    private: fields.private,
    state: fields.state,
    author: fields.author,
    author_email: fields.authorEmail,
    maintainer: fields.maintainer,
    maintainer_email: fields.maintainerEmail,
    url: fields.url,
    version: fields.version,
    frequency: fields.frequency,
    temporal_start: fields.temporalStart,
    temporal_end: fields.temporalEnd,
    spatial_coverage: fields.spatialCoverage,
    is_sample: fields.isSample,
  };
}

// What loadMany reads beside the row: the dataset's links, ordered as the package dict shows them.
interface RelatedColumns {
  readonly tag_list: string[];
  readonly group_list: string[];
  readonly extra_list: Extra[];
  readonly resource_list: ResourceRow[];
}

// The row's own columns (not the search vector or the derived search columns).
const datasetColumns = [
  'id',
  'name',
  'title',
  'title_en',
  'notes',
  'notes_en',
  'owner_org',
  'org_title',
  'license_id',
  'private',
  'state',
  'author',
  'author_email',
  'maintainer',
  'maintainer_email',
  'url',
  'version',
  'frequency',
  'temporal_start',
  'temporal_end',
  'spatial_coverage',
  'is_sample',
  'creator_user_id',
] as const;

function toDataset(row: DatasetRow & RelatedColumns): Dataset {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    titleEn: row.title_en,
    notes: row.notes,
    notesEn: row.notes_en,
    ownerOrg: row.owner_org,
    orgTitle: row.org_title,
    licenseId: row.license_id,
    private: row.private,
    state: row.state as DatasetState,
    author: row.author,
    authorEmail: row.author_email,
    maintainer: row.maintainer,
    maintainerEmail: row.maintainer_email,
    url: row.url,
    version: row.version,
    frequency: row.frequency as Frequency | null,
    temporalStart: row.temporal_start,
    temporalEnd: row.temporal_end,
    spatialCoverage: row.spatial_coverage,
    isSample: row.is_sample,
    creatorUserId: row.creator_user_id,
    created: row.created,
    modified: row.modified,
    tags: row.tag_list,
    groupIds: row.group_list,
    extras: row.extra_list.map((extra) => ({ key: extra.key, value: extra.value })),
    resources: row.resource_list.map(toResource),
  };
}

/** The only SQL over opendata.datasets and its tags, groups and extras. */
export class DatasetsRepo {
  constructor(
    private readonly db: Db,
    private readonly statements?: PreparedStatements,
  ) {}

  #tables(executor: Executor = this.db) {
    return executor.withTables<CatalogTables>();
  }

  async findHead(idOrName: string, executor: Executor = this.db): Promise<DatasetHead | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('opendata.datasets')
      .select(['id', 'name', 'owner_org', 'private', 'state'])
      .where(isUuid(idOrName) ? 'id' : 'name', '=', idOrName)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          name: row.name,
          ownerOrg: row.owner_org,
          private: row.private,
          state: row.state as DatasetState,
        }
      : undefined;
  }

  /**
   * Full datasets in the order of `ids` (missing ids are skipped), in one statement: tags, groups,
   * extras and resources come as arrays and JSON beside each row (a search page is one round trip).
   */
  async loadMany(ids: readonly string[], executor: Executor = this.db): Promise<Dataset[]> {
    if (ids.length === 0) return [];
    const query = sql<DatasetRow & RelatedColumns>`
      select ${sql.join(datasetColumns.map((column) => sql.ref(`d.${column}`)))},
        to_char(d.created_at at time zone 'UTC', ${CKAN_TIME_FORMAT}) as created,
        to_char(d.modified_at at time zone 'UTC', ${CKAN_TIME_FORMAT}) as modified,
        array(select t.name from opendata.dataset_tags dt join opendata.tags t on t.id = dt.tag_id
              where dt.dataset_id = d.id order by t.name) as tag_list,
        array(select dg.group_id::text from opendata.dataset_groups dg where dg.dataset_id = d.id) as group_list,
        coalesce((select json_agg(json_build_object('key', e.key, 'value', e.value) order by e.key)
                  from opendata.dataset_extras e where e.dataset_id = d.id), '[]') as extra_list,
        coalesce((select json_agg(${resourceJsonSql} order by r.position)
                  from opendata.resources r where r.dataset_id = d.id and r.state = 'active'), '[]') as resource_list
      from opendata.datasets d where d.id = any(${[...ids]}::uuid[])`;
    // Inside a transaction the statement must run on the transaction's connection.
    const rows =
      executor === this.db && this.statements
        ? await this.statements.rows(query)
        : (await query.execute(executor)).rows;
    const byId = new Map(rows.map((row) => [row.id, toDataset(row)]));
    return ids.map((id) => byId.get(id)).filter((d): d is Dataset => d !== undefined);
  }

  async insert(
    trx: Executor,
    fields: DatasetFields,
    orgTitle: string,
    creatorUserId: string | null,
  ): Promise<string> {
    const row = await this.#tables(trx)
      .insertInto('opendata.datasets')
      .values({ ...toColumns(fields, orgTitle), creator_user_id: creatorUserId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.#writeRelated(trx, row.id, fields);
    return row.id;
  }

  async update(trx: Executor, id: string, fields: DatasetFields, orgTitle: string): Promise<void> {
    await this.#tables(trx)
      .updateTable('opendata.datasets')
      .set({ ...toColumns(fields, orgTitle), modified_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    await this.#tables(trx).deleteFrom('opendata.dataset_tags').where('dataset_id', '=', id).execute();
    await this.#tables(trx).deleteFrom('opendata.dataset_groups').where('dataset_id', '=', id).execute();
    await this.#tables(trx).deleteFrom('opendata.dataset_extras').where('dataset_id', '=', id).execute();
    await this.#writeRelated(trx, id, fields);
  }

  async setState(trx: Executor, id: string, state: DatasetState): Promise<void> {
    await this.#tables(trx)
      .updateTable('opendata.datasets')
      .set({ state, modified_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Marks the dataset modified and recomputes what search reads from its tags, groups and resources:
   * the text of the search vector and the filter/facet arrays (see 202611230450_search_facet_arrays).
   */
  async touch(trx: Executor, id: string): Promise<void> {
    await sql`
      update opendata.datasets d set modified_at = now(),
        tags_text = coalesce((select string_agg(t.name, ' ') from opendata.dataset_tags dt
                              join opendata.tags t on t.id = dt.tag_id where dt.dataset_id = d.id), ''),
        resources_text = coalesce((select string_agg(coalesce(r.name, '') || ' ' || coalesce(r.description, ''), ' ')
                                   from opendata.resources r where r.dataset_id = d.id and r.state = 'active'), ''),
        tag_names = array(select t.name from opendata.dataset_tags dt join opendata.tags t on t.id = dt.tag_id
                          where dt.dataset_id = d.id order by t.name),
        res_formats = array(select distinct r.format from opendata.resources r
                            where r.dataset_id = d.id and r.state = 'active' order by r.format),
        group_ids = array(select dg.group_id from opendata.dataset_groups dg
                          where dg.dataset_id = d.id order by dg.group_id)
      where d.id = ${id}`.execute(trx);
  }

  /** Names of public, active datasets (CKAN's package_list). */
  async publicNames(limit: number | null, offset: number): Promise<string[]> {
    let select = this.#tables()
      .selectFrom('opendata.datasets')
      .select('name')
      .where('state', '=', 'active')
      .where('private', '=', false)
      .orderBy('name')
      .offset(offset);
    if (limit !== null) select = select.limit(limit);
    return (await select.execute()).map((row) => row.name);
  }

  /** Datasets per organisation: public active ones, or every not-deleted one. */
  async countsByOrg(everyState: boolean): Promise<Map<string, number>> {
    let select = this.#tables()
      .selectFrom('opendata.datasets')
      .select(['owner_org', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('owner_org');
    select = everyState
      ? select.where('state', '<>', 'deleted')
      : select.where('state', '=', 'active').where('private', '=', false);
    const rows = await select.execute();
    return new Map(rows.map((row) => [row.owner_org, Number(row.n)]));
  }

  async #writeRelated(trx: Executor, id: string, fields: DatasetFields): Promise<void> {
    const t = this.#tables(trx);
    const tags = [...new Set(fields.tags)];
    if (tags.length > 0) {
      await t
        .insertInto('opendata.tags')
        .values(tags.map((name) => ({ name })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const tagIds = await t.selectFrom('opendata.tags').select('id').where('name', 'in', tags).execute();
      await t
        .insertInto('opendata.dataset_tags')
        .values(tagIds.map((tag) => ({ dataset_id: id, tag_id: tag.id })))
        .execute();
    }
    const groupIds = [...new Set(fields.groupIds)];
    if (groupIds.length > 0)
      await t
        .insertInto('opendata.dataset_groups')
        .values(groupIds.map((groupId) => ({ dataset_id: id, group_id: groupId })))
        .execute();
    if (fields.extras.length > 0)
      await t
        .insertInto('opendata.dataset_extras')
        .values(fields.extras.map((extra) => ({ dataset_id: id, key: extra.key, value: extra.value })))
        .execute();
    await this.touch(trx, id);
  }
}
