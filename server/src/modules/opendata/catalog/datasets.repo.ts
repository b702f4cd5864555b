import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { CKAN_TIME_FORMAT, type CatalogTables } from './catalog.tables';
import type { Dataset, DatasetFields, DatasetState, Extra, Frequency, Resource } from './catalog.model';
import { ResourcesRepo } from './resources.repo';

type Executor = Kysely<unknown> | Transaction<unknown>;
type DatasetRow = Selectable<CatalogTables['opendata.datasets']> & { created: string; modified: string };

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

interface Related {
  readonly tags: Map<string, string[]>;
  readonly groups: Map<string, string[]>;
  readonly extras: Map<string, Extra[]>;
  readonly resources: Map<string, Resource[]>;
}

function toDataset(row: DatasetRow, related: Related): Dataset {
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
    tags: related.tags.get(row.id) ?? [],
    groupIds: related.groups.get(row.id) ?? [],
    extras: related.extras.get(row.id) ?? [],
    resources: related.resources.get(row.id) ?? [],
  };
}

function relatedOf(
  tags: readonly { dataset_id: string; name: string }[],
  groups: readonly { dataset_id: string; group_id: string }[],
  extras: readonly { dataset_id: string; key: string; value: string }[],
  resources: readonly Resource[],
): Related {
  const map = <T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V) =>
    new Map([...groupBy(rows, key)].map(([k, v]) => [k, v.map(value)]));
  return {
    tags: map(
      tags,
      (r) => r.dataset_id,
      (r) => r.name,
    ),
    groups: map(
      groups,
      (r) => r.dataset_id,
      (r) => r.group_id,
    ),
    extras: map(
      extras,
      (r) => r.dataset_id,
      (r) => ({ key: r.key, value: r.value }),
    ),
    resources: groupBy(resources, (r) => r.datasetId),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/** The only SQL over opendata.datasets and its tags, groups and extras. */
export class DatasetsRepo {
  readonly #resources: ResourcesRepo;

  constructor(private readonly db: Db) {
    this.#resources = new ResourcesRepo(db);
  }

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

  /** Full datasets in the order of `ids` (missing ids are skipped). */
  async loadMany(ids: readonly string[], executor: Executor = this.db): Promise<Dataset[]> {
    if (ids.length === 0) return [];
    const t = this.#tables(executor);
    const [rows, tags, groups, extras, resources] = await Promise.all([
      t
        .selectFrom('opendata.datasets')
        .selectAll()
        .select([
          sql<string>`to_char(created_at at time zone 'UTC', ${CKAN_TIME_FORMAT})`.as('created'),
          sql<string>`to_char(modified_at at time zone 'UTC', ${CKAN_TIME_FORMAT})`.as('modified'),
        ])
        .where('id', 'in', ids)
        .execute(),
      t
        .selectFrom('opendata.dataset_tags as dt')
        .innerJoin('opendata.tags as tg', 'tg.id', 'dt.tag_id')
        .select(['dt.dataset_id', 'tg.name'])
        .where('dt.dataset_id', 'in', ids)
        .orderBy('tg.name')
        .execute(),
      t.selectFrom('opendata.dataset_groups').selectAll().where('dataset_id', 'in', ids).execute(),
      t
        .selectFrom('opendata.dataset_extras')
        .selectAll()
        .where('dataset_id', 'in', ids)
        .orderBy('key')
        .execute(),
      this.#resources.listForDatasets(ids, executor),
    ]);
    const related = relatedOf(tags, groups, extras, resources);
    const byId = new Map(rows.map((row) => [row.id, toDataset(row as DatasetRow, related)]));
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

  /** Marks the dataset modified and recomputes the text the search vector is built from. */
  async touch(trx: Executor, id: string): Promise<void> {
    await sql`
      update opendata.datasets d set modified_at = now(),
        tags_text = coalesce((select string_agg(t.name, ' ') from opendata.dataset_tags dt
                              join opendata.tags t on t.id = dt.tag_id where dt.dataset_id = d.id), ''),
        resources_text = coalesce((select string_agg(coalesce(r.name, '') || ' ' || coalesce(r.description, ''), ' ')
                                   from opendata.resources r where r.dataset_id = d.id and r.state = 'active'), '')
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
