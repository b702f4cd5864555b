import { CkanError } from './ckan-action';
import { readBoolean, readInteger, readNatural, readStringList } from './ckan-params';
import {
  facetFields,
  filterFields,
  sortFields,
  type FacetField,
  type FacetRequest,
  type FilterField,
  type FilterTerm,
  type SortField,
} from '../catalog/search.repo';

export const DEFAULT_SORT = 'score desc, metadata_modified desc';
export const ROWS_MAX = 1000;
// Fields CKAN clients add to fq that our rules already enforce (state, type): accepted and ignored.
const ignoredFields = new Set(['state', 'dataset_type', 'type', 'site_id', 'entity_type']);
// Solr-ish `[+-]field:value`, `field:"quoted value"` or `field:(a OR b)`.
const TERM = /([+-]?)([A-Za-z_][\w.]*):("(?:[^"\\]|\\.)*"|\([^)]*\)|[^\s()"]+)/g;

export interface ParsedSearch {
  readonly text: string | null;
  /** Filters with organisation names still to resolve. */
  readonly filters: FilterTerm[];
  readonly sort: { field: SortField; descending: boolean }[];
  readonly sortText: string;
  readonly rows: number;
  readonly start: number;
  readonly facet: boolean;
  readonly facets: FacetRequest;
  readonly includePrivate: boolean;
  readonly includeDrafts: boolean;
}

export function searchQueryError(detail: string): CkanError {
  return new CkanError('Search Query Error', `Search Query is invalid: ${JSON.stringify(detail)}`);
}

function unquote(raw: string): string[] {
  if (raw.startsWith('"')) return [raw.slice(1, -1).replace(/\\(.)/g, '$1')];
  if (raw.startsWith('('))
    return raw
      .slice(1, -1)
      .split(/\s+OR\s+/)
      .map((part) => part.trim())
      .filter(Boolean)
      .flatMap(unquote);
  return [raw.replace(/\\(.)/g, '$1')];
}

/** Splits `field:value` terms from a q/fq string; `strict` refuses leftovers and unknown fields. */
function extractTerms(input: string, strict: boolean): { terms: FilterTerm[]; rest: string } {
  const terms: FilterTerm[] = [];
  const rest = input.replace(TERM, (whole, sign: string, field: string, raw: string) => {
    if (ignoredFields.has(field)) return ' ';
    if (!(filterFields as readonly string[]).includes(field)) {
      if (strict) throw searchQueryError(`Unknown field: ${field}`);
      return ` ${unquote(raw).join(' ')} `;
    }
    terms.push({ field: field as FilterField, values: unquote(raw), negate: sign === '-' });
    return ' ';
  });
  const leftover = rest.replace(/\bAND\b|&&/g, ' ').trim();
  if (strict && leftover !== '' && leftover !== '*:*')
    throw searchQueryError(`Cannot parse filter: ${leftover}`);
  return { terms, rest: leftover };
}

function parseSort(value: unknown): { field: SortField; descending: boolean }[] {
  const text =
    typeof value === 'string' && value.trim() !== '' && value.trim() !== 'rank' ? value : DEFAULT_SORT;
  return text.split(',').map((part) => {
    const [field = '', direction, ...extra] = part.trim().split(/\s+/);
    if (!(sortFields as readonly string[]).includes(field))
      throw searchQueryError(`Cannot sort by: ${field}`);
    if ((direction !== 'asc' && direction !== 'desc') || extra.length > 0)
      throw searchQueryError(`Can't determine a Sort Order (asc or desc) in sort spec '${part.trim()}'`);
    return { field: field as SortField, descending: direction === 'desc' };
  });
}

function parseFacetFields(params: Record<string, unknown>): FacetField[] {
  const fields = readStringList(params, 'facet.field') ?? [];
  for (const field of fields)
    if (!(facetFields as readonly string[]).includes(field))
      throw searchQueryError(`Cannot facet on: ${field}`);
  return fields as FacetField[];
}

/** package_search's parameters with CKAN's defaults (rows 10, max 1000; facet.limit 50; mincount 1). */
export function parseSearchParams(params: Record<string, unknown>): ParsedSearch {
  if (params.q !== undefined && typeof params.q !== 'string')
    throw CkanError.invalid({ q: ['Must be a string'] });
  const q = extractTerms(typeof params.q === 'string' ? params.q : '', false);
  const fqList = [
    ...(readStringList({ fq: params.fq }, 'fq') ?? []),
    ...(readStringList(params, 'fq_list') ?? []),
  ];
  const filters = [...q.terms, ...fqList.flatMap((fq) => extractTerms(fq, true).terms)];
  const text = q.rest.replace(/^\*(:\*)?$/, '').trim();
  const sort = parseSort(params.sort);
  return {
    text: text === '' ? null : text,
    filters,
    sort,
    sortText: sort.map((key) => `${key.field} ${key.descending ? 'desc' : 'asc'}`).join(', '),
    rows: Math.min(readNatural(params, 'rows', 10), ROWS_MAX),
    start: readNatural(params, 'start', 0),
    facet: readBoolean(params.facet, true),
    facets: {
      fields: parseFacetFields(params),
      limit: readInteger(params, 'facet.limit', 50),
      mincount: readInteger(params, 'facet.mincount', 1),
    },
    includePrivate: readBoolean(params.include_private, false),
    includeDrafts: readBoolean(params.include_drafts, false),
  };
}
