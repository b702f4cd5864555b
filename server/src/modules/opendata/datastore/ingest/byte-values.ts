import type { NumberStyle } from './vn-values';

/**
 * Byte-level twins of `parseNumber` and `parseDate` for the CSV hot path: they read a cell where it lies in
 * the file's buffer, so the million numeric and date cells of a large file never become strings. They
 * accept exactly what the string parsers accept (checked value by value in byte-values.test.ts); a scan
 * returns a small integer the matching writer uses, or -1 for a value that is not of the type.
 */
export interface ByteSink {
  reserve(bytes: number): void;
  byte(value: number): void;
}

const DOT = 46;
const COMMA = 44;
const MINUS = 45;
const PLUS = 43;
const MAX_INTEGER_DIGITS = 15;
const GROUPED = 1;
const FRACTION = 2;

const isDigit = (byte: number) => byte >= 48 && byte <= 57;

/** Flags of a valid number (GROUPED, FRACTION), or -1. `integerOnly` refuses a fraction. */
export function scanNumber(
  buffer: Buffer,
  start: number,
  end: number,
  style: NumberStyle,
  integerOnly: boolean,
): number {
  const thousands = style === 'vn' ? DOT : COMMA;
  const decimal = style === 'vn' ? COMMA : DOT;
  let at = buffer[start] === MINUS || buffer[start] === PLUS ? start + 1 : start;
  if (at >= end || !isDigit(buffer[at] ?? 0)) return -1;
  const leadingZero = buffer[at] === 48;
  let run = 0;
  let digits = 0;
  let flags = 0;
  for (; at < end; at += 1) {
    const byte = buffer[at] ?? 0;
    if (isDigit(byte)) {
      run += 1;
      digits += 1;
    } else if (byte === thousands && run > 0 && !leadingZero && (flags & GROUPED ? run === 3 : run <= 3)) {
      flags |= GROUPED;
      run = 0;
    } else break;
  }
  if ((flags & GROUPED && run !== 3) || (leadingZero && digits > 1) || digits > MAX_INTEGER_DIGITS) return -1;
  if (at === end) return flags;
  if (integerOnly || buffer[at] !== decimal || at + 1 >= end) return -1;
  for (let fraction = at + 1; fraction < end; fraction += 1) if (!isDigit(buffer[fraction] ?? 0)) return -1;
  return flags | FRACTION;
}

/** Writes a scanned number in PostgreSQL's notation: no '+', no thousands separators, '.' before decimals. */
export function writeNumber(
  out: ByteSink,
  buffer: Buffer,
  start: number,
  end: number,
  style: NumberStyle,
): void {
  const thousands = style === 'vn' ? DOT : COMMA;
  const decimal = style === 'vn' ? COMMA : DOT;
  out.reserve(end - start);
  for (let at = buffer[start] === PLUS ? start + 1 : start; at < end; at += 1) {
    const byte = buffer[at] ?? 0;
    if (byte === thousands) continue;
    out.byte(byte === decimal ? DOT : byte);
  }
}

// Scratch slots [value, end] of the three parts of a date: no allocation per cell.
const parts = new Int32Array(6);

/** Reads 1..max digits at `at` into parts[slot] (value) and parts[slot + 1] (end); false when none. */
function digitsAt(buffer: Buffer, at: number, end: number, max: number, slot: number): boolean {
  let value = 0;
  let cursor = at;
  for (; cursor < end && cursor - at < max && isDigit(buffer[cursor] ?? 0); cursor += 1) {
    value = value * 10 + (buffer[cursor] ?? 0) - 48;
  }
  parts[slot] = value;
  parts[slot + 1] = cursor;
  return cursor > at;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A date as yyyymmdd ("2026-11-23", "23/11/2026", "23-11-2026", "23.11.2026"), or -1. */
export function scanDate(buffer: Buffer, start: number, end: number): number {
  if (end - start < 8 || end - start > 10) return -1;
  if (!digitsAt(buffer, start, end, 4, 0)) return -1;
  const firstEnd = parts[1] ?? 0;
  const separator = buffer[firstEnd] ?? 0;
  if (!digitsAt(buffer, firstEnd + 1, end, 2, 2) || buffer[parts[3] ?? 0] !== separator) return -1;
  if (!digitsAt(buffer, (parts[3] ?? 0) + 1, end, 4, 4) || parts[5] !== end) return -1;
  const firstDigits = firstEnd - start;
  const lastDigits = end - (parts[3] ?? 0) - 1;
  const iso = firstDigits === 4 && separator === MINUS && lastDigits <= 2;
  const dayFirst =
    firstDigits <= 2 && lastDigits === 4 && (separator === 47 || separator === MINUS || separator === DOT);
  if (!iso && !dayFirst) return -1;
  const year = iso ? (parts[0] ?? 0) : (parts[4] ?? 0);
  const month = parts[2] ?? 0;
  const day = iso ? (parts[4] ?? 0) : (parts[0] ?? 0);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10_000 + month * 100 + day;
}

/** Writes yyyymmdd as "yyyy-mm-dd". */
export function writeDate(out: ByteSink, packed: number): void {
  out.reserve(10);
  const year = Math.floor(packed / 10_000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  out.byte(48 + Math.floor(year / 1000));
  out.byte(48 + (Math.floor(year / 100) % 10));
  out.byte(48 + (Math.floor(year / 10) % 10));
  out.byte(48 + (year % 10));
  out.byte(MINUS);
  out.byte(48 + Math.floor(month / 10));
  out.byte(48 + (month % 10));
  out.byte(MINUS);
  out.byte(48 + Math.floor(day / 10));
  out.byte(48 + (day % 10));
}

/** The bounds of a cell without surrounding spaces and tabs, packed into the two-slot `into`. */
export function trimmed(buffer: Buffer, start: number, end: number, into: Int32Array): void {
  let from = start;
  let to = end;
  while (from < to && (buffer[from] === 32 || buffer[from] === 9)) from += 1;
  while (to > from && (buffer[to - 1] === 32 || buffer[to - 1] === 9)) to -= 1;
  into[0] = from;
  into[1] = to;
}
