import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { FeedbackTables } from './feedback.tables';
import type { Executor } from './notifier.port';
import type { ReportStatus } from './report-states';

export interface HistoryEntry {
  readonly id: number;
  readonly reportId: string;
  readonly occurredAt: Date;
  readonly action: string;
  readonly fromStatus: ReportStatus | null;
  readonly toStatus: ReportStatus;
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly agencyId: string | null;
  readonly note: string | null;
  readonly isPublic: boolean;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'occurredAt'> & { readonly occurredAt?: Date };

/** A public history row with its report's code: one Open311 servicerequestupdates item. */
export interface PublicUpdate extends HistoryEntry {
  readonly trackingCode: string;
  readonly rejectionReason: string | null;
}

type HistoryRow = Selectable<FeedbackTables['feedback.report_history']>;

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    reportId: row.report_id,
    occurredAt: row.occurred_at,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    agencyId: row.agency_id,
    note: row.note,
    isPublic: row.is_public,
  };
}

/** feedback.report_history: append-only, one row per transition or note. */
export class HistoryRepo {
  constructor(private readonly db: Db) {}

  async append(executor: Executor, entry: NewHistoryEntry): Promise<number> {
    const row = await executor
      .withTables<FeedbackTables>()
      .insertInto('feedback.report_history')
      .values({
        report_id: entry.reportId,
        action: entry.action,
        from_status: entry.fromStatus,
        to_status: entry.toStatus,
        actor_id: entry.actorId,
        actor_label: entry.actorLabel,
        agency_id: entry.agencyId,
        note: entry.note,
        is_public: entry.isPublic,
        ...(entry.occurredAt ? { occurred_at: entry.occurredAt } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async forReport(reportId: string, publicOnly: boolean): Promise<HistoryEntry[]> {
    let query = this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.report_history')
      .selectAll()
      .where('report_id', '=', reportId);
    if (publicOnly) query = query.where('is_public', '=', true);
    const rows = await query.orderBy('id').execute();
    return rows.map((row) => toEntry(row));
  }

  /** Public updates in a time range, oldest first (FixMyStreet polls this to mirror status changes). */
  async publicUpdates(start: Date, end: Date, limit: number): Promise<PublicUpdate[]> {
    const rows = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.report_history as h')
      .innerJoin('feedback.reports as r', 'r.id', 'h.report_id')
      .selectAll('h')
      .select([
        sql<string>`r.tracking_code`.as('tracking_code'),
        sql<string | null>`r.rejection_reason`.as('rejection_reason'),
      ])
      .where('h.is_public', '=', true)
      .where('h.occurred_at', '>=', start)
      .where('h.occurred_at', '<=', end)
      .where(sql<boolean>`r.rejection_reason is distinct from 'spam'`)
      .orderBy('h.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      ...toEntry(row),
      trackingCode: row.tracking_code,
      rejectionReason: row.rejection_reason,
    }));
  }
}
