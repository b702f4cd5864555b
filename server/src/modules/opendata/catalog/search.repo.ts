import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { PreparedStatements } from './prepared';
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

// Tags, groups and formats are read from the arrays kept on the row (202611230450_search_facet_arrays),
// so neither a filter nor a facet joins the link tables.
function valueSql(field: FilterField, v: string): RawBuilder<boolean> {
  switch (field) {
    case 'tags':
      return sql`d.tag_names @> array[${v}]::text[]`;
    case 'organization':
      return sql`d.owner_org::text = ${v}`;
    case 'groups':
      return sql`d.group_ids && array(select g.id from opendata.groups g where g.name = ${v})`;
    case 'res_format':
      return sql`exists (select 1 from unnest(d.res_formats) f where upper(f) = upper(${v}))`;
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

// The parsed words, computed once per statement (a CTE) rather than once per row and use.
function tsquerySql(text: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery('simple'::regconfig, platform.search_key(${text}))`;
}

function conditionsSql(query: SearchQuery): RawBuilder<boolean> {
  const conditions = [visibleSql(query.viewer, query.visibility), ...query.filters.map(filterSql)];
  if (query.text) conditions.push(sql<boolean>`d.search_vector @@ q.words`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/**
 * Words are compared accent-free (platform.search_key) as whole words; a dataset whose title holds
 * every word scores above any that matches elsewhere only.
 */
const scoreSql = sql`(case when ts_filter(d.search_vector, '{a}') @@ q.words then 1 else 0 end)
                     + ts_rank(d.search_vector, q.words)`;

const sortExpressions: Record<SortField, RawBuilder<unknown>> = {
  score: scoreSql,
  metadata_modified: sql`d.modified_at`,
  metadata_created: sql`d.created_at`,
  title_string: sql`platform.search_key(d.title)`,
  name: sql`d.name`,
};

const facetArrays: Partial<Record<FacetField, RawBuilder<unknown>>> = {
  tags: sql`d.tag_names`,
  groups: sql`d.group_ids`,
  res_format: sql`d.res_formats`,
};

function sortKeys(query: SearchQuery) {
  // name last: a stable order for equal keys (and pages that do not overlap).
  return [...query.sort, { field: 'name' as const, descending: false }].map((key, index) => ({
    ...key,
    column: `k${index}`,
  }));
}

/**
 * `m`, the matches, with what the page sorts on and the facets count; computed once for the total,
 * the page and every facet.
 */
function matchesSql(query: SearchQuery, facets: readonly FacetField[], page: boolean): RawBuilder<unknown> {
  const columns = [
    sql`d.id`,
    ...facets.flatMap((field) => {
      const array = facetArrays[field];
      return array ? [sql`${array} as ${sql.ref(field)}`] : [];
    }),
    ...(facets.includes('organization') ? [sql`d.owner_org`] : []),
    ...(facets.includes('license_id') ? [sql`d.license_id`] : []),
    ...(page
      ? sortKeys(query).map((key) =>
          key.field === 'score' && !query.text
            ? sql`0 as ${sql.ref(key.column)}`
            : sql`${sortExpressions[key.field]} as ${sql.ref(key.column)}`,
        )
      : []),
  ];
  const words = query.text ? sql`, q` : sql``;
  return sql`select ${sql.join(columns)} from opendata.datasets d ${words} where ${conditionsSql(query)}`;
}

function pageSql(query: SearchQuery): RawBuilder<unknown> {
  const order = sql.join(
    sortKeys(query).map((key) => sql`${sql.ref(key.column)} ${sql.raw(key.descending ? 'desc' : 'asc')}`),
  );
  return sql`(select 'page' as field, m.id::text as value, row_number() over (order by ${order}) as n
              from m order by ${order} limit ${query.rows} offset ${query.start})`;
}

// Over `m`: one row per dataset and value (arrays hold each value once), so count(*) counts datasets.
function facetValuesSql(field: FacetField): RawBuilder<unknown> {
  switch (field) {
    case 'tags':
      return sql`select unnest(m.tags) as value from m`;
    case 'organization':
      return sql`select m.owner_org::text as value from m`;
    case 'groups':
      return sql`select g.name as value from m cross join unnest(m.groups) as member(group_id)
                 join opendata.groups g on g.id = member.group_id`;
    case 'res_format':
      return sql`select value from m cross join unnest(m.res_format) as value where value <> ''`;
    case 'license_id':
      return sql`select m.license_id as value from m where m.license_id is not null`;
  }
}

function facetSql(field: FacetField, request: FacetRequest): RawBuilder<unknown> {
  const limit = request.limit >= 0 ? sql`limit ${request.limit}` : sql``;
  return sql`(select ${sql.lit(field)} as field, value, count(*) as n from (${facetValuesSql(field)}) v
              group by value having count(*) >= ${request.mincount}
              order by n desc, value asc ${limit})`;
}

export interface SearchResult {
  readonly ids: string[];
  readonly count: number;
  readonly facets: Map<FacetField, [string, number][]>;
}

/** Full-text search and facets over the catalog, in PostgreSQL only (no Solr). */
export class SearchRepo {
  constructor(
    private readonly db: Db,
    private readonly statements: PreparedStatements,
  ) {}

  /** One page of matches and their total. */
  async search(query: SearchQuery): Promise<{ ids: string[]; count: number }> {
    const { ids, count } = await this.#run(query, null);
    return { ids, count };
  }

  /** A page, the total and the facet counts. */
  searchWithFacets(query: SearchQuery, request: FacetRequest): Promise<SearchResult> {
    return this.#run(query, request);
  }

  /**
   * One statement: the matches are found once (a materialised CTE) for the total, the page and every
   * facet, which come back as (field, value, n) rows.
   */
  async #run(query: SearchQuery, request: FacetRequest | null): Promise<SearchResult> {
    const fields = [...new Set(request?.fields ?? [])];
    const page = query.rows > 0;
    // Materialised: a reused (generic) plan would otherwise parse the words again for every row.
    const words = query.text ? sql`q as materialized (select ${tsquerySql(query.text)} as words),` : sql``;
    const parts = [
      sql`select 'count' as field, '' as value, count(*) as n from m`,
      ...(page ? [pageSql(query)] : []),
      ...(request ? fields.map((field) => facetSql(field, request)) : []),
    ];
    const rows = await this.statements.rows(sql<{
      field: 'count' | 'page' | FacetField;
      value: string;
      n: number;
    }>`
      with ${words} m as materialized (${matchesSql(query, fields, page)})
      ${sql.join(parts, sql` union all `)}`);
    const facets = new Map<FacetField, [string, number][]>(
      (request?.fields ?? []).map((field): [FacetField, [string, number][]] => [field, []]),
    );
    const pageRows: { id: string; n: number }[] = [];
    let count = 0;
    for (const row of rows) {
      if (row.field === 'count') count = Number(row.n);
      else if (row.field === 'page') pageRows.push({ id: row.value, n: Number(row.n) });
      else facets.get(row.field)?.push([row.value, Number(row.n)]);
    }
    pageRows.sort((a, b) => a.n - b.n);
    return { ids: pageRows.map((row) => row.id), count, facets };
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
