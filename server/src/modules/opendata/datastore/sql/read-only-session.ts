import type pg from 'pg';
import type { RawAccess, RawSession } from '../raw-session';
import { DATA_SCHEMA } from '../schema/identifiers';

/** A result with its columns in order (names may repeat) and their type OIDs. */
export interface ColumnarResult {
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface ReadOnlySession {
  query(text: string, values: readonly unknown[]): Promise<ColumnarResult>;
}

const OID_INT8 = 20;
const OID_NUMERIC = 1700;
const OID_DATE = 1082;
const OID_TIME = 1083;
const OID_TIMESTAMP = 1114;
const OID_TIMESTAMPTZ = 1184;
const asText = (value: string) => value;
// The kernel's parsers (bigint and numeric as numbers, dates as text) plus times and timestamps as text,
// so that they reach the client as written by PostgreSQL, whatever the server's and the process's zones.
const textParsers: Readonly<Record<number, (value: string) => unknown>> = {
  [OID_INT8]: Number,
  [OID_NUMERIC]: Number,
  [OID_DATE]: asText,
  [OID_TIME]: asText,
  [OID_TIMESTAMP]: asText,
  [OID_TIMESTAMPTZ]: asText,
};

function postgresQuery(client: pg.ClientBase): ReadOnlySession['query'] {
  return async (text, values) => {
    const result = await client.query({
      text,
      values: [...values],
      rowMode: 'array',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          textParsers[oid] ??
          (client as unknown as { getTypeParser: typeof pg.types.getTypeParser }).getTypeParser(
            oid,
            format,
          )) as typeof pg.types.getTypeParser,
      },
    });
    return {
      fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
      rows: result.rows as unknown[][],
    };
  };
}

function pgliteQuery(session: Extract<RawSession, { kind: 'pglite' }>): ReadOnlySession['query'] {
  return async (text, values) => {
    const result = await session.pglite.query<unknown[]>(text, [...values], {
      rowMode: 'array',
      parsers: textParsers,
    });
    return { fields: result.fields, rows: result.rows };
  };
}

async function inTransaction<T>(
  query: ReadOnlySession['query'],
  timeoutMs: number,
  run: (session: ReadOnlySession) => Promise<T>,
): Promise<T> {
  await query('begin read only', []);
  try {
    await query(`set local statement_timeout = ${Math.floor(timeoutMs)}`, []);
    await query(`set local search_path = ${DATA_SCHEMA}`, []);
    return await run({ query });
  } finally {
    await query('rollback', []);
  }
}

/**
 * Runs `run` in a READ ONLY transaction with a statement timeout and search_path = opendata_datastore,
 * always rolled back. Queries go through the extended protocol with a parameter, where PostgreSQL itself
 * refuses more than one statement.
 */
export async function withReadOnlySession<T>(
  raw: RawAccess,
  timeoutMs: number,
  run: (session: ReadOnlySession) => Promise<T>,
): Promise<T> {
  return raw.withRawClient((session) => {
    const query = session.kind === 'postgres' ? postgresQuery(session.client) : pgliteQuery(session);
    return inTransaction(query, timeoutMs, run);
  });
}
