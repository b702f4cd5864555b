import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Locale } from '../../platform/i18n/locale';
import type { FeedbackTables, ReportsTable } from './feedback.tables';
import type { Executor } from './notifier.port';
import { reportExtraColumns, toReport, type LatLon, type Report, type Reporter } from './report.model';
import type { Channel, NotifyChannel, Rating, RejectionReason, ReportStatus } from './report-states';

export interface NewReportRow {
  readonly categoryCode: string | null;
  readonly status: 'received' | 'classified';
  readonly channel: Channel;
  readonly description: string;
  readonly address: string | null;
  readonly location: LatLon | null;
  readonly adminUnitCode: string | null;
  readonly urgent: boolean;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly reporter: Reporter;
  readonly isAnonymous: boolean;
  readonly locale: Locale;
  readonly notify: { readonly channel: NotifyChannel; readonly address: string } | null;
  readonly consentVersion: string | null;
  readonly externalRef: string | null;
  readonly submittedBy: string | null;
  readonly dueAt: Date | null;
  readonly deadlineWorkingDays: number | null;
  /** Generated demo data, labelled on every page. */
  readonly isSample?: boolean;
}

/** 'now' is the database's clock, so that every timestamp of a transition agrees with SQL now(). */
type Stamp = Date | 'now' | null;

/** The fields a workflow step may change (camelCase; the repo alone knows the columns). */
export interface ReportPatch {
  readonly status?: ReportStatus;
  readonly categoryCode?: string | null;
  readonly urgent?: boolean;
  readonly adminUnitCode?: string | null;
  readonly address?: string | null;
  readonly location?: LatLon | null;
  readonly agencyId?: string | null;
  readonly mergedIntoId?: string | null;
  readonly classifiedAt?: Stamp;
  readonly assignedAt?: Stamp;
  readonly dueAt?: Date | null;
  readonly deadlineWorkingDays?: number | null;
  readonly remindedAt?: Stamp;
  readonly escalatedAt?: Stamp;
  readonly extensionDays?: number | null;
  readonly extensionReason?: string | null;
  readonly extensionRequestedAt?: Stamp;
  readonly answer?: string | null;
  readonly answeredAt?: Stamp;
  readonly answeredBy?: string | null;
  readonly reviewNote?: string | null;
  readonly publishedAt?: Stamp;
  readonly closedAt?: Stamp;
  readonly statusNote?: string | null;
  readonly rejectionReason?: RejectionReason | null;
  readonly rating?: Rating | null;
  readonly ratingComment?: string | null;
  readonly ratedAt?: Stamp;
  /** Adds one to reopen_count. */
  readonly countReopen?: boolean;
}

const patchColumns = {
  status: 'status',
  categoryCode: 'category_code',
  urgent: 'urgent',
  adminUnitCode: 'admin_unit_code',
  address: 'address',
  agencyId: 'agency_id',
  mergedIntoId: 'merged_into_id',
  classifiedAt: 'classified_at',
  assignedAt: 'assigned_at',
  dueAt: 'due_at',
  deadlineWorkingDays: 'deadline_working_days',
  remindedAt: 'reminded_at',
  escalatedAt: 'escalated_at',
  extensionDays: 'extension_days',
  extensionReason: 'extension_reason',
  extensionRequestedAt: 'extension_requested_at',
  answer: 'answer',
  answeredAt: 'answered_at',
  answeredBy: 'answered_by',
  reviewNote: 'review_note',
  publishedAt: 'published_at',
  closedAt: 'closed_at',
  statusNote: 'status_note',
  rejectionReason: 'rejection_reason',
  rating: 'rating',
  ratingComment: 'rating_comment',
  ratedAt: 'rated_at',
} as const satisfies Partial<Record<keyof ReportPatch, keyof ReportsTable>>;

function patchToRow(patch: ReportPatch): Record<string, unknown> {
  const row: Record<string, unknown> = { updated_at: sql`now()` };
  for (const [key, column] of Object.entries(patchColumns)) {
    const value = patch[key as keyof typeof patchColumns];
    if (value !== undefined) row[column] = value === 'now' ? sql`now()` : value;
  }
  if (patch.location !== undefined) {
    row.latitude = patch.location?.latitude ?? null;
    row.longitude = patch.location?.longitude ?? null;
  }
  if (patch.countReopen) row.reopen_count = sql`reopen_count + 1`;
  return row;
}

