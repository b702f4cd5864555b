import { normaliseType, type FieldType } from '../schema/field-types';
import type { Cell } from './cells';
import { parseBool, parseDate, parseNumber, parseTime, parseTimestamp, type NumberStyle } from './vn-values';

/** What a column of a file holds, judged from a sample of its rows. */
export interface ColumnGuess {
  readonly type: FieldType;
  readonly style: NumberStyle;
  /** Longest value seen, in characters (short text columns are worth an index; prose is not). */
  readonly maxLength: number;
  /** Share of distinct values among the non-empty ones (low for categories, 1 for codes and prose). */
  readonly distinctRatio: number;
  /** Whether some value has a space (names, prose) or none does (codes). */
  readonly spaces: boolean;
}

// Distinct values counted per column of the sample; beyond this a column is not a category anyway.
const MAX_DISTINCT = 5000;

type Candidate = 'vn' | 'en' | 'date' | 'timestamp' | 'time' | 'bool';

const stringTests: Readonly<Record<Candidate, (value: string) => boolean>> = {
  vn: (value) => parseNumber(value, 'vn') !== undefined,
  en: (value) => parseNumber(value, 'en') !== undefined,
  date: (value) => parseDate(value) !== undefined,
  timestamp: (value) => parseTimestamp(value) !== undefined,
  time: (value) => parseTime(value) !== undefined,
  bool: (value) => parseBool(value) !== undefined,
};

/**
 * Narrows a column's type value by value: every candidate type starts possible and drops out at the first
 * value that does not fit it. The narrowest survivor wins: bool, then number (Vietnamese convention
 * before English), date, timestamp, time; text when none survives or the column is empty.
 */
export class ColumnProfile {
  readonly #alive = new Set<Candidate>(['vn', 'en', 'date', 'timestamp', 'time', 'bool']);
  #seen = 0;
  #json = false;
  #maxLength = 0;
  #spaces = false;
  readonly #distinct = new Set<string>();

  add(cell: Cell | undefined): void {
    if (cell === null || cell === undefined) return;
    if (typeof cell === 'string') return this.#addString(cell.trim());
    this.#seen += 1;
    if (this.#distinct.size < MAX_DISTINCT && typeof cell !== 'object') this.#distinct.add(String(cell));
    if (typeof cell === 'number') this.#keepOnly(['vn', 'en']);
    else if (typeof cell === 'boolean') this.#keepOnly(['bool']);
    else if (cell instanceof Date)
      this.#keepOnly(cell.getTime() % 86_400_000 === 0 ? ['date', 'timestamp'] : ['timestamp']);
    else this.#json = true;
  }

  guess(): ColumnGuess {
    const base = {
      style: this.#alive.has('vn') ? ('vn' as const) : ('en' as const),
      maxLength: this.#maxLength,
      // An empty column counts as prose: nothing to index.
      distinctRatio: this.#seen === 0 ? 1 : this.#distinct.size / this.#seen,
      spaces: this.#seen === 0 || this.#spaces,
    };
    if (this.#seen === 0) return { ...base, type: 'text' };
    if (this.#json) return { ...base, type: 'json' };
    if (this.#alive.has('bool')) return { ...base, type: 'bool' };
    if (this.#alive.has('vn') || this.#alive.has('en')) return { ...base, type: 'numeric' };
    for (const type of ['date', 'timestamp', 'time'] as const)
      if (this.#alive.has(type)) return { ...base, type };
    return { ...base, type: 'text' };
  }

  #addString(value: string): void {
    if (value === '') return;
    this.#seen += 1;
    if (value.length > this.#maxLength) this.#maxLength = value.length;
    if (!this.#spaces && value.includes(' ')) this.#spaces = true;
    if (this.#distinct.size < MAX_DISTINCT) this.#distinct.add(value);
    for (const candidate of this.#alive) if (!stringTests[candidate](value)) this.#alive.delete(candidate);
  }

  #keepOnly(candidates: readonly Candidate[]): void {
    for (const candidate of this.#alive) if (!candidates.includes(candidate)) this.#alive.delete(candidate);
  }
}

/** Guesses every column of a sample of rows. */
export function guessColumns(
  columnCount: number,
  rows: Iterable<readonly (Cell | undefined)[]>,
): ColumnGuess[] {
  const profiles = Array.from({ length: columnCount }, () => new ColumnProfile());
  for (const cells of rows) {
    for (let column = 0; column < columnCount; column += 1) profiles[column]?.add(cells[column]);
  }
  return profiles.map((profile) => profile.guess());
}

/**
 * A type the publisher fixed in the data dictionary (`info.type_override`, as with CKAN's xloader) wins
 * over the guess on the next load; arrays cannot be read from a file and are ignored.
 */
export function applyOverride(guess: ColumnGuess, override: unknown): ColumnGuess {
  if (typeof override !== 'string' || override === '') return guess;
  const type = normaliseType(override);
  return type && !type.endsWith('[]') ? { ...guess, type } : guess;
}
