import { sql, type RawBuilder } from 'kysely';
import { isArrayType, type DatastoreField, type FieldType } from '../schema/field-types';
import { invalid } from '../actions/params';
import { arrayLiteral } from '../schema/pg-literals';
import { vietnamesePattern } from './vietnamese-pattern';

/** `_id` plus the table's columns: what filters, q, sort and fields may name. */
export type FieldMap = ReadonlyMap<string, FieldType>;

export const ID_FIELD: DatastoreField = { id: '_id', type: 'int' };

export function fieldMap(fields: readonly DatastoreField[]): FieldMap {
  return new Map([ID_FIELD, ...fields].map((field) => [field.id, field.type]));
}

function known(fields: FieldMap, id: string, param: string): string {
  if (!fields.has(id)) throw invalid(param, `field "${id}" not in table`);
  return id;
}

const OPERATORS: Readonly<Record<string, string>> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** A filter value as the text PostgreSQL casts to the column's type. */
function filterText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => key in OPERATORS)
  );
}

/** One value of a filter: equality, NULL, or (CKAN 2.12) a range `{"gte": 2010, "lt": 2020}`. */
function condition(column: RawBuilder<unknown>, value: unknown): RawBuilder<unknown> {
  if (value === null) return sql`${column} is null`;
  if (isOperatorObject(value) && Object.keys(value).length > 0) {
    const parts = Object.entries(value).map(
      ([op, operand]) => sql`${column} ${sql.raw(OPERATORS[op] ?? '=')} ${filterText(operand)}`,
    );
    return sql`(${sql.join(parts, sql` and `)})`;
  }
  return sql`${column} = ${filterText(value)}`;
}

/**
 * `filters`: fields are ANDed, a list of values for one field is ORed (`{"phuong": ["Hải Châu I", "Thạch
 * Thang"]}`). Values are parameters cast by PostgreSQL to the column's type.
 */
export function filterConditions(fields: FieldMap, filters: Record<string, unknown>): RawBuilder<unknown>[] {
  return Object.entries(filters).map(([id, value]) => {
    const column = sql`${sql.id(known(fields, id, 'filters'))}`;
    const type = fields.get(id) as FieldType;
    if (!Array.isArray(value) || isArrayType(type))
      return condition(column, Array.isArray(value) ? arrayLiteral(value) : value);
    if (value.length === 0) return sql`false`;
    return sql`(${sql.join(
      value.map((item) => condition(column, item)),
      sql` or `,
    )})`;
  });
}

/** Words of a query, each of which must occur (folded: "da nang" finds "Đà Nẵng"). */
function words(q: string): string[] {
  return q
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 16);
}

function contains(text: RawBuilder<unknown>, word: string): RawBuilder<unknown> {
  return sql`${text} ~* ${vietnamesePattern(word)}`;
}

/**
 * `q`: a string searches all fields, a dict searches the named ones. Matching ignores case and Vietnamese
 * diacritics, word by word, so "hai chau" finds "Phường Hải Châu I" (see vietnamese-pattern.ts).
 */
export function queryConditions(
  fields: FieldMap,
  q: string | Record<string, unknown> | undefined,
): RawBuilder<unknown>[] {
  if (q === undefined || q === '') return [];
  if (typeof q === 'string') {
    const everything = sql`concat_ws(' ', ${sql.join([...fields.keys()].filter((id) => id !== '_id').map((id) => sql.id(id)))})`;
    return words(q).map((word) => contains(everything, word));
  }
  return Object.entries(q).flatMap(([id, value]) => {
    const column = sql`${sql.id(known(fields, id, 'q'))}::text`;
    return words(filterText(value)).map((word) => contains(column, word));
  });
}

export interface SortClause {
  readonly field: string;
  readonly descending: boolean;
  readonly nulls?: 'first' | 'last';
}

const SORT_CLAUSE = /^\s*("(?:[^"]|"")+"|[^\s"]+)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;

/** CKAN's sort string: `"f1, f2 desc, \"Tên phường\" asc nulls last"`. */
export function parseSort(fields: FieldMap, sort: string | string[] | undefined): SortClause[] {
  const clauses = Array.isArray(sort) ? sort : (sort ?? '').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  return clauses
    .filter((clause) => clause.trim().length > 0)
    .map((clause) => {
      const match = SORT_CLAUSE.exec(clause);
      if (!match) throw invalid('sort', `Invalid sort clause "${clause.trim()}"`);
      const raw = match[1] ?? '';
      const field = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
      known(fields, field, 'sort');
      const nulls = match[3]?.toLowerCase() as 'first' | 'last' | undefined;
      return { field, descending: match[2]?.toLowerCase() === 'desc', ...(nulls ? { nulls } : {}) };
    });
}

export function orderBy(sort: readonly SortClause[]): RawBuilder<unknown> {
  const clauses = sort.length > 0 ? sort : [{ field: '_id', descending: false }];
  return sql.join(
    clauses.map((clause) => {
      const nulls = clause.nulls ? sql.raw(` nulls ${clause.nulls}`) : sql``;
      return sql`${sql.id(clause.field)} ${sql.raw(clause.descending ? 'desc' : 'asc')}${nulls}`;
    }),
  );
}

/** The field list of `fields` (list or comma string), checked; every field when absent. */
export function selectedFields(
  all: readonly DatastoreField[],
  requested: string[] | undefined,
): DatastoreField[] {
  const everything = [ID_FIELD, ...all];
  if (!requested || requested.length === 0) return everything;
  const byId = new Map(everything.map((field) => [field.id, field]));
  return requested.map((id) => {
    const field = byId.get(id);
    if (!field) throw invalid('fields', `field "${id}" not in table`);
    return field;
  });
}

/**
 * How a column is selected so both engines give CKAN's JSON: timestamps as "2026-11-23T08:30:00", times
 * as "08:30:00", arrays as JSON arrays (to_jsonb renders them identically on PGlite and PostgreSQL).
 */
export function selectExpression(field: DatastoreField): RawBuilder<unknown> {
  const column = sql.id(field.id);
  if (field.type === 'timestamp' || field.type === 'time' || isArrayType(field.type)) {
    return sql`to_jsonb(${column}) as ${column}`;
  }
  return sql`${column}`;
}
