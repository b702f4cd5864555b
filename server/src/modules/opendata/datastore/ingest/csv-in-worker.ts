import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { DatastoreField } from '../schema/field-types';
import type { CopySink } from './copy-sink';
import type { CsvWorkerInit, FromCsvWorker } from './csv-worker.protocol';
import type { ColumnGuess } from './infer';
import { LoadFailure, type LoadProblem } from './load-problems';

export interface WorkerStaged {
  readonly fields: DatastoreField[] | undefined;
  readonly guesses: ColumnGuess[] | undefined;
  readonly rows: number;
  readonly problems: { readonly items: LoadProblem[]; readonly count: number };
  readonly encoding: string;
}

export interface WorkerHandlers {
  /** The columns are known: create the staging table and open the sink the rows go to. */
  onPlan(fields: DatastoreField[]): Promise<CopySink>;
  onProgress(rows: number, encoding: string): Promise<void>;
}

// Input goes to the worker in batches of about a megabyte: one message per 64 KB stream chunk costs more
// in round trips than the parsing itself. Batches sent but not yet taken, and COPY bytes received but not
// yet written, are the two bounds that keep memory flat whichever side (parsing or database) is slower.
const BATCH_BYTES = 1024 * 1024;
const MAX_BATCHES_AHEAD = 3;
const MAX_PENDING_BYTES = 16 * 1024 * 1024;
// A larger young generation than a worker's default: parsing makes many short-lived strings (-25% time).
const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * Drives a CSV load whose parsing runs in a worker thread: sends the file's chunks, writes the COPY
 * buffers that come back to the sink in order, and returns what the worker's pipeline concluded.
 */
class CsvWorkerLoad {
  readonly #worker: Worker;
  #ahead = 0;
  #pendingBytes = 0;
  #writing: Promise<void> = Promise.resolve();
  #sink: CopySink | undefined;
  #plan: { fields: DatastoreField[]; guesses: ColumnGuess[] } | undefined;
  #outcome: FromCsvWorker | undefined;
  #failure: unknown;
  #wake: () => void = () => undefined;

  constructor(
    init: CsvWorkerInit,
    private readonly handlers: WorkerHandlers,
  ) {
    const entry = new URL('./csv-worker.ts', import.meta.url).href;
    this.#worker = new Worker(new URL('./csv-worker.boot.mjs', import.meta.url), {
      workerData: { entry, init },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.#worker.on('message', (message: FromCsvWorker) => this.#receive(message));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on(
      'exit',
      (code) => this.#outcome ?? this.#fail(new Error(`CSV worker exited with ${code}`)),
    );
  }

  #receive(message: FromCsvWorker): void {
    if (message.kind === 'consumed') this.#ahead -= 1;
    else if (message.kind === 'plan') {
      this.#plan = { fields: message.fields, guesses: message.guesses };
      this.#chain(async () => void (this.#sink = await this.handlers.onPlan(message.fields)));
    } else if (message.kind === 'rows') this.#rows(message.buffers);
    else if (message.kind === 'progress')
      this.#chain(() => this.handlers.onProgress(message.rows, message.encoding));
    else this.#outcome = message;
    this.#wake();
  }

  #rows(views: readonly Uint8Array[]): void {
    const buffers = views.map((view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength));
    const bytes = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    this.#pendingBytes += bytes;
    this.#chain(async () => {
      await this.#sink?.write(buffers);
      this.#pendingBytes -= bytes;
    });
  }

  /** Database work in arrival order; the first failure stops the load. */
  #chain(step: () => Promise<void>): void {
    this.#writing = this.#writing
      .then(() => (this.#failure ? undefined : step()))
      .then(() => this.#wake()) // a write done may be what the sending loop waits for
      .catch((error: unknown) => this.#fail(error));
  }

  #fail(error: unknown): void {
    this.#failure ??= error;
    this.#wake();
  }

  async #until(ready: () => boolean): Promise<void> {
    while (!ready() && !this.#failure) await new Promise<void>((resolve) => (this.#wake = resolve));
    if (this.#failure) throw this.#failure;
  }

  /** Sends a batch once the worker and the database have room for it; false when the worker is done. */
  async #send(chunks: Buffer[]): Promise<boolean> {
    await this.#until(
      () =>
        this.#outcome !== undefined ||
        (this.#ahead < MAX_BATCHES_AHEAD && this.#pendingBytes < MAX_PENDING_BYTES),
    );
    if (this.#outcome) return false;
    const bytes = new Uint8Array(Buffer.concat(chunks)); // its own memory, so it can be transferred
    this.#ahead += 1;
    this.#worker.postMessage({ kind: 'chunk', bytes }, [bytes.buffer]);
    return true;
  }

  async run(input: Readable): Promise<WorkerStaged> {
    try {
      let batch: Buffer[] = [];
      let size = 0;
      for await (const chunk of input as AsyncIterable<Buffer>) {
        batch.push(chunk);
        size += chunk.length;
        if (size < BATCH_BYTES) continue;
        if (!(await this.#send(batch))) break;
        batch = [];
        size = 0;
      }
      if (size > 0 && !this.#outcome) await this.#send(batch);
      this.#worker.postMessage({ kind: 'end' });
      await this.#until(() => this.#outcome !== undefined);
      await this.#writing;
      if (this.#failure) throw this.#failure;
      return this.#result();
    } catch (error) {
      await this.#sink?.abandon(error);
      throw error;
    } finally {
      input.destroy();
      await this.#worker.terminate();
    }
  }

  #result(): WorkerStaged {
    const outcome = this.#outcome;
    if (outcome?.kind === 'failed') throw new LoadFailure(outcome.problem);
    if (outcome?.kind !== 'done')
      throw new Error(outcome?.kind === 'crashed' ? outcome.message : 'CSV worker gave no result');
    return {
      fields: this.#plan?.fields,
      guesses: this.#plan?.guesses,
      rows: outcome.rows,
      problems: { items: outcome.problems, count: outcome.problemCount },
      encoding: outcome.encoding,
    };
  }

  /** Ends the COPY when the file loaded cleanly, abandons it otherwise. */
  async close(staged: WorkerStaged): Promise<void> {
    if (staged.problems.count === 0) await this.#sink?.finish();
    else await this.#sink?.abandon(new Error('the file has problems'));
  }
}

export async function stageCsvInWorker(
  input: Readable,
  init: CsvWorkerInit,
  handlers: WorkerHandlers,
): Promise<WorkerStaged> {
  const load = new CsvWorkerLoad(init, handlers);
  const staged = await load.run(input);
  await load.close(staged);
  return staged;
}
