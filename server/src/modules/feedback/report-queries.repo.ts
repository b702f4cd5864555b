import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { FeedbackTables, ReportsTable } from './feedback.tables';
import { reportExtraColumns, toReport, type Report } from './report.model';
import { agencyHeldStatuses, type Channel, type ReportStatus } from './report-states';

export interface ReportFilter {
  readonly statuses?: readonly ReportStatus[];
  readonly categoryCodes?: readonly string[];
  readonly adminUnitCode?: string;
  /** Reports currently assigned to one of these agencies. */
  readonly agencyIds?: readonly string[];
  readonly channel?: Channel;
  readonly urgent?: boolean;
  readonly overdue?: boolean;
  /** Tracking code, or words of the description (accents optional). */
  readonly q?: string;
  /** Received in [from, to). */
  readonly from?: Date;
  readonly to?: Date;
  readonly publishedOnly?: boolean;
  readonly excludeSpam?: boolean;
  readonly trackingCodes?: readonly string[];
  readonly reporterPhone?: string;
  readonly publishedBefore?: Date;
  /** For the reminder and escalation jobs. */
  readonly dueBefore?: Date;
  readonly notReminded?: boolean;
  readonly notEscalated?: boolean;
  readonly sort?: 'received_desc' | 'due_asc' | 'published_desc';
  readonly limit: number;
  readonly offset: number;
}

/** Counting stops here: a pager needs "more than 1,000", not the exact size of a million-row table. */
export const COUNT_CAP = 1_000;

const TRACKING_CODE = /^PA-\d{4}-\d{6,}$/i;

type Reports = FeedbackTables & { r: ReportsTable };
type Query<O> = SelectQueryBuilder<Reports, 'r', O>;

/** The WHERE of every report list (also used by the Open311 listing). */
export function applyFilter<O>(query: Query<O>, filter: ReportFilter): Query<O> {
  let q = query;
  if (filter.statuses?.length) q = q.where('r.status', 'in', [...filter.statuses]);
  if (filter.categoryCodes?.length) q = q.where('r.category_code', 'in', [...filter.categoryCodes]);
  if (filter.adminUnitCode) q = q.where('r.admin_unit_code', '=', filter.adminUnitCode);
  if (filter.agencyIds)
    q = q.where('r.agency_id', 'in', filter.agencyIds.length ? [...filter.agencyIds] : ['']);
  if (filter.channel) q = q.where('r.channel', '=', filter.channel);
  if (filter.urgent !== undefined) q = q.where('r.urgent', '=', filter.urgent);
  if (filter.from) q = q.where('r.received_at', '>=', filter.from);
  if (filter.to) q = q.where('r.received_at', '<', filter.to);
  if (filter.publishedOnly) q = q.where('r.published_at', 'is not', null);
  if (filter.excludeSpam) q = q.where(sql<boolean>`r.rejection_reason is distinct from 'spam'`);
  if (filter.trackingCodes) q = q.where('r.tracking_code', 'in', [...filter.trackingCodes, '']);
  if (filter.reporterPhone) q = q.where('r.reporter_phone', '=', filter.reporterPhone);
  if (filter.publishedBefore) q = q.where('r.published_at', '<', filter.publishedBefore);
  if (filter.dueBefore) q = q.where('r.due_at', '<', filter.dueBefore);
  if (filter.notReminded) q = q.where('r.reminded_at', 'is', null);
  if (filter.notEscalated) q = q.where('r.escalated_at', 'is', null);
  if (filter.overdue !== undefined) q = q.where(overdueCondition(filter.overdue));
  if (filter.q) q = q.where(textCondition(filter.q));
  return q;
}

function overdueCondition(overdue: boolean) {
  const held = sql.join([...agencyHeldStatuses]);
  const condition = sql<boolean>`(r.due_at is not null and r.due_at < now() and r.status in (${held}))`;
  return overdue ? condition : sql<boolean>`not ${condition}`;
}

function textCondition(text: string) {
  const trimmed = text.trim();
  if (TRACKING_CODE.test(trimmed)) return sql<boolean>`r.tracking_code = ${trimmed.toUpperCase()}`;
  return sql<boolean>`platform.search_key(r.description) like '%' || platform.search_key(${trimmed}) || '%'`;
}

/** Lists of reports: the inbox, agency queues, caller lookup, the public board and Open311. */
export class ReportQueries {
  constructor(private readonly db: Db) {}

  #base() {
    return this.db.withTables<FeedbackTables>().selectFrom('feedback.reports as r');
  }

  async list(filter: ReportFilter): Promise<{ items: Report[]; total: number }> {
    const filtered = applyFilter(this.#base(), filter);
    let rows = filtered
      .leftJoin('feedback.categories as c', 'c.code', 'r.category_code')
      .selectAll('r')
      .select(reportExtraColumns);
    if (filter.sort === 'due_asc')
      rows = rows.orderBy(sql`r.due_at asc nulls last`).orderBy('r.received_at', 'desc');
    else if (filter.sort === 'published_desc') rows = rows.orderBy('r.published_at', 'desc');
    else rows = rows.orderBy('r.received_at', 'desc');
    const [items, total] = await Promise.all([
      rows.orderBy('r.id').limit(filter.limit).offset(filter.offset).execute(),
      this.#count(filter),
    ]);
    return { items: items.map(toReport), total };
  }

  async #count(filter: ReportFilter): Promise<number> {
    const capped = applyFilter(this.#base(), filter)
      .select(sql<number>`1`.as('one'))
      .limit(COUNT_CAP);
    const row = await this.db
      .selectFrom(capped.as('capped'))
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    return Number(row.total);
  }

  /** Without counting: Open311 returns a bounded list and no total. */
  async page(filter: ReportFilter): Promise<Report[]> {
    const rows = await applyFilter(this.#base(), filter)
      .leftJoin('feedback.categories as c', 'c.code', 'r.category_code')
      .selectAll('r')
      .select(reportExtraColumns)
      .orderBy('r.received_at', 'desc')
      .orderBy('r.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map(toReport);
  }
}
