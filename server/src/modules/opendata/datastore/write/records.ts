import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import { invalid } from '../actions/params';
import { isArrayType, normaliseType, type DatastoreField, type FieldType } from '../schema/field-types';
import { fieldIdProblem } from '../schema/identifiers';
import { dataTable } from '../schema/data-table';
import { arrayLiteral } from '../schema/pg-literals';
import { parseTimestamp } from '../ingest/vn-values';

export type ApiRecord = Readonly<Record<string, unknown>>;

/**
 * A record value as the SQL parameter for a column: text that PostgreSQL casts to the column's type, so
 * both drivers send the same thing and PostgreSQL alone decides what is valid.
 */
export function sqlValue(type: FieldType, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'json') return JSON.stringify(value);
  if (isArrayType(type)) return Array.isArray(value) ? arrayLiteral(value) : String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  // NFC, as loads store text: search matches composed Vietnamese letters (read/vietnamese-pattern.ts).
  return typeof value === 'string' ? value.normalize('NFC') : String(value);
}

/** A column type for values sent without one (CKAN guesses from the first record; we look at all). */
function guessType(values: readonly unknown[]): FieldType {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return 'text';
  if (present.every((value) => typeof value === 'boolean')) return 'bool';
  if (
    present.every(
      (value) => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31,
    )
  )
    return 'int';
  if (present.every((value) => typeof value === 'number')) return 'numeric';
  if (present.every((value) => typeof value === 'object')) return 'json';
  const isoTimestamp = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && parseTimestamp(value) !== undefined;
  return present.every(isoTimestamp) ? 'timestamp' : 'text';
}

/** The `fields` parameter of datastore_create, checked; types guessed from the records where absent. */
export function parseFields(value: unknown, records: readonly ApiRecord[]): DatastoreField[] {
  const given = value === undefined || value === null ? [] : value;
  if (!Array.isArray(given)) throw invalid('fields', 'Must be a list of dictionaries');
  const fields: DatastoreField[] = given.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null)
      throw invalid('fields', 'Must be a list of dictionaries');
    const { id, type, info } = entry as { id?: unknown; type?: unknown; info?: unknown };
    const problem = fieldIdProblem(id);
    if (problem) throw invalid('fields', problem);
    const name = id as string;
    const normalised =
      type === undefined || type === null || type === ''
        ? guessType(records.map((record) => record[name]))
        : normaliseType(String(type));
    if (!normalised) throw invalid('fields', `"${String(type)}" is not a valid field type`);
    if (info !== undefined && (typeof info !== 'object' || info === null || Array.isArray(info)))
      throw invalid('fields', 'info must be a dictionary');
    return info
      ? { id: name, type: normalised, info: info as Record<string, unknown> }
      : { id: name, type: normalised };
  });
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.id)) throw invalid('fields', `Duplicate column: ${field.id}`);
    seen.add(field.id);
  }
  for (const record of fields.length > 0 ? [] : records.slice(0, 1)) {
    for (const id of Object.keys(record))
      fields.push({ id, type: guessType(records.map((entry) => entry[id])) });
  }
  return fields;
}

/** Every key of every record must be a column (or `_id` where the method allows it). */
export function checkRecordKeys(
  records: readonly ApiRecord[],
  fields: readonly DatastoreField[],
  allowId: boolean,
): void {
  const known = new Set(fields.map((field) => field.id));
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!known.has(key) && !(allowId && key === '_id'))
        throw invalid('fields', `field "${key}" not in table`);
    }
  }
}

function typeOf(fields: readonly DatastoreField[], id: string): FieldType {
  return id === '_id' ? 'int8' : (fields.find((field) => field.id === id)?.type ?? 'text');
}

/** `(v1, v2, ...)` for the given columns of a record. */
export function valuesOf(
  record: ApiRecord,
  columns: readonly string[],
  fields: readonly DatastoreField[],
): RawBuilder<unknown> {
  return sql`(${sql.join(columns.map((id) => sql`${sqlValue(typeOf(fields, id), record[id])}`))})`;
}

/** Inserts records in batches (at most ~30k parameters a statement); returns their new `_id`s. */
export async function insertRecords(
  executor: Db,
  resourceId: string,
  fields: readonly DatastoreField[],
  records: readonly ApiRecord[],
): Promise<number[]> {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))].filter((id) => id !== '_id');
  if (records.length === 0) return [];
  const ids: number[] = [];
  if (columns.length === 0) {
    for (const _record of records) {
      const row = await sql<{
        _id: number;
      }>`insert into ${dataTable(resourceId)} default values returning _id`.execute(executor);
      ids.push(Number(row.rows[0]?._id));
    }
    return ids;
  }
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let at = 0; at < records.length; at += perStatement) {
    const values = records.slice(at, at + perStatement).map((record) => valuesOf(record, columns, fields));
    const result = await sql<{
      _id: number;
    }>`insert into ${dataTable(resourceId)} (${sql.join(columns.map((id) => sql.id(id)))})
      values ${sql.join(values)} returning _id`.execute(executor);
    ids.push(...result.rows.map((row) => Number(row._id)));
  }
  return ids;
}
