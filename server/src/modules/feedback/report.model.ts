import { sql, type Selectable } from 'kysely';
import type { Locale } from '../../platform/i18n/locale';
import type { ReportsTable } from './feedback.tables';
import type { Channel, NotifyChannel, Rating, RejectionReason, ReportStatus } from './report-states';

export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

export interface Reporter {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly zaloId: string | null;
}

/** A report as the services see it: everything, including the reporter (presenters decide what shows). */
export interface Report {
  readonly id: string;
  readonly trackingCode: string;
  readonly categoryCode: string | null;
  readonly categoryName: { readonly vi: string; readonly en: string | null } | null;
  readonly status: ReportStatus;
  readonly channel: Channel;
  readonly description: string;
  readonly address: string | null;
  readonly location: LatLon | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly urgent: boolean;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly reporter: Reporter;
  readonly isAnonymous: boolean;
  readonly locale: Locale;
  readonly notify: { readonly channel: NotifyChannel; readonly address: string } | null;
  readonly consentVersion: string | null;
  readonly submittedBy: string | null;
  readonly mergedIntoId: string | null;
  readonly receivedAt: Date;
  readonly classifiedAt: Date | null;
  readonly assignedAt: Date | null;
  readonly dueAt: Date | null;
  readonly deadlineWorkingDays: number | null;
  /** Derived on every read: the agency holds it and its deadline has passed. Never stored. */
  readonly overdue: boolean;
  readonly remindedAt: Date | null;
  readonly escalatedAt: Date | null;
  readonly extension: { readonly days: number; readonly reason: string; readonly requestedAt: Date } | null;
  readonly answer: string | null;
  readonly answeredAt: Date | null;
  readonly answeredBy: string | null;
  readonly reviewNote: string | null;
  readonly publishedAt: Date | null;
  readonly closedAt: Date | null;
  readonly statusNote: string | null;
  readonly rejectionReason: RejectionReason | null;
  readonly rating: { readonly value: Rating; readonly comment: string | null; readonly ratedAt: Date } | null;
  readonly reopenCount: number;
  readonly followerCount: number;
  readonly isSample: boolean;
  readonly updatedAt: Date;
}

export type ReportRow = Selectable<ReportsTable> & {
  category_name_vi: string | null;
  category_name_en: string | null;
  overdue: boolean;
};

/** The columns every report read adds to `r.*`: its category's name and the derived overdue flag. */
export const reportExtraColumns = [
  sql<string | null>`c.name_vi`.as('category_name_vi'),
  sql<string | null>`c.name_en`.as('category_name_en'),
  sql<boolean>`(r.due_at is not null and r.due_at < now() and r.status in ('assigned', 'in_progress'))`.as(
    'overdue',
  ),
] as const;

function reporterOf(row: ReportRow): Reporter {
  return {
    name: row.reporter_name,
    phone: row.reporter_phone,
    email: row.reporter_email,
    zaloId: row.reporter_zalo_id,
  };
}

function ratingOf(row: ReportRow): Report['rating'] {
  return row.rating && row.rated_at
    ? { value: row.rating, comment: row.rating_comment, ratedAt: row.rated_at }
    : null;
}

function extensionOf(row: ReportRow): Report['extension'] {
  return row.extension_days !== null && row.extension_requested_at
    ? {
        days: row.extension_days,
        reason: row.extension_reason ?? '',
        requestedAt: row.extension_requested_at,
      }
    : null;
}

/** The clock of a report: when each step happened and when the answer is due. */
function timelineOf(row: ReportRow) {
  return {
    receivedAt: row.received_at,
    classifiedAt: row.classified_at,
    assignedAt: row.assigned_at,
    dueAt: row.due_at,
    deadlineWorkingDays: row.deadline_working_days,
    overdue: row.overdue,
    remindedAt: row.reminded_at,
    escalatedAt: row.escalated_at,
    extension: extensionOf(row),
    answeredAt: row.answered_at,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  };
}

/** What became of it: the answer, the review, the rating. */
function outcomeOf(row: ReportRow) {
  return {
    answer: row.answer,
    answeredBy: row.answered_by,
    reviewNote: row.review_note,
    statusNote: row.status_note,
    rejectionReason: row.rejection_reason,
    rating: ratingOf(row),
    reopenCount: row.reopen_count,
    followerCount: row.follower_count,
    mergedIntoId: row.merged_into_id,
  };
}

export function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    categoryCode: row.category_code,
    categoryName: row.category_name_vi ? { vi: row.category_name_vi, en: row.category_name_en } : null,
    status: row.status,
    channel: row.channel,
    description: row.description,
    address: row.address,
    location:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : null,
    adminUnitCode: row.admin_unit_code,
    agencyId: row.agency_id,
    urgent: row.urgent,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    reporter: reporterOf(row),
    isAnonymous: row.is_anonymous,
    locale: row.locale,
    notify:
      row.notify_channel && row.notify_address
        ? { channel: row.notify_channel, address: row.notify_address }
        : null,
    consentVersion: row.consent_version,
    submittedBy: row.submitted_by,
    isSample: row.is_sample,
    ...timelineOf(row),
    ...outcomeOf(row),
  };
}
