/**
 * Reading the values found in Vietnamese spreadsheets. Each parser takes a trimmed, non-empty string and
 * returns the canonical text PostgreSQL accepts for the type, or undefined when the value is not of it.
 *
 * Numbers come in two conventions: Vietnamese ("1.234.567" with dot thousands, "12,5" with a decimal
 * comma) and English ("1,234.5"). "1.234" is ambiguous (1234 or 1.234): a column is read with one
 * convention, Vietnamese unless some value only fits the English one. Codes with a leading zero ("0511",
 * "007") and integers of more than 15 digits (ID card, tax and phone numbers) are not numbers: they stay
 * text so nothing is lost.
 */
export type NumberStyle = 'vn' | 'en';

const MAX_INTEGER_DIGITS = 15;
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Scans the integer part from `from`: digits, optionally grouped by threes with `separator`; no leading
 * zero unless the number is 0. Returns [end, digit count, grouped] or undefined.
 */
function scanInteger(value: string, from: number, separator: number): [number, number, boolean] | undefined {
  if (!isDigit(value.charCodeAt(from))) return undefined;
  const leadingZero = value.charCodeAt(from) === 48;
  let run = 0;
  let digits = 0;
  let grouped = false;
  let at = from;
  for (; at < value.length; at += 1) {
    const code = value.charCodeAt(at);
    if (isDigit(code)) {
      run += 1;
      digits += 1;
    } else if (code === separator && run > 0 && !leadingZero && (grouped ? run === 3 : run <= 3)) {
      grouped = true;
      run = 0;
    } else break;
  }
  if ((grouped && run !== 3) || (leadingZero && digits > 1) || digits > MAX_INTEGER_DIGITS) return undefined;
  return [at, digits, grouped];
}

/** Written for speed without regular expressions: a load calls it once per numeric cell. */
export function parseNumber(value: string, style: NumberStyle): string | undefined {
  const thousands = style === 'vn' ? 46 : 44;
  const decimal = style === 'vn' ? 44 : 46;
  const first = value.charCodeAt(0);
  const signed = first === 45 || first === 43;
  const integer = scanInteger(value, signed ? 1 : 0, thousands);
  if (!integer) return undefined;
  const [end, , grouped] = integer;
  let fraction = false;
  if (end < value.length) {
    if (value.charCodeAt(end) !== decimal || end + 1 >= value.length) return undefined;
    for (let at = end + 1; at < value.length; at += 1) if (!isDigit(value.charCodeAt(at))) return undefined;
    fraction = true;
  }
  let canonical = first === 43 ? value.slice(1) : value;
  if (grouped) canonical = canonical.replaceAll(style === 'vn' ? '.' : ',', '');
  if (fraction && style === 'vn') canonical = canonical.replace(',', '.');
  return canonical;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads a run of 1..max digits at `from`: [value, end] or undefined. */
function digitsAt(value: string, from: number, max: number): [number, number] | undefined {
  let number = 0;
  let at = from;
  for (; at < value.length && at - from < max && isDigit(value.charCodeAt(at)); at += 1) {
    number = number * 10 + value.charCodeAt(at) - 48;
  }
  return at === from ? undefined : [number, at];
}

/** "2026-11-23", "23/11/2026", "23-11-2026", "23.11.2026" (day first, as written in Vietnam). */
export function parseDate(value: string): string | undefined {
  if (value.length < 8 || value.length > 10) return undefined;
  const first = digitsAt(value, 0, 4);
  if (!first) return undefined;
  const separator = value.charCodeAt(first[1]);
  const second = digitsAt(value, first[1] + 1, 2);
  if (!second || value.charCodeAt(second[1]) !== separator) return undefined;
  const third = digitsAt(value, second[1] + 1, 4);
  if (!third || third[1] !== value.length) return undefined;
  const iso = first[1] === 4 && separator === 45 && third[1] - second[1] <= 3;
  const dayFirst =
    first[1] <= 2 && third[1] - second[1] === 5 && (separator === 47 || separator === 45 || separator === 46);
  if (!iso && !dayFirst) return undefined;
  const [year, month, day] = iso ? [first[0], second[0], third[0]] : [third[0], second[0], first[0]];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return iso && value.length === 10 ? value : `${year}-${pad2(month)}-${pad2(day)}`;
}

/** "08:30", "8:30:15", "08:30:15.250" → "08:30:15.250". */
export function parseTime(value: string): string | undefined {
  const clock = CLOCK.exec(value);
  if (!clock) return undefined;
  const hours = Number(clock[1]);
  const minutes = Number(clock[2]);
  const seconds = Number(clock[3] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const fraction = clock[4] ? `.${clock[4]}` : '';
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fraction}`;
}

/**
 * A date with a time of day ("23/11/2026 08:30", "2026-11-23T08:30:00", a trailing "Z" read as UTC), or a
 * date alone (midnight), so that a column mixing both is a timestamp column. Other UTC offsets are not
 * read: the wall-clock time would be ambiguous.
 */
export function parseTimestamp(value: string): string | undefined {
  const text = value.endsWith('Z') ? value.slice(0, -1) : value;
  const split = text.search(/[T ]/);
  if (split < 0) {
    const day = parseDate(text);
    return day ? `${day} 00:00:00` : undefined;
  }
  const day = parseDate(text.slice(0, split));
  const time = parseTime(text.slice(split + 1).trim());
  return day && time ? `${day} ${time}` : undefined;
}

const TRUE_WORDS = new Set(['có', 'co', 'true', 'đúng', 'yes']);
const FALSE_WORDS = new Set(['không', 'khong', 'false', 'sai', 'no']);

/** có/không, true/false (any case) → "t"/"f". Digits are numbers, not booleans. */
export function parseBool(value: string): 't' | 'f' | undefined {
  const lower = value.toLowerCase();
  if (TRUE_WORDS.has(lower)) return 't';
  if (FALSE_WORDS.has(lower)) return 'f';
  return undefined;
}
