import type { Db } from '../../../../platform/db/database';
import { CkanError, type CkanAction, type CkanActionContext } from '../../ckan/ckan-action';
import type { CatalogAccess } from '../../contracts';
import { sqlState } from '../actions/database-errors';
import type { RawAccess } from '../raw-session';
import { MAX_LIMIT } from '../read/search.action';
import { withReadOnlySession, type ColumnarResult, type ReadOnlySession } from './read-only-session';
import { checkPlan, planFacts } from './sql-plan';
import { checkQuery } from './sql-policy';

export interface SearchSqlLimits {
  /** Statement timeout on PostgreSQL (PGlite cannot interrupt a query: the cost cap guards it). */
  readonly timeoutMs: number;
  /** Largest planner cost estimate accepted. */
  readonly maxCost: number;
}

export interface SearchSqlDeps {
  readonly db: Db;
  readonly raw: RawAccess;
  readonly access: CatalogAccess;
  readonly limits: SearchSqlLimits;
}

/** PostgreSQL type names of the result's columns, as CKAN reports them (`int4`, `text`, `timestamp`). */
async function typeNames(session: ReadOnlySession, result: ColumnarResult): Promise<Map<number, string>> {
  const oids = [
    ...new Set(
      result.fields.map((field) => field.dataTypeID).filter((oid) => Number.isInteger(oid) && oid > 0),
    ),
  ];
  if (oids.length === 0) return new Map();
  const types = await session.query(
    `select oid::int, typname::text from pg_catalog.pg_type where oid in (${oids.join(',')})`,
    [],
  );
  return new Map(types.rows.map((row) => [Number(row[0]), String(row[1])]));
}

function jsType(value: unknown): string {
  if (typeof value === 'number') return 'numeric';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'object' && value !== null) return 'json';
  return 'text';
}

/** Records as objects; timestamps as CKAN writes them ("2026-11-23T08:30:00"). */
function present(result: ColumnarResult, types: Map<number, string>) {
  const fields = result.fields.map((field, index) => ({
    id: field.name,
    type: types.get(field.dataTypeID) ?? jsType(result.rows[0]?.[index]),
  }));
  const truncated = result.rows.length > MAX_LIMIT;
  const records = result.rows.slice(0, MAX_LIMIT).map((row) =>
    Object.fromEntries(
      fields.map((field, index) => {
        const value = row[index];
        const isTimestamp = field.type === 'timestamp' || field.type === 'timestamptz';
        return [
          field.id,
          isTimestamp && typeof value === 'string' ? value.replace(' ', 'T') : (value ?? null),
        ];
      }),
    ),
  );
  return { fields, records, ...(truncated ? { records_truncated: true } : {}) };
}

/** What PostgreSQL refuses about the query itself is the client's mistake: CKAN's Validation Error. */
function asQueryError(error: unknown): unknown {
  if (error instanceof CkanError) return error;
  const state = sqlState(error);
  if (!state) return error;
  if (state === '42501') return CkanError.denied((error as Error).message);
  if (state === '57014') return CkanError.invalid({ query: ['Query took too long'] });
  return CkanError.invalid({ query: [(error as Error).message] });
}

/**
 * datastore_search_sql: one SELECT over DataStore tables the caller may read. Three independent checks:
 * the lexical policy (single SELECT, allowlisted functions), PostgreSQL's plan (only readable DataStore
 * tables, bounded cost), and a READ ONLY transaction with a statement timeout. At most 32,000 rows come
 * back; more sets `records_truncated`.
 */
async function searchSql(deps: SearchSqlDeps, context: CkanActionContext) {
  const query = checkQuery(context.params.sql);
  const readable = await deps.access.readableResourceIds(context.principal);
  const wrapped = `select * from (\n${query}\n) as datastore_search_sql limit $1`;
  try {
    return await withReadOnlySession(deps.raw, deps.limits.timeoutMs, async (session) => {
      const explained = await session.query(`explain (verbose, format json) ${wrapped}`, [MAX_LIMIT + 1]);
      checkPlan(planFacts(explained.rows[0]?.[0]), readable, deps.limits.maxCost);
      const result = await session.query(wrapped, [MAX_LIMIT + 1]);
      return { sql: context.params.sql, ...present(result, await typeNames(session, result)) };
    });
  } catch (error) {
    throw asQueryError(error);
  }
}

export function searchSqlAction(deps: SearchSqlDeps): CkanAction {
  return {
    name: 'datastore_search_sql',
    sideEffectFree: true,
    help: 'Run one read-only SELECT over DataStore tables (32,000 rows at most).',
    handle: (context) => searchSql(deps, context),
  };
}
