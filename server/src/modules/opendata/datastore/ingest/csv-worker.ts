import { parentPort, workerData } from 'node:worker_threads';
import type { CsvWorkerInit, FromCsvWorker, ToCsvWorker } from './csv-worker.protocol';
import { planColumns } from './load-columns';
import { LoadPipeline } from './load-pipeline';
import { LoadFailure } from './load-problems';
import { readCsv } from './sources';

/**
 * The CSV worker thread: the same reader and pipeline as a load in the main thread, fed with the file's
 * bytes by messages, handing back COPY buffers. The database work stays in the main thread, which writes
 * one batch while this thread parses the next.
 */
const port = parentPort;
const init = (workerData as { init: CsvWorkerInit }).init;

function post(message: FromCsvWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** The file's chunks as they arrive; each one taken is acknowledged, so the sender can send the next. */
async function* incoming(): AsyncGenerator<Buffer> {
  const queue: (Buffer | null)[] = [];
  let wake: (() => void) | undefined;
  port?.on('message', (message: ToCsvWorker) => {
    queue.push(
      message.kind === 'chunk'
        ? Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength)
        : null,
    );
    wake?.();
  });
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const chunk = queue.shift();
    if (chunk === null || chunk === undefined) return;
    post({ kind: 'consumed' });
    yield chunk;
  }
}

let lastProgress = 0;
const pipeline = new LoadPipeline(
  {
    prepare: async (header, sample) => {
      const plan = planColumns(header, sample, init.previous ?? undefined);
      post({ kind: 'plan', fields: plan.fields, guesses: plan.guesses });
      const sink = {
        write: async (buffers: readonly Buffer[]) => {
          const views = buffers.map(
            (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length),
          );
          post({ kind: 'rows', buffers: views }, [
            ...new Set(views.map((view) => view.buffer as ArrayBuffer)),
          ]);
        },
        finish: async () => undefined,
        abandon: async () => undefined,
      };
      return { columns: plan.columns, sink };
    },
    progress: async (rows, encoding) => {
      if (Date.now() - lastProgress < 250) return;
      lastProgress = Date.now();
      post({ kind: 'progress', rows, encoding });
    },
  },
  { sampleRows: init.sampleRows, chunkBytes: init.chunkBytes, maxProblems: init.maxProblems },
);

try {
  await readCsv(incoming(), init.format, pipeline);
  const rows = await pipeline.end();
  const problems = pipeline.problems;
  post({
    kind: 'done',
    rows,
    problems: problems.items,
    problemCount: problems.count,
    encoding: pipeline.encodingName,
  });
} catch (error) {
  if (error instanceof LoadFailure) post({ kind: 'failed', problem: error.problem });
  else
    post({
      kind: 'crashed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
}
port?.close();
