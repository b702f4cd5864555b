import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PglitePool } from './pglite-pool';
import { StatementNames } from './statement-names';

/** The query builder every repo uses; each repo narrows it with `withTables<ItsTables>()`. */
export type Db = Kysely<unknown>;

/**
 * A driver-level session, for what Kysely cannot express (COPY streaming, result column types): on
 * PostgreSQL a pooled client, on PGlite the instance itself while its one connection is held.
 */
export type RawSession =
  | { readonly kind: 'postgres'; readonly client: pg.ClientBase }
  | { readonly kind: 'pglite'; readonly pglite: PGlite };

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Lends a raw session for the callback's duration. On PGlite no Kysely query runs meanwhile, so the
   * callback must not await `db` itself (it would wait for the session it holds).
   */
  withRawClient<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  /**
   * Runs one statement on its own (autocommit unless `db` is inside a transaction elsewhere) and returns
   * its rows. On PostgreSQL it is a named prepared statement, parsed (and often planned) once per pooled
   * connection instead of on every call: for hot statements (a report's submission, catalog search).
   * The name comes from the text (statement-names.ts). On PGlite it is an ordinary query.
   */
  prepared<R>(text: string, values: readonly unknown[]): Promise<R[]>;
  /** Round-trip to the database (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// The same JavaScript types on both engines: bigint and numeric as number (counts and scores, never
// money beyond 2^53), date as 'YYYY-MM-DD' text (a calendar day has no time zone).
const OID_INT8 = 20;
const OID_NUMERIC = 1700;
const OID_DATE = 1082;
const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID_INT8]: (value) => Number(value),
  [OID_NUMERIC]: (value) => Number(value),
  [OID_DATE]: (value) => value,
};

const pgliteExtensions = { cube, earthdistance, pg_trgm, pgcrypto, unaccent, uuid_ossp };

export interface PgliteOptions {
  /** Folder to persist in; omit for an in-memory database (tests). */
  readonly dataDir?: string;
  /** A snapshot made by `dumpDataDir()` to start from (tests start from a migrated snapshot). */
  readonly loadDataDir?: Blob;
}

export async function createPgliteDatabase(
  options: PgliteOptions = {},
): Promise<Database & { pglite: PGlite }> {
  if (options.dataDir) await fs.mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
    parsers: sharedParsers,
  });
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new PglitePool(pglite) }) });
  return {
    kind: 'pglite',
    db,
    pglite,
    withRawClient: (fn) => db.connection().execute(() => fn({ kind: 'pglite', pglite })),
    prepared: async <R>(text: string, values: readonly unknown[]) =>
      (await db.executeQuery<R>(CompiledQuery.raw(text, [...values]))).rows as R[],
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function createPostgresDatabase(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        sharedParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const statementNames = new StatementNames();
  return {
    kind: 'postgres',
    db,
    withRawClient: async (fn) => {
      const client = await pool.connect();
      let failure: unknown;
      try {
        return await fn({ kind: 'postgres', client });
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        // A client whose callback failed may sit in an aborted transaction or a broken COPY: discard it.
        client.release(failure instanceof Error ? failure : undefined);
      }
    },
    prepared: async <R>(text: string, values: readonly unknown[]) => {
      const name = statementNames.of(text);
      const query = name === undefined ? { text, values: [...values] } : { name, text, values: [...values] };
      return (await pool.query<R & pg.QueryResultRow>(query)).rows;
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
    },
  };
}

export async function openDatabase(options: {
  url: string | undefined;
  poolSize: number;
  pgliteDir: string;
}): Promise<Database> {
  return options.url
    ? createPostgresDatabase(options.url, options.poolSize)
    : createPgliteDatabase({ dataDir: options.pgliteDir });
}
