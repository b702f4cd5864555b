import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { visibleSql, type Viewer, type VisibilityOptions } from './catalog.access';

export const filterFields = [
  'tags',
  'organization',
  'groups',
  'res_format',
  'license_id',
  'name',
  'id',
  'capacity',
] as const;
export type FilterField = (typeof filterFields)[number];
export const facetFields = ['tags', 'organization', 'groups', 'res_format', 'license_id'] as const;
export type FacetField = (typeof facetFields)[number];
export const sortFields = ['score', 'metadata_modified', 'metadata_created', 'title_string', 'name'] as const;
export type SortField = (typeof sortFields)[number];

/** One `field:value` or `field:(a OR b)` condition; `organization` values are already agency ids. */
export interface FilterTerm {
  readonly field: FilterField;
  readonly values: readonly string[];
  readonly negate: boolean;
}

export interface SearchQuery {
  readonly text: string | null;
  readonly filters: readonly FilterTerm[];
  readonly viewer: Viewer;
  readonly visibility: VisibilityOptions;
  readonly sort: readonly { readonly field: SortField; readonly descending: boolean }[];
  readonly rows: number;
  readonly start: number;
}

export interface FacetRequest {
  readonly fields: readonly FacetField[];
  /** Negative: no limit. */
  readonly limit: number;
  readonly mincount: number;
}

const sortColumns: Record<SortField, RawBuilder<unknown>> = {
  score: sql`score`,
  metadata_modified: sql`modified_at`,
  metadata_created: sql`created_at`,
  title_string: sql`title_key`,
  name: sql`name`,
};

function valueSql(field: FilterField, v: string): RawBuilder<boolean> {
  switch (field) {
    case 'tags':
      return sql`exists (select 1 from opendata.dataset_tags dt join opendata.tags t on t.id = dt.tag_id
                         where dt.dataset_id = d.id and t.name = ${v})`;
    case 'organization':
      return sql`d.owner_org::text = ${v}`;
    case 'groups':
      return sql`exists (select 1 from opendata.dataset_groups dg join opendata.groups g on g.id = dg.group_id
                         where dg.dataset_id = d.id and g.name = ${v})`;
    case 'res_format':
      return sql`exists (select 1 from opendata.resources r
                         where r.dataset_id = d.id and r.state = 'active' and upper(r.format) = upper(${v}))`;
    case 'license_id':
      return sql`d.license_id = ${v}`;
    case 'name':
      return sql`d.name = ${v}`;
    case 'id':
      return sql`d.id::text = ${v}`;
    case 'capacity':
      return sql`d.private = ${v === 'private'}`;
  }
}

function filterSql(term: FilterTerm): RawBuilder<boolean> {
  const any =
    term.values.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          term.values.map((v) => valueSql(term.field, v)),
          sql` or `,
        )})`;
  return term.negate ? sql<boolean>`not ${any}` : any;
}

function tsquerySql(text: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery('simple'::regconfig, platform.search_key(${text}))`;
}

