import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { RawAccess, RawSession } from '../raw-session';
import { quoteIdentifier } from '../schema/identifiers';

/** Where the rows of a load go: COPY text-format buffers in, rows in the staging table out. */
export interface CopySink {
  write(buffers: readonly Buffer[]): Promise<void>;
  /** Ends the COPY (all rows written). */
  finish(): Promise<void>;
  /** Abandons the COPY after an error (the staging table is dropped afterwards). */
  abandon(error: unknown): Promise<void>;
}

export interface CopyTarget {
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
}

export type SinkOpener = (target: CopyTarget) => Promise<CopySink>;

function copyCommand(target: CopyTarget, source: string): string {
  const columns = target.columns.map(quoteIdentifier).join(', ');
  return `COPY ${quoteIdentifier(target.schema)}.${quoteIdentifier(target.table)} (${columns}) FROM ${source}`;
}

/** PostgreSQL: one COPY ... FROM STDIN streamed over the client, with backpressure. */
function postgresSink(session: Extract<RawSession, { kind: 'postgres' }>, target: CopyTarget): CopySink {
  const stream = session.client.query(copyFrom(copyCommand(target, 'STDIN')));
  return {
    async write(buffers) {
      for (const buffer of buffers) if (!stream.write(buffer)) await once(stream, 'drain');
    },
    async finish() {
      stream.end();
      await finished(stream);
    },
    async abandon(error) {
      // destroy() sends CopyFail: the server rolls the COPY back and the connection stays usable.
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished(stream).catch(() => undefined);
    },
  };
}

/** Splits off the bytes after the last line break: a COPY statement must receive whole rows. */
function wholeRows(carry: Buffer, buffers: readonly Buffer[]): { rows: Buffer[]; rest: Buffer } {
  const all = carry.length > 0 ? [carry, ...buffers] : [...buffers];
  for (let index = all.length - 1; index >= 0; index -= 1) {
    const buffer = all[index] as Buffer;
    const lastBreak = buffer.lastIndexOf(0x0a);
    if (lastBreak < 0) continue;
    const rows = [...all.slice(0, index), buffer.subarray(0, lastBreak + 1)];
    return { rows, rest: Buffer.concat([buffer.subarray(lastBreak + 1), ...all.slice(index + 1)]) };
  }
  return { rows: [], rest: Buffer.concat(all) };
}

/**
 * PGlite: each batch is one `COPY ... FROM '/dev/blob'` (PGlite's fastest path), taken with the session
 * lock held only for that statement, so the app keeps answering requests between batches.
 */
function pgliteSink(raw: RawAccess, target: CopyTarget): CopySink {
  let carry: Buffer = Buffer.alloc(0);
  const command = copyCommand(target, `'/dev/blob'`);
  const copy = async (rows: readonly Buffer[]) => {
    if (rows.length === 0) return;
    await raw.withRawClient(async (session) => {
      if (session.kind !== 'pglite') throw new Error('expected a PGlite session');
      await session.pglite.query(command, [], {
        blob: new Blob(rows.map((row) => new Uint8Array(row.buffer, row.byteOffset, row.length))),
      });
    });
  };
  return {
    async write(buffers) {
      const { rows, rest } = wholeRows(carry, buffers);
      carry = rest;
      await copy(rows);
    },
    async finish() {
      await copy(carry.length > 0 ? [carry] : []);
      carry = Buffer.alloc(0) as Buffer;
    },
    async abandon() {
      carry = Buffer.alloc(0) as Buffer;
    },
  };
}

/**
 * Runs a load with the fastest sink this database offers. On PostgreSQL the raw client is held for the
 * whole load (one COPY streams through it); PGlite takes the session per batch.
 */
export async function withSinks<T>(
  raw: RawAccess,
  kind: 'pglite' | 'postgres',
  run: (open: SinkOpener) => Promise<T>,
): Promise<T> {
  if (kind === 'pglite') return run(async (target) => pgliteSink(raw, target));
  return raw.withRawClient(async (session) => {
    if (session.kind !== 'postgres') throw new Error('expected a PostgreSQL session');
    return run(async (target) => postgresSink(session, target));
  });
}
