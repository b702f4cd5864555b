import type { Cell } from './cells';
import type { CopySink } from './copy-sink';
import { CopyBuffers, RowWriter, type LoadColumn } from './copy-rows';
import { fieldText, type ByteRecord } from './csv-bytes';
import { fileProblem, LoadFailure, ProblemLog, type LoadProblem } from './load-problems';
import type { RowConsumer } from './sources';

export interface PipelineHooks {
  /** Decides the columns from the header and a sample of rows; creates the staging table and its sink. */
  prepare(
    header: readonly string[],
    sample: readonly (readonly Cell[])[],
  ): Promise<{ columns: LoadColumn[]; sink: CopySink }>;
  /** Reports progress between chunks (and renews the lease; throws when it was lost). */
  progress(rows: number, encoding: string): Promise<void>;
}

export interface PipelineOptions {
  /** Rows read before the column types are decided. */
  readonly sampleRows: number;
  /** Bytes of COPY data handed to the database at a time. */
  readonly chunkBytes: number;
  /** Problems kept for the report; reading stops once there are that many. */
  readonly maxProblems: number;
}

/**
 * Between a reader and the database: holds the first rows until the column types can be guessed, then
 * checks and writes every row as COPY data, handing it to the sink chunk by chunk (so memory holds one
 * chunk, whatever the file's size). Once a problem is found nothing more is written; reading goes on to
 * list the other problems.
 */
export class LoadPipeline implements RowConsumer {
  readonly problems: ProblemLog;
  #header: string[] | undefined;
  #sample: { line: number; cells: Cell[] }[] = [];
  #writer: RowWriter | undefined;
  #sink: CopySink | undefined;
  #encoding = 'utf-8';
  readonly #out: CopyBuffers;

  constructor(
    private readonly hooks: PipelineHooks,
    private readonly options: PipelineOptions,
  ) {
    this.problems = new ProblemLog(options.maxProblems);
    this.#out = new CopyBuffers(options.chunkBytes);
  }

  get rows(): number {
    return this.#writer?.rowsWritten ?? 0;
  }

  get encodingName(): string {
    return this.#encoding;
  }

  header(cells: readonly string[]): void {
    this.#header = [...cells];
  }

  record(record: ByteRecord): void {
    if (this.#writer) return this.#writer.writeRecord(record);
    const cells = Array.from({ length: record.count }, (_, index) => fieldText(record, index));
    this.#sample.push({ line: record.line, cells });
  }

  cells(line: number, cells: readonly Cell[]): void {
    if (this.#writer) return this.#writer.writeCells(line, cells);
    this.#sample.push({ line, cells: [...cells] });
  }

  problem(problem: LoadProblem): void {
    this.problems.add(problem);
  }

  encoding(name: string): void {
    this.#encoding = name;
  }

  async afterChunk(): Promise<boolean> {
    if (!this.#writer && this.#header && this.#sample.length >= this.options.sampleRows) await this.#start();
    await this.#flush(false);
    await this.hooks.progress(this.rows, this.#encoding);
    return !this.problems.full;
  }

  /** After the reader is done: writes what is left and ends the COPY; returns the rows loaded. */
  async end(): Promise<number> {
    if (!this.#header || this.#header.length === 0) throw new LoadFailure(fileProblem('empty_file'));
    if (!this.#writer) await this.#start();
    await this.#flush(true);
    if (this.problems.count === 0) await this.#sink?.finish();
    return this.rows;
  }

  async abandon(error: unknown): Promise<void> {
    await this.#sink?.abandon(error);
  }

  async #start(): Promise<void> {
    const header = this.#header ?? [];
    // Rows read past the sample size (the rest of the chunk) are checked against the guess, not part of it.
    const sample = this.#sample.slice(0, this.options.sampleRows).map((row) => row.cells);
    const { columns, sink } = await this.hooks.prepare(header, sample);
    this.#sink = sink;
    this.#writer = new RowWriter(columns, this.#out, this.problems);
    for (const row of this.#sample) this.#writer.writeCells(row.line, row.cells);
    this.#sample = [];
  }

  async #flush(all: boolean): Promise<void> {
    const buffers = this.#out.take(all);
    if (buffers.length === 0 || this.problems.count > 0 || !this.#sink) return;
    await this.#sink.write(buffers);
  }
}