function conditionsSql(query: SearchQuery): RawBuilder<boolean> {
  const conditions = [visibleSql(query.viewer, query.visibility), ...query.filters.map(filterSql)];
  if (query.text) conditions.push(sql<boolean>`d.search_vector @@ ${tsquerySql(query.text)}`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/**
 * The matching datasets with their score, for the page. Words are compared accent-free
 * (platform.search_key) as whole words; a dataset whose title holds every word scores above any that
 * matches elsewhere only.
 */
function scoredSql(query: SearchQuery): RawBuilder<unknown> {
  const tsquery = tsquerySql(query.text ?? '');
  const score = query.text
    ? sql`(case when ts_filter(d.search_vector, '{a}') @@ ${tsquery} then 1 else 0 end) + ts_rank(d.search_vector, ${tsquery})`
    : sql`0`;
  return sql`select d.id, d.name, d.modified_at, d.created_at, platform.search_key(d.title) as title_key,
                    ${score} as score
             from opendata.datasets d where ${conditionsSql(query)}`;
}

/** Full-text search and facets over the catalog, in PostgreSQL only (no Solr). */
export class SearchRepo {
  constructor(private readonly db: Db) {}

  /** One page of matches and their total. */
  async search(query: SearchQuery): Promise<{ ids: string[]; count: number }> {
    const [ids, summary] = await Promise.all([this.#page(query), this.#summary(query, null)]);
    return { ids, count: summary.count };
  }

  /**
   * A page, the total and the facet counts in two statements run side by side: the matches are found
   * once for the total and every facet (one scan instead of one per facet).
   */
  async searchWithFacets(
    query: SearchQuery,
    request: FacetRequest,
  ): Promise<{ ids: string[]; count: number; facets: Map<FacetField, [string, number][]> }> {
    const [ids, summary] = await Promise.all([this.#page(query), this.#summary(query, request)]);
    return { ids, ...summary };
  }

  async #page(query: SearchQuery): Promise<string[]> {
    if (query.rows === 0) return [];
    const order = sql.join(
      [...query.sort, { field: 'name' as const, descending: false }].map(
        (key) => sql`${sortColumns[key.field]} ${sql.raw(key.descending ? 'desc' : 'asc')}`,
      ),
    );
    const page = await sql<{ id: string }>`
      select id from (${scoredSql(query)}) m order by ${order} limit ${query.rows} offset ${query.start}`.execute(
      this.db,
    );
    return page.rows.map((row) => row.id);
  }

  async #summary(
    query: SearchQuery,
    request: FacetRequest | null,
  ): Promise<{ count: number; facets: Map<FacetField, [string, number][]> }> {
    const limit = request && request.limit >= 0 ? sql`limit ${request.limit}` : sql``;
    const parts = [
      sql`select 'count' as field, '' as value, count(*) as n from m`,
      ...[...new Set(request?.fields ?? [])].map(
        (
          field,
        ) => sql`(select ${sql.lit(field)} as field, value, count(distinct dataset_id) as n from (${facetValuesSql(field)}) v
           group by value having count(distinct dataset_id) >= ${request?.mincount ?? 1}
           order by n desc, value asc ${limit})`,
      ),
    ];
    const rows = await sql<{ field: 'count' | FacetField; value: string; n: number }>`
      with m as materialized (
        select d.id, d.owner_org, d.license_id from opendata.datasets d where ${conditionsSql(query)})
      ${sql.join(parts, sql` union all `)}`.execute(this.db);
    const facets = new Map<FacetField, [string, number][]>(
      (request?.fields ?? []).map((field): [FacetField, [string, number][]] => [field, []]),
    );
    let count = 0;
    for (const row of rows.rows) {
      if (row.field === 'count') count = Number(row.n);
      else facets.get(row.field)?.push([row.value, Number(row.n)]);
    }
    return { count, facets };
  }

  /**
   * Titles for the search box: trigram similarity on the accent-free title, so a partial or misspelt
   * entry ("dan so da nag") still finds "Dân số Đà Nẵng"; substring matches come first.
   */
  async suggest(text: string, viewer: Viewer, limit: number): Promise<{ name: string; title: string }[]> {
    // A plain scan with strpos/similarity: titles are few (hundreds to tens of thousands), and the
    // result must not depend on which trigram index path the planner picks.
    const key = sql`platform.search_key(${text})`;
    const result = await sql<{ name: string; title: string }>`
      select d.name, d.title from opendata.datasets d
      where ${visibleSql(viewer, { includePrivate: false, includeDrafts: false })}
        and (strpos(platform.search_key(d.title), ${key}) > 0 or similarity(platform.search_key(d.title), ${key}) >= 0.3)
      order by (strpos(platform.search_key(d.title), ${key}) > 0) desc,
               similarity(platform.search_key(d.title), ${key}) desc, d.name
      limit ${limit}`.execute(this.db);
    return result.rows;
  }
}

// Over `m`, the matches (see #summary).
function facetValuesSql(field: FacetField): RawBuilder<unknown> {
  switch (field) {
    case 'tags':
      return sql`select m.id as dataset_id, t.name as value from m
                 join opendata.dataset_tags dt on dt.dataset_id = m.id join opendata.tags t on t.id = dt.tag_id`;
    case 'organization':
      return sql`select m.id as dataset_id, m.owner_org::text as value from m`;
    case 'groups':
      return sql`select m.id as dataset_id, g.name as value from m
                 join opendata.dataset_groups dg on dg.dataset_id = m.id join opendata.groups g on g.id = dg.group_id`;
    case 'res_format':
      return sql`select m.id as dataset_id, r.format as value from m
                 join opendata.resources r on r.dataset_id = m.id and r.state = 'active' and r.format <> ''`;
    case 'license_id':
      return sql`select m.id as dataset_id, m.license_id as value from m where m.license_id is not null`;
  }
}