function newReportValues(fields: NewReportRow, receivedAt: RawBuilder<Date>) {
  return {
    tracking_code: sql<string>`feedback.next_tracking_code(${receivedAt})`,
    category_code: fields.categoryCode,
    status: fields.status,
    channel: fields.channel,
    description: fields.description,
    address: fields.address,
    latitude: fields.location?.latitude ?? null,
    longitude: fields.location?.longitude ?? null,
    admin_unit_code: fields.adminUnitCode,
    urgent: fields.urgent,
    attributes: JSON.stringify(fields.attributes),
    reporter_name: fields.reporter.name,
    reporter_phone: fields.reporter.phone,
    reporter_email: fields.reporter.email,
    reporter_zalo_id: fields.reporter.zaloId,
    is_anonymous: fields.isAnonymous,
    locale: fields.locale,
    notify_channel: fields.notify?.channel ?? null,
    notify_address: fields.notify?.address ?? null,
    consent_version: fields.consentVersion,
    external_ref: fields.externalRef,
    submitted_by: fields.submittedBy,
    received_at: receivedAt,
    classified_at: fields.status === 'classified' ? receivedAt : null,
    due_at: fields.dueAt,
    deadline_working_days: fields.deadlineWorkingDays,
    is_sample: fields.isSample ?? false,
  };
}

/** The SQL over feedback.reports that reads or writes one report at a time. */
export class ReportsRepo {
  constructor(private readonly db: Db) {}

  #select(executor: Executor) {
    return executor
      .withTables<FeedbackTables>()
      .selectFrom('feedback.reports as r')
      .leftJoin('feedback.categories as c', 'c.code', 'r.category_code')
      .selectAll('r')
      .select(reportExtraColumns);
  }

  async findById(id: string, executor: Executor = this.db): Promise<Report | undefined> {
    const row = await this.#select(executor).where('r.id', '=', id).executeTakeFirst();
    return row ? toReport(row) : undefined;
  }

  async findByCode(code: string, executor: Executor = this.db): Promise<Report | undefined> {
    const row = await this.#select(executor).where('r.tracking_code', '=', code).executeTakeFirst();
    return row ? toReport(row) : undefined;
  }

  async findByExternalRef(executor: Executor, channel: Channel, ref: string): Promise<Report | undefined> {
    const row = await this.#select(executor)
      .where('r.channel', '=', channel)
      .where('r.external_ref', '=', ref)
      .executeTakeFirst();
    return row ? toReport(row) : undefined;
  }

  async insert(
    executor: Executor,
    fields: NewReportRow,
    receivedAt: Date | null = null,
  ): Promise<{ id: string; trackingCode: string }> {
    const at = receivedAt ? sql<Date>`${receivedAt}::timestamptz` : sql<Date>`now()`;
    const row = await executor
      .withTables<FeedbackTables>()
      .insertInto('feedback.reports')
      .values(newReportValues(fields, at) as never)
      .returning(['id', 'tracking_code'])
      .executeTakeFirstOrThrow();
    return { id: row.id, trackingCode: row.tracking_code };
  }

  /**
   * Files a new report with its first history row and the citizen's owner token in one statement
   * (data-modifying CTEs): one round trip on the hot path of every submission. The statement's text
   * is fixed (SUBMIT_SQL), so it is not rebuilt and recompiled by the query builder per submission.
   */
  /**
   * Writes a workflow step only if the report is still in one of `from` (optimistic concurrency: two
   * operators acting at once cannot both move it). False when it was not.
   */
  async change(
    executor: Executor,
    id: string,
    from: readonly ReportStatus[] | null,
    patch: ReportPatch,
  ): Promise<boolean> {
    let update = executor
      .withTables<FeedbackTables>()
      .updateTable('feedback.reports')
      .set(patchToRow(patch) as never)
      .where('id', '=', id);
    if (from) update = update.where('status', 'in', [...from]);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Reports with a map position whose unit was never looked up, oldest first. */
  async unlocated(limit: number): Promise<{ id: string; latitude: number; longitude: number }[]> {
    const rows = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.reports')
      .select(['id', 'latitude', 'longitude'])
      .where('latitude', 'is not', null)
      .where('admin_unit_code', 'is', null)
      .where('located_at', 'is', null)
      .orderBy('received_at')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, latitude: row.latitude ?? 0, longitude: row.longitude ?? 0 }));
  }

  /** Records the unit found for a position (or that none was), so the lookup runs once per report. */
  async setLocated(id: string, adminUnitCode: string | null): Promise<void> {
    await this.db
      .withTables<FeedbackTables>()
      .updateTable('feedback.reports')
      .set({ admin_unit_code: adminUnitCode, located_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('admin_unit_code', 'is', null)
      .execute();
  }

  async addFollowerCount(executor: Executor, id: string): Promise<void> {
    await executor
      .withTables<FeedbackTables>()
      .updateTable('feedback.reports')
      .set({ follower_count: sql<number>`follower_count + 1` })
      .where('id', '=', id)
      .execute();
  }
}
