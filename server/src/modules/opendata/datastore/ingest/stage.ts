import fs from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import type { DatastoreField } from '../schema/field-types';
import { withSinks, type SinkOpener } from './copy-sink';
import { stageCsvInWorker } from './csv-in-worker';
import type { ColumnGuess } from './infer';
import { planColumns } from './load-columns';
import type { LoadDeps, ProgressReporter } from './load-context';
import { LoadPipeline } from './load-pipeline';
import { fileProblem, LoadFailure, type LoadProblem } from './load-problems';
import type { ClaimedLoad } from './loads.repo';
import { readCsv, readJson, tabularFormat } from './sources';
import { createStaging, stagingTable } from './staging';
import { readXlsx } from './xlsx-source';

/** A file read into its staging table: the columns decided, the rows written, or the problems found. */
export interface Staged {
  readonly fields: DatastoreField[] | undefined;
  readonly guesses: ColumnGuess[] | undefined;
  readonly rows: number;
  readonly problems: { readonly items: readonly LoadProblem[]; readonly count: number };
  readonly encoding: string;
}

/** The size of a blob stream when the store tells it (a local file's size, S3's Content-Length). */
async function sizeOf(stream: Readable): Promise<number | null> {
  const local = (stream as Readable & { path?: unknown }).path;
  if (typeof local === 'string') return (await fs.stat(local)).size;
  const length = (stream as Readable & { headers?: Record<string, unknown> }).headers?.['content-length'];
  return typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : null;
}

function counted(stream: Readable, progress: ProgressReporter): Transform {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      progress.bytesDone += chunk.length;
      callback(null, chunk);
    },
  });
  stream.on('error', (error) => counter.destroy(error));
  return stream.pipe(counter);
}

/** Creates the staging table for these columns and opens the COPY into it. */
async function openStaging(
  deps: LoadDeps,
  load: ClaimedLoad,
  open: SinkOpener,
  fields: readonly DatastoreField[],
) {
  await createStaging(deps.db, load.leaseToken, fields);
  const table = stagingTable(load.leaseToken);
  return open({
    schema: table.schema,
    table: table.name,
    columns: ['_id', ...fields.map((field) => field.id)],
  });
}

const chunkBytes = (deps: LoadDeps) => (deps.kind === 'pglite' ? 4 << 20 : 1 << 20);

async function readByFormat(load: ClaimedLoad, bytes: Transform, pipeline: LoadPipeline, sampleRows: number) {
  const format = tabularFormat(load.format, load.mimeType);
  if (format === 'csv') return readCsv(bytes, load.format, pipeline);
  if (format === 'xlsx') return readXlsx(bytes, pipeline);
  if (format === 'json') return readJson(bytes, pipeline, sampleRows);
  throw new LoadFailure(fileProblem('unsupported_format', { format: load.format || load.mimeType }));
}

/** Any format, parsed in this thread. */
async function stageHere(
  deps: LoadDeps,
  load: ClaimedLoad,
  bytes: Transform,
  open: SinkOpener,
  previous: readonly DatastoreField[] | undefined,
  progress: ProgressReporter,
): Promise<Staged> {
  let plan: ReturnType<typeof planColumns> | undefined;
  const pipeline = new LoadPipeline(
    {
      prepare: async (header, sample) => {
        plan = planColumns(header, sample, previous);
        return { columns: plan.columns, sink: await openStaging(deps, load, open, plan.fields) };
      },
      progress: (rows, encoding) => progress.report({ rowsDone: rows, encoding }),
    },
    {
      sampleRows: deps.tuning.sampleRows,
      chunkBytes: chunkBytes(deps),
      maxProblems: deps.tuning.maxProblems,
    },
  );
  try {
    await readByFormat(load, bytes, pipeline, deps.tuning.sampleRows);
    const rows = await pipeline.end();
    if (pipeline.problems.count > 0) await pipeline.abandon(new Error('the file has problems'));
    return {
      fields: plan?.fields,
      guesses: plan?.guesses,
      rows,
      problems: pipeline.problems,
      encoding: pipeline.encodingName,
    };
  } catch (error) {
    await pipeline.abandon(error);
    bytes.destroy();
    throw error;
  }
}

/**
 * Reads the load's file into a staging table. A large CSV is parsed in a worker thread so that parsing and
 * the database's COPY run side by side (on PGlite, which shares this thread, that is the difference between
 * the two adding up and overlapping) and requests keep being served; other files are parsed here.
 */
export async function stageFile(
  deps: LoadDeps,
  load: ClaimedLoad,
  progress: ProgressReporter,
): Promise<Staged> {
  const stream = await deps.blobs.get(load.blobKey);
  if (!stream) throw new LoadFailure(fileProblem('missing_file'));
  progress.bytesTotal = await sizeOf(stream);
  const previous = (await deps.tables.get(load.resourceId))?.fields;
  const bytes = counted(stream, progress);
  const size = progress.bytesTotal ?? 0;
  const inWorker = tabularFormat(load.format, load.mimeType) === 'csv' && size >= deps.tuning.workerMinBytes;
  return withSinks(deps.raw, deps.kind, (open) => {
    if (!inWorker) return stageHere(deps, load, bytes, open, previous, progress);
    const init = {
      format: load.format,
      previous: previous ?? null,
      sampleRows: deps.tuning.sampleRows,
      chunkBytes: chunkBytes(deps),
      maxProblems: deps.tuning.maxProblems,
    };
    return stageCsvInWorker(bytes, init, {
      onPlan: (fields) => openStaging(deps, load, open, fields),
      onProgress: (rows, encoding) => progress.report({ rowsDone: rows, encoding }),
    });
  });
}
