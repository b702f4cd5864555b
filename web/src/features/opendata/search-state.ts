import type { QueryValue } from '../../lib/api';
import { facetFields, type FacetField } from './opendata.types';

export const sortOptions = [
  'score desc, metadata_modified desc',
  'metadata_modified desc',
  'metadata_created desc',
  'title_string asc',
] as const;
export type SortOption = (typeof sortOptions)[number];

export const PAGE_SIZE = 10;

/** What the search page shows, kept in the address bar so a search can be bookmarked and shared. */
export interface SearchState {
  readonly q: string;
  readonly filters: Readonly<Record<FacetField, readonly string[]>>;
  readonly sort: SortOption;
  readonly page: number;
}

export const emptyFilters: Readonly<Record<FacetField, readonly string[]>> = {
  organization: [],
  groups: [],
  tags: [],
  res_format: [],
  license_id: [],
};

export function parseSearchState(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    facetFields.map((field) => [field, [...new Set(params.getAll(field).filter(Boolean))]]),
  ) as Record<FacetField, string[]>;
  const sort = sortOptions.find((option) => option === params.get('sort')) ?? sortOptions[0];
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { q: params.get('q') ?? '', filters, sort, page };
}

/** The address-bar form of a state: only what differs from the defaults. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const field of facetFields) for (const value of state.filters[field]) params.append(field, value);
  if (state.sort !== sortOptions[0]) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** `field:"value"` with CKAN's escaping of quotes and backslashes. */
export function fqTerm(field: FacetField, value: string): string {
  return `${field}:"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * package_search parameters: every checked facet value is one more `fq` condition (ANDed, as on
 * CKAN's own pages); `fixed` adds the filter of an organisation or topic page.
 */
export function packageSearchParams(
  state: SearchState,
  fixed: Partial<Record<FacetField, string>> = {},
): Record<string, QueryValue> {
  const terms = [
    ...Object.entries(fixed).map(([field, value]) => fqTerm(field as FacetField, value)),
    ...facetFields.flatMap((field) => state.filters[field].map((value) => fqTerm(field, value))),
  ];
  return {
    q: state.q.trim() || undefined,
    fq: terms.join(' ') || undefined,
    sort: state.sort,
    rows: PAGE_SIZE,
    start: (state.page - 1) * PAGE_SIZE,
    'facet.field': JSON.stringify(facetFields.filter((field) => !(field in fixed))),
    'facet.limit': 50,
  };
}

export function toggleFilter(state: SearchState, field: FacetField, value: string): SearchState {
  const current = state.filters[field];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [field]: next }, page: 1 };
}

export function activeFilterCount(state: SearchState): number {
  return facetFields.reduce((sum, field) => sum + state.filters[field].length, 0);
}
