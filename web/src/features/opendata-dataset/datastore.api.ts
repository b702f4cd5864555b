import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryValue } from '../../lib/api';
import { ckanAction } from '../opendata/ckan';
import { opendataKey } from '../opendata/opendata.api';

/** A DataStore column; `info` is its data dictionary entry (label, notes, type_override). */
export interface DatastoreField {
  readonly id: string;
  readonly type: string;
  readonly info?: { readonly label?: string; readonly notes?: string; readonly type_override?: string };
}

export type DatastoreRecord = Readonly<Record<string, unknown>>;

export interface DatastoreSearchResult {
  readonly fields: readonly DatastoreField[];
  readonly records: readonly DatastoreRecord[];
  readonly total?: number;
  readonly limit: number;
  readonly offset: number;
}

export interface DatastoreQuery {
  readonly resourceId: string;
  /** Words to find; in `column` only when given, else in every column (accents optional). */
  readonly q?: string;
  readonly column?: string | null;
  readonly sort?: { readonly field: string; readonly descending: boolean } | null;
  readonly fields?: readonly string[];
  readonly limit: number;
  readonly offset?: number;
}

const numericTypes = new Set(['int', 'int4', 'int8', 'integer', 'bigint', 'float', 'float8', 'numeric']);

export function isNumericField(field: Pick<DatastoreField, 'type'>): boolean {
  return numericTypes.has(field.type.toLowerCase());
}

/** A column name as CKAN's sort wants it: double-quoted, quotes doubled. */
function quoted(id: string): string {
  return `"${id.replace(/"/g, '""')}"`;
}

/** datastore_search parameters: `q` is a string, or `{column: words}` as JSON to search one column. */
export function datastoreParams(query: DatastoreQuery): Record<string, QueryValue> {
  const q = query.q?.trim();
  return {
    resource_id: query.resourceId,
    q: q ? (query.column ? JSON.stringify({ [query.column]: q }) : q) : undefined,
    sort: query.sort ? `${quoted(query.sort.field)} ${query.sort.descending ? 'desc' : 'asc'}` : undefined,
    fields: query.fields?.join(','),
    limit: query.limit,
    offset: query.offset ?? 0,
  };
}

export function useDatastoreSearch(query: DatastoreQuery, enabled = true) {
  const params = datastoreParams(query);
  return useQuery({
    queryKey: [...opendataKey, 'datastore', params],
    queryFn: ({ signal }) => ckanAction<DatastoreSearchResult>('datastore_search', params, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
