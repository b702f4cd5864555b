import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one embedded PGlite instance to Kysely's PostgresDialect as a pool of exactly one
 * connection. PGlite has a single session, so a transaction must own it until it ends: connect()
 * hands the session out to one caller at a time and queues the rest. (The published Kysely PGlite
 * dialects do not support PGlite 0.5; see docs/adr/0002-pglite-through-kysely.md.)
 */
export class PglitePool implements PostgresPool {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    await previous;
    let done = false;
    return {
      query: ((sql: string, parameters: readonly unknown[]) =>
        this.#query(sql, parameters)) as PostgresPoolClient['query'],
      release: () => {
        if (done) return;
        done = true;
        release();
      },
    };
  }

  async end(): Promise<void> {
    await this.#tail;
  }

  async #query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
    // A statement without parameters may be a multi-statement script (migrations); the extended
    // protocol used by query() accepts only one statement, exec() accepts many.
    if (parameters.length === 0) {
      const results = await this.pglite.exec(sql);
      const last = results.at(-1);
      return {
        command: commandOf(sql),
        rowCount: last?.affectedRows ?? last?.rows.length ?? 0,
        rows: (last?.rows ?? []) as R[],
      };
    }
    const result = await this.pglite.query<R>(sql, [...parameters]);
    return {
      command: commandOf(sql),
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows,
    };
  }
}

type Command = PostgresQueryResult<unknown>['command'];

function commandOf(sql: string): Command {
  const withoutCte = sql
    .trimStart()
    .replace(/^with\b[\s\S]*?\)\s*(?=insert|update|delete|merge|select)/i, '');
  const keyword = /^\s*(\w+)/.exec(withoutCte)?.[1]?.toUpperCase();
  if (keyword === 'INSERT' || keyword === 'UPDATE' || keyword === 'DELETE' || keyword === 'MERGE')
    return keyword;
  return 'SELECT';
}
