import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../../platform/auth/principal';
import type { Db } from '../../../../platform/db/database';
import type { CkanAction, CkanActionContext } from '../../ckan/ckan-action';
import type { CatalogAccess } from '../../contracts';
import { databaseErrorsAsCkan } from '../actions/database-errors';
import type { DatastoreGuards } from '../actions/guards';
import {
  boolParam,
  intParam,
  invalid,
  jsonParam,
  listParam,
  objectParam,
  resourceIdParam,
  stringParam,
  type Params,
} from '../actions/params';
import { dataTable } from '../schema/data-table';
import type { TableMeta, TablesRepo } from '../schema/tables.repo';
import { formatRecords, pageLinks, presentFields, recordsFormats, type RecordsFormat } from './search-format';
import {
  fieldMap,
  filterConditions,
  orderBy,
  parseSort,
  queryConditions,
  selectExpression,
  selectedFields,
} from './search-query';

/** CKAN's ckan.datastore.search.rows_default and rows_max. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 32_000;

export interface SearchDeps {
  readonly db: Db;
  readonly guards: DatastoreGuards;
  readonly access: CatalogAccess;
  readonly tables: TablesRepo;
  /**
   * Largest table `q` may scan without a filter narrowing it. PGlite cannot interrupt a query and serves
   * one at a time: an unfiltered search of a million rows would stop the whole platform for seconds.
   */
  readonly maxUnfilteredTextScanRows: number;
}

interface SearchRequest {
  readonly filters: Record<string, unknown>;
  readonly q: string | Record<string, unknown> | undefined;
  readonly fields: ReturnType<typeof selectedFields>;
  readonly sort: ReturnType<typeof parseSort>;
  readonly sortText: string | undefined;
  readonly limit: number;
  readonly offset: number;
  readonly includeTotal: boolean;
  readonly distinct: boolean;
  readonly format: RecordsFormat;
}

function qParam(params: Params): string | Record<string, unknown> | undefined {
  const q = jsonParam(params, 'q');
  if (q === undefined || q === null || typeof q === 'string') return q ?? undefined;
  if (typeof q === 'object' && !Array.isArray(q)) return q as Record<string, unknown>;
  throw invalid('q', 'Must be a string or a JSON object');
}

function parseRequest(params: Params, meta: TableMeta): SearchRequest {
  const fields = fieldMap(meta.fields);
  const format = stringParam(params, 'records_format') ?? 'objects';
  if (!(recordsFormats as readonly string[]).includes(format)) {
    throw invalid('records_format', `Value must be one of ${recordsFormats.join(', ')}`);
  }
  const sortValue = jsonParam(params, 'sort');
  const sort = parseSort(
    fields,
    Array.isArray(sortValue) ? sortValue.map(String) : (sortValue as string | undefined),
  );
  return {
    filters: objectParam(params, 'filters') ?? {},
    q: qParam(params),
    fields: selectedFields(meta.fields, listParam(params, 'fields')),
    sort,
    sortText:
      typeof sortValue === 'string' ? sortValue : Array.isArray(sortValue) ? sortValue.join(', ') : undefined,
    limit: Math.min(intParam(params, 'limit', DEFAULT_LIMIT), MAX_LIMIT),
    offset: intParam(params, 'offset', 0),
    includeTotal: boolParam(params, 'include_total', true),
    distinct: boolParam(params, 'distinct', false),
    format: format as RecordsFormat,
  };
}

function whereOf(meta: TableMeta, request: SearchRequest): RawBuilder<unknown> {
  const fields = fieldMap(meta.fields);
  const conditions = [...filterConditions(fields, request.filters), ...queryConditions(fields, request.q)];
  return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

async function rowsOf(db: Db, meta: TableMeta, request: SearchRequest, where: RawBuilder<unknown>) {
  const columns = sql.join(request.fields.map(selectExpression));
  const distinct = request.distinct ? sql`distinct ` : sql``;
  // With DISTINCT the order may only use selected columns; CKAN then orders by what was asked, or not at all.
  const order =
    request.distinct && request.sort.length === 0 ? sql`` : sql`order by ${orderBy(request.sort)}`;
  const result = await sql<Record<string, unknown>>`
    select ${distinct}${columns} from ${dataTable(meta.resourceId)} ${where} ${order}
    limit ${request.limit} offset ${request.offset}`.execute(db);
  return result.rows;
}

/** The cached row count when nothing narrows the table (instant on any size, CKAN PR #9260), else count(*). */
async function totalOf(
  db: Db,
  meta: TableMeta,
  request: SearchRequest,
  where: RawBuilder<unknown>,
): Promise<number> {
  const narrowed = Object.keys(request.filters).length > 0 || (request.q !== undefined && request.q !== '');
  if (!narrowed && !request.distinct) return meta.rowCount;
  const source = request.distinct
    ? sql`(select distinct ${sql.join(request.fields.map((field) => sql.id(field.id)))} from ${dataTable(meta.resourceId)} ${where}) as matching`
    : sql`${dataTable(meta.resourceId)} ${where}`;
  const result = await sql<{ total: number }>`select count(*) as total from ${source}`.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}

/** `_table_metadata`: the DataStore tables this caller may read. */
async function tableMetadata(deps: SearchDeps, principal: Principal | null) {
  const readable = [...(await deps.access.readableResourceIds(principal))];
  const names = [...(await deps.tables.existing(readable))].sort();
  return {
    resource_id: '_table_metadata',
    fields: [
      { id: '_id', type: 'int' },
      { id: 'name', type: 'text' },
      { id: 'alias_of', type: 'text' },
    ],
    records: names.map((name, index) => ({ _id: index + 1, name, alias_of: null })),
    total: names.length,
  };
}

async function search(deps: SearchDeps, context: CkanActionContext) {
  const params = context.params;
  if ((params.resource_id ?? params.id) === '_table_metadata') return tableMetadata(deps, context.principal);
  const resourceId = resourceIdParam(params);
  const meta = await deps.guards.readable(context.principal, resourceId);
  const request = parseRequest(params, meta);
  const scansEverything =
    request.q !== undefined && request.q !== '' && Object.keys(request.filters).length === 0;
  if (scansEverything && meta.rowCount > deps.maxUnfilteredTextScanRows) {
    throw invalid(
      'q',
      `On this installation q needs filters on tables of more than ${deps.maxUnfilteredTextScanRows} rows`,
    );
  }
  const where = whereOf(meta, request);
  const [rows, total] = await databaseErrorsAsCkan('filters', () =>
    Promise.all([
      rowsOf(deps.db, meta, request, where),
      request.includeTotal ? totalOf(deps.db, meta, request, where) : undefined,
    ]),
  );
  const requestUrl = context.request?.url ?? `/api/3/action/datastore_search?resource_id=${resourceId}`;
  return {
    include_total: request.includeTotal,
    resource_id: resourceId,
    fields: presentFields(request.fields),
    records_format: request.format,
    records: formatRecords(rows, request.fields, request.format),
    limit: request.limit,
    offset: request.offset,
    filters: request.filters,
    ...(request.q !== undefined ? { q: request.q } : {}),
    ...(request.sortText !== undefined ? { sort: request.sortText } : {}),
    ...(total !== undefined ? { total, total_was_estimated: false } : {}),
    _links: pageLinks(requestUrl, request.limit, request.offset),
  };
}

export function searchAction(deps: SearchDeps): CkanAction {
  return {
    name: 'datastore_search',
    sideEffectFree: true,
    help: 'Search a DataStore table: filters, full-text q (diacritic-insensitive), sort, fields, paging.',
    handle: (context) => search(deps, context),
  };
}
