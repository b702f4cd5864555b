// No database imports here: the CSV worker thread loads this file, and loading Kysely costs it seconds.

/** The schema holding one table per resource, and nothing else (see docs/adr/0005-datastore-schema.md). */
export const DATA_SCHEMA = 'opendata_datastore';
/** Where a load builds its new table before swapping it in: invisible to datastore_search_sql. */
export const STAGING_SCHEMA = 'opendata';

// PostgreSQL truncates identifiers longer than 63 bytes; a field id must survive as a column name.
const MAX_IDENTIFIER_BYTES = 63;
const RESOURCE_ID = /^[A-Za-z0-9_-]{1,63}$/;

/** Resource ids become table names, so only plain CKAN-style ids are accepted. */
export function isResourceId(value: unknown): value is string {
  return typeof value === 'string' && RESOURCE_ID.test(value);
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function utf8Length(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Why a field id cannot be a column (CKAN's rules), or undefined when it can. */
export function fieldIdProblem(id: unknown): string | undefined {
  if (typeof id !== 'string' || id.length === 0) return 'Missing value';
  if (id.startsWith('_')) return `"${id}" is not a valid field name: it may not start with an underscore`;
  if (id.includes('"') || id.includes('\0'))
    return `"${id}" is not a valid field name: it may not contain quotes`;
  if (id.trim() !== id) return `"${id}" is not a valid field name: no leading or trailing spaces`;
  if (utf8Length(id) > MAX_IDENTIFIER_BYTES) return `"${id}" is not a valid field name: longer than 63 bytes`;
  return undefined;
}

/** Cuts a string to at most `bytes` UTF-8 bytes without splitting a character. */
function truncateUtf8(value: string, bytes: number): string {
  let result = '';
  for (const char of value) {
    if (utf8Length(result + char) > bytes) break;
    result += char;
  }
  return result;
}

/**
 * Turns the header cells of a file into valid, distinct field ids, keeping them as close to the original
 * as possible (Vietnamese headers stay Vietnamese): blanks become `column_N`, leading underscores and
 * quotes are dropped, long names are cut to 63 bytes, repeats get `_2`, `_3`.
 */
export function fieldIdsFromHeader(header: readonly string[]): string[] {
  const used = new Set<string>();
  return header.map((raw, index) => {
    const cleaned = raw.replaceAll('"', '').replaceAll('\0', '').trim().replace(/^_+/, '').trim();
    let base = truncateUtf8(cleaned || `column_${index + 1}`, MAX_IDENTIFIER_BYTES - 4);
    if (fieldIdProblem(base)) base = `column_${index + 1}`;
    let id = base;
    for (let suffix = 2; used.has(id); suffix += 1) id = `${base}_${suffix}`;
    used.add(id);
    return id;
  });
}
