import type { DatastoreField } from '../schema/field-types';

export const recordsFormats = ['objects', 'lists', 'csv', 'tsv'] as const;
export type RecordsFormat = (typeof recordsFormats)[number];

type Row = Readonly<Record<string, unknown>>;

/** A value as PostgreSQL's COPY would write it (CKAN renders csv/tsv records with COPY). */
function plainText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvField(value: unknown): string {
  const text = plainText(value);
  if (text === null) return '';
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function tsvField(value: unknown): string {
  const text = plainText(value);
  if (text === null) return '\\N';
  return text.replace(
    /[\\\t\n\r]/g,
    (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] ?? char,
  );
}

/** Records in the requested shape: objects, lists of values, or csv/tsv text without a header line. */
export function formatRecords(
  rows: readonly Row[],
  fields: readonly DatastoreField[],
  format: RecordsFormat,
): unknown {
  if (format === 'objects')
    return rows.map((row) => Object.fromEntries(fields.map((field) => [field.id, row[field.id] ?? null])));
  const lists = rows.map((row) => fields.map((field) => row[field.id] ?? null));
  if (format === 'lists') return lists;
  const cell = format === 'csv' ? csvField : tsvField;
  const separator = format === 'csv' ? ',' : '\t';
  return lists.map((values) => `${values.map(cell).join(separator)}\n`).join('');
}

/** CKAN's paging links: the request's own URL with `offset` moved (no `prev` before the first page). */
export function pageLinks(requestUrl: string, limit: number, offset: number): Record<string, string> {
  const url = new URL(requestUrl, 'http://localhost');
  const at = (value: number | undefined) => {
    const copy = new URL(url);
    if (value === undefined) copy.searchParams.delete('offset');
    else copy.searchParams.set('offset', String(value));
    return `${copy.pathname}${copy.search}`;
  };
  const links: Record<string, string> = { start: at(undefined), next: at(offset + limit) };
  if (offset - limit > 0) links.prev = at(offset - limit);
  return links;
}

/** Fields as CKAN lists them in a search result: id, type and the data dictionary's info when there is one. */
export function presentFields(fields: readonly DatastoreField[]): DatastoreField[] {
  return fields.map((field) =>
    field.info && Object.keys(field.info).length > 0
      ? { id: field.id, type: field.type, info: field.info }
      : { id: field.id, type: field.type },
  );
}
