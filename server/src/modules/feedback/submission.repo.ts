import { CompiledQuery, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/database';
import type { EventBus } from '../../platform/events/outbox';
import type { ReportsTable } from './feedback.tables';
import type { Executor } from './notifier.port';
import type { NewReportRow } from './reports.repo';

export interface SubmittedExtras {
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly tokenHash: string;
  readonly tokenExpiresAt: Date;
}

// Listed rather than `*`: a prepared statement whose result columns change (a column added by a
// migration another process ran) fails until it is prepared again; a fixed list is simply re-planned.
const REPORT_COLUMNS = `id, tracking_code, category_code, status, channel, description, address, latitude,
  longitude, admin_unit_code, located_at, agency_id, urgent, attributes, reporter_name, reporter_phone,
  reporter_email, reporter_zalo_id, is_anonymous, locale, notify_channel, notify_address, consent_version,
  external_ref, submitted_by, merged_into_id, received_at, classified_at, assigned_at, due_at,
  deadline_working_days, reminded_at, escalated_at, extension_days, extension_reason, extension_requested_at,
  answer, answered_at, answered_by, review_note, published_at, closed_at, status_note, rejection_reason,
  rating, rating_comment, rated_at, reopen_count, follower_count, is_sample, updated_at`;

/** The event of a new report (the acknowledgement to the citizen follows it). */
export const SUBMITTED_EVENT = 'feedback.report.submitted';

/** The `feedback.report.submitted` payload (workflow.ts eventPayload), built from the inserted row. */
const SUBMITTED_PAYLOAD = `json_build_object('reportId', r.id, 'trackingCode', r.tracking_code,
  'status', r.status, 'previousStatus', null, 'categoryCode', r.category_code, 'agencyId', r.agency_id,
  'adminUnitCode', r.admin_unit_code, 'channel', r.channel, 'urgent', r.urgent, 'rating', r.rating,
  'isSample', r.is_sample)`;

/**
 * A submission is one statement: the report (received, and for operator entry classified, at the
 * database's now()), its first history row, the owner token and the outbox event. Run alone it commits
 * all of them at once with no begin/commit round trips; inside a transaction it is one of its steps.
 */
function submitStatement(events: Pick<EventBus, 'composedInsert'>): string {
  const event = events.composedInsert({
    type: `'${SUBMITTED_EVENT}'`,
    payload: SUBMITTED_PAYLOAD,
    from: 'r',
  });
  const text = `with r as (
  insert into feedback.reports (tracking_code, category_code, status, channel, description, address, latitude,
    longitude, admin_unit_code, urgent, attributes, reporter_name, reporter_phone, reporter_email,
    reporter_zalo_id, is_anonymous, locale, notify_channel, notify_address, consent_version, external_ref,
    submitted_by, received_at, classified_at, due_at, deadline_working_days, is_sample)
  values (feedback.next_tracking_code(now()), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
    $16, $17, $18, $19, $20, $21, now(), case when $22::boolean then now() end, $23, $24, $25)
  returning ${REPORT_COLUMNS}
), h as (
  insert into feedback.report_history (report_id, to_status, action, actor_id, actor_label, is_public)
  select r.id, r.status, 'submitted', $26::uuid, $27::text, true from r
), t as (
  insert into feedback.citizen_tokens (report_id, token_hash, purpose, expires_at)
  select r.id, $28::text, 'owner', $29::timestamptz from r
), e as (
  ${event}
)
select ${REPORT_COLUMNS} from r`;
  return text;
}

function valuesOf(fields: NewReportRow, extras: SubmittedExtras): unknown[] {
  return [
    fields.categoryCode,
    fields.status,
    fields.channel,
    fields.description,
    fields.address,
    fields.location?.latitude ?? null,
    fields.location?.longitude ?? null,
    fields.adminUnitCode,
    fields.urgent,
    JSON.stringify(fields.attributes),
    fields.reporter.name,
    fields.reporter.phone,
    fields.reporter.email,
    fields.reporter.zaloId,
    fields.isAnonymous,
    fields.locale,
    fields.notify?.channel ?? null,
    fields.notify?.address ?? null,
    fields.consentVersion,
    fields.externalRef,
    fields.submittedBy,
    fields.status === 'classified',
    fields.dueAt,
    fields.deadlineWorkingDays,
    fields.isSample ?? false,
    extras.actorId,
    extras.actorLabel,
    extras.tokenHash,
    extras.tokenExpiresAt,
  ];
}

/** Files reports: the only writer of a new feedback.reports row (with its history, token and event). */
export class SubmissionRepo {
  #text: string | undefined;

  constructor(
    private readonly database: Pick<Database, 'prepared'>,
    private readonly events: Pick<EventBus, 'composedInsert' | 'published'>,
  ) {}

  // Built on first use: a factory may be handed kernel placeholders it must not call yet.
  get #statement(): string {
    this.#text ??= submitStatement(this.events);
    return this.#text;
  }

  /** One autocommit statement: when it returns, the report and its event are committed. */
  async insertAlone(fields: NewReportRow, extras: SubmittedExtras): Promise<Selectable<ReportsTable>> {
    const rows = await this.database.prepared<Selectable<ReportsTable>>(
      this.#statement,
      valuesOf(fields, extras),
    );
    this.events.published();
    return firstOf(rows);
  }

  /** A step of the caller's transaction (which must call `events.published()` after its commit). */
  async insertIn(
    trx: Executor,
    fields: NewReportRow,
    extras: SubmittedExtras,
  ): Promise<Selectable<ReportsTable>> {
    const result = await trx.executeQuery<Selectable<ReportsTable>>(
      CompiledQuery.raw(this.#statement, valuesOf(fields, extras)),
    );
    return firstOf(result.rows);
  }
}

function firstOf(rows: readonly Selectable<ReportsTable>[]): Selectable<ReportsTable> {
  const row = rows[0];
  if (!row) throw new Error('feedback.reports insert returned no row');
  return row;
}
