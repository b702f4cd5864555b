import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { CatalogAccess } from '../../contracts';
import { dataTable } from '../schema/data-table';
import { isResourceId } from '../schema/identifiers';
import type { TablesRepo } from '../schema/tables.repo';
import { fieldMap, queryConditions } from './search-query';

export interface LookupRequest {
  readonly resourceId: string;
  /** The column the words must occur in (diacritics and case ignored), e.g. a ward's name. */
  readonly matchField: string;
  /** The column whose value is the answer. */
  readonly valueField: string;
  readonly text: string;
  readonly limit: number;
}

export interface LookupRow {
  readonly match: string;
  readonly value: string | null;
}

/**
 * A short answer from a public table: the rows whose `matchField` contains every word of `text`, with
 * the value of `valueField` (used for SMS and Zalo queries). Undefined when the table, a column or the
 * resource is not there or not public — the caller then answers with datasets instead.
 */
export async function lookupRows(
  deps: { readonly db: Db; readonly tables: TablesRepo; readonly access: CatalogAccess },
  request: LookupRequest,
): Promise<LookupRow[] | undefined> {
  if (!isResourceId(request.resourceId)) return undefined;
  if (!(await deps.access.readableResource(null, request.resourceId))) return undefined;
  const meta = await deps.tables.get(request.resourceId);
  const ids = new Set(meta?.fields.map((field) => field.id));
  if (!meta || !ids.has(request.matchField) || !ids.has(request.valueField)) return undefined;
  const conditions = queryConditions(fieldMap(meta.fields), { [request.matchField]: request.text });
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const result = await sql<LookupRow>`
    select ${sql.id(request.matchField)}::text as match, ${sql.id(request.valueField)}::text as value
    from ${dataTable(request.resourceId)} ${where}
    order by _id limit ${request.limit}`.execute(deps.db);
  return result.rows;
}
