/**
 * The DataStore's column types, named as in CKAN (`text`, `int`, `numeric`, `timestamp`, ...; arrays as
 * `int[]`), and the PostgreSQL type each is stored as.
 */
export const scalarTypes = [
  'text',
  'int',
  'int8',
  'float',
  'numeric',
  'bool',
  'date',
  'time',
  'timestamp',
  'json',
] as const;
export type ScalarType = (typeof scalarTypes)[number];
export type FieldType = ScalarType | `${ScalarType}[]`;

/** One column of a DataStore table and its data dictionary entry (`info`: label, notes, type_override). */
export interface DatastoreField {
  readonly id: string;
  readonly type: FieldType;
  readonly info?: Readonly<Record<string, unknown>>;
}

const pgScalar: Readonly<Record<ScalarType, string>> = {
  text: 'text',
  int: 'integer',
  int8: 'bigint',
  float: 'double precision',
  numeric: 'numeric',
  bool: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  json: 'jsonb',
};

// Names CKAN clients send that mean one of ours (PostgreSQL spellings, Table Schema words, xloader's).
const aliases: Readonly<Record<string, ScalarType>> = {
  int4: 'int',
  integer: 'int',
  bigint: 'int8',
  float8: 'float',
  'double precision': 'float',
  number: 'numeric',
  boolean: 'bool',
  jsonb: 'json',
  nested: 'json',
  string: 'text',
  varchar: 'text',
  datetime: 'timestamp',
};

function scalarOf(name: string): ScalarType | undefined {
  const lower = name.trim().toLowerCase();
  if ((scalarTypes as readonly string[]).includes(lower)) return lower as ScalarType;
  return aliases[lower];
}

/** The canonical name of a type a client asked for, or undefined when we do not support it. */
export function normaliseType(name: string): FieldType | undefined {
  const trimmed = name.trim();
  const arrayPrefix = trimmed.startsWith('_') ? trimmed.slice(1) : undefined;
  const element = trimmed.endsWith('[]') ? trimmed.slice(0, -2) : arrayPrefix;
  if (element !== undefined) {
    const scalar = scalarOf(element);
    return scalar && scalar !== 'json' ? `${scalar}[]` : undefined;
  }
  return scalarOf(trimmed);
}

export function isArrayType(type: FieldType): type is `${ScalarType}[]` {
  return type.endsWith('[]');
}

export function elementType(type: FieldType): ScalarType {
  return (isArrayType(type) ? type.slice(0, -2) : type) as ScalarType;
}

/** The PostgreSQL type a column of this DataStore type is created with. */
export function pgTypeOf(type: FieldType): string {
  const scalar = pgScalar[elementType(type)];
  return isArrayType(type) ? `${scalar}[]` : scalar;
}

/** Types whose values sort and compare meaningfully, so a btree index can serve filters on them. */
export function isIndexable(type: FieldType): boolean {
  return !isArrayType(type) && type !== 'json';
}

export function isNumericType(type: FieldType): boolean {
  return type === 'int' || type === 'int8' || type === 'float' || type === 'numeric';
}
