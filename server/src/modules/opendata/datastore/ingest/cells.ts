import type { FieldType } from '../schema/field-types';
import { parseBool, parseDate, parseNumber, parseTime, parseTimestamp, type NumberStyle } from './vn-values';

/** One value read from a file: CSV gives strings; XLSX and JSON also give numbers, booleans, dates, objects. */
export type Cell =
  string | number | boolean | Date | null | readonly unknown[] | { readonly [key: string]: unknown };

/** A data row of a file and the line (CSV, JSON) or row number (XLSX) it starts on. */
export interface SourceRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** Turns one cell into a field of PostgreSQL's COPY text format, or undefined when it is not of the type. */
export type Converter = (cell: Cell | undefined) => string | undefined;

export const COPY_NULL = '\\N';
const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '',
};

export function escapeCopy(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r\0]/g, (char) => ESCAPES[char] ?? '') : text;
}

function isoOf(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

function textOf(cell: Exclude<Cell, null>): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return isoOf(cell);
  return JSON.stringify(cell);
}

const toText: Converter = (cell) => {
  if (cell === null || cell === undefined || cell === '') return COPY_NULL;
  return escapeCopy(textOf(cell));
};

/** Wraps a string parser: blanks are NULL, other non-strings go to `other`. */
function fromString(
  parse: (value: string) => string | undefined,
  other: (cell: Cell) => string | undefined,
): Converter {
  return (cell) => {
    if (cell === null || cell === undefined) return COPY_NULL;
    if (typeof cell !== 'string') return other(cell);
    const trimmed = cell.trim();
    return trimmed === '' ? COPY_NULL : parse(trimmed);
  };
}

function numberConverter(style: NumberStyle, integer: boolean): Converter {
  const accept = (canonical: string | undefined) =>
    integer && canonical?.includes('.') ? undefined : canonical;
  return fromString(
    (value) => accept(parseNumber(value, style)),
    (cell) => (typeof cell === 'number' && Number.isFinite(cell) ? accept(String(cell)) : undefined),
  );
}

const isMidnight = (date: Date) => date.getTime() % 86_400_000 === 0;

const toDate = fromString(parseDate, (cell) =>
  cell instanceof Date && isMidnight(cell) ? isoOf(cell).slice(0, 10) : undefined,
);
const toTimestamp = fromString(parseTimestamp, (cell) => (cell instanceof Date ? isoOf(cell) : undefined));
const toTime = fromString(parseTime, () => undefined);
const toBool = fromString(parseBool, (cell) => (typeof cell === 'boolean' ? (cell ? 't' : 'f') : undefined));

function isJsonText(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

const toJson: Converter = (cell) => {
  if (cell === null || cell === undefined || cell === '') return COPY_NULL;
  if (typeof cell === 'string') return isJsonText(cell) ? escapeCopy(cell) : undefined;
  return escapeCopy(JSON.stringify(cell instanceof Date ? cell.toISOString() : cell));
};

/** The converter of a loaded column (arrays are not read from files: they stay text). */
export function converterFor(type: FieldType, style: NumberStyle): Converter {
  switch (type) {
    case 'int':
    case 'int8':
      return numberConverter(style, true);
    case 'float':
    case 'numeric':
      return numberConverter(style, false);
    case 'date':
      return toDate;
    case 'timestamp':
      return toTimestamp;
    case 'time':
      return toTime;
    case 'bool':
      return toBool;
    case 'json':
      return toJson;
    default:
      return toText;
  }
}
