import type { DatastoreField } from '../schema/field-types';
import type { ColumnGuess } from './infer';
import type { LoadProblem } from './load-problems';

/** What the CSV worker needs to read a file: the same inputs as a load in the main thread. */
export interface CsvWorkerInit {
  readonly format: string;
  readonly previous: readonly DatastoreField[] | null;
  readonly sampleRows: number;
  readonly chunkBytes: number;
  readonly maxProblems: number;
}

/** Main thread → worker: the file's bytes, chunk by chunk (transferred), then its end. */
export type ToCsvWorker = { readonly kind: 'chunk'; readonly bytes: Uint8Array } | { readonly kind: 'end' };

/** Worker → main thread. `rows` carry COPY text-format buffers (transferred, never copied). */
export type FromCsvWorker =
  | { readonly kind: 'consumed' }
  | { readonly kind: 'plan'; readonly fields: DatastoreField[]; readonly guesses: ColumnGuess[] }
  | { readonly kind: 'rows'; readonly buffers: Uint8Array[] }
  | { readonly kind: 'progress'; readonly rows: number; readonly encoding: string }
  | {
      readonly kind: 'done';
      readonly rows: number;
      readonly problems: LoadProblem[];
      readonly problemCount: number;
      readonly encoding: string;
    }
  | { readonly kind: 'failed'; readonly problem: LoadProblem }
  | { readonly kind: 'crashed'; readonly message: string };
