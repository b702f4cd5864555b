import { isIndexable, isNumericType, type DatastoreField } from '../schema/field-types';
import { fieldIdsFromHeader } from '../schema/identifiers';
import { converterFor, type Cell } from './cells';
import type { LoadColumn } from './copy-rows';
import { applyOverride, guessColumns, type ColumnGuess } from './infer';
import { fileProblem, LoadFailure } from './load-problems';

// PostgreSQL allows 1600 columns; a file wider than this is almost certainly not a table.
const MAX_COLUMNS = 1000;
// Text longer than this is prose (notes, descriptions): filtering on it exactly is rare, indexing it costly.
const MAX_INDEXED_TEXT_LENGTH = 64;

export interface ColumnPlan {
  readonly fields: DatastoreField[];
  readonly columns: LoadColumn[];
  readonly guesses: ColumnGuess[];
}

/**
 * The columns of a loaded table: ids from the header, types guessed from the sample, and the data
 * dictionary of the previous version carried over (labels, notes, and `type_override`, which beats the
 * guess, so a publisher can correct a type once and reload).
 */
export function planColumns(
  header: readonly string[],
  sample: readonly (readonly Cell[])[],
  previous: readonly DatastoreField[] | undefined,
): ColumnPlan {
  if (header.length > MAX_COLUMNS) {
    throw new LoadFailure(fileProblem('too_many_columns', { count: header.length, max: MAX_COLUMNS }));
  }
  const ids = fieldIdsFromHeader(header);
  const known = new Map((previous ?? []).map((field) => [field.id, field.info ?? {}]));
  const guesses = guessColumns(ids.length, sample).map((guess, index) =>
    applyOverride(guess, known.get(ids[index] ?? '')?.type_override),
  );
  const fields = ids.map((id, index): DatastoreField => {
    const original = (header[index] ?? '').trim();
    const info = { ...(original !== id ? { label: original } : {}), ...known.get(id) };
    const type = guesses[index]?.type ?? 'text';
    return Object.keys(info).length > 0 ? { id, type, info } : { id, type };
  });
  const columns = fields.map((field, index) => {
    const style = guesses[index]?.style ?? 'vn';
    return { id: field.id, type: field.type, style, convert: converterFor(field.type, style) };
  });
  return { fields, columns, guesses };
}

// A column whose sample repeats values (at most this share distinct) is a category: wards, districts, years.
const MAX_CATEGORY_DISTINCT_RATIO = 0.5;

function worthIndexing(field: DatastoreField, guess: ColumnGuess | undefined): boolean {
  if (!guess || !isIndexable(field.type) || field.type === 'bool') return false;
  if (field.type === 'date' || field.type === 'timestamp' || field.type === 'time') return true;
  const category = guess.distinctRatio <= MAX_CATEGORY_DISTINCT_RATIO;
  if (isNumericType(field.type)) return category;
  return guess.maxLength <= MAX_INDEXED_TEXT_LENGTH && (category || !guess.spaces);
}

/**
 * The columns worth a btree index on a large loaded table, so that datastore_search filters on them do
 * not scan it: dates and times, categories (values that repeat: wards, years) and codes (short text
 * without spaces), at most `max`. Measures (population, amounts) and prose are left out: they are rarely
 * filtered on by equality, and every index costs load time.
 */
export function columnsToIndex(
  plan: { readonly fields: readonly DatastoreField[]; readonly guesses: readonly ColumnGuess[] },
  max: number,
): string[] {
  return plan.fields
    .filter((field, index) => worthIndexing(field, plan.guesses[index]))
    .slice(0, max)
    .map((field) => field.id);
}
