import type { HistoryEntry } from './history.repo';
import type { Photo } from './photos.repo';
import type { Report } from './report.model';
import { statusLabels } from './report-states';

/** Where a photo's public copy is served (relative: the web app and the API share an origin). */
export const photoPath = (id: string): string => `/api/v1/feedback/photos/${id}`;

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/**
 * The public view. The reporter never appears; the citizen's words (description, address) appear only
 * once the hub has published the answer, after its review; until then a tracking code shows the
 * status, category, unit and map position (as Open311 and the duplicate suggestions do).
 */
export function presentPublicReport(report: Report, mergedInto: string | null = null) {
  const published = report.publishedAt !== null;
  return {
    trackingCode: report.trackingCode,
    status: report.status,
    statusLabel: statusLabels[report.status],
    categoryCode: report.categoryCode,
    categoryName: report.categoryName,
    description: published ? report.description : null,
    address: published ? report.address : null,
    location: report.location,
    adminUnitCode: report.adminUnitCode,
    agencyId: report.agencyId,
    channel: report.channel,
    urgent: report.urgent,
    receivedAt: report.receivedAt.toISOString(),
    dueAt: iso(report.dueAt),
    overdue: report.overdue,
    publishedAt: iso(report.publishedAt),
    answer: published ? report.answer : null,
    closedAt: iso(report.closedAt),
    rating: report.rating?.value ?? null,
    reopenCount: report.reopenCount,
    followerCount: report.followerCount,
    mergedInto,
    isSample: report.isSample,
    updatedAt: report.updatedAt.toISOString(),
  };
}

export function presentPhoto(photo: Photo) {
  return {
    id: photo.id,
    kind: photo.kind,
    url: photoPath(photo.id),
    width: photo.width,
    height: photo.height,
    createdAt: photo.createdAt.toISOString(),
  };
}

export function presentPublicDetail(view: {
  report: Report;
  history: HistoryEntry[];
  photos: Photo[];
  mergedInto: string | null;
}) {
  return {
    ...presentPublicReport(view.report, view.mergedInto),
    photos: view.report.publishedAt ? view.photos.map(presentPhoto) : [],
    history: view.history
      .filter((entry) => entry.isPublic)
      .map((entry) => ({
        occurredAt: entry.occurredAt.toISOString(),
        action: entry.action,
        status: entry.toStatus,
        note: entry.note,
      })),
  };
}

export function presentStaffReport(report: Report, mergedInto: string | null = null) {
  return {
    ...presentPublicReport(report, mergedInto),
    id: report.id,
    description: report.description,
    address: report.address,
    location: report.location,
    answer: report.answer,
    attributes: { ...report.attributes },
    reporter: report.reporter,
    isAnonymous: report.isAnonymous,
    locale: report.locale,
    notify: report.notify,
    classifiedAt: iso(report.classifiedAt),
    assignedAt: iso(report.assignedAt),
    deadlineWorkingDays: report.deadlineWorkingDays,
    remindedAt: iso(report.remindedAt),
    escalatedAt: iso(report.escalatedAt),
    extension: report.extension
      ? { ...report.extension, requestedAt: report.extension.requestedAt.toISOString() }
      : null,
    answeredAt: iso(report.answeredAt),
    answeredBy: report.answeredBy,
    reviewNote: report.reviewNote,
    statusNote: report.statusNote,
    rejectionReason: report.rejectionReason,
    ratingComment: report.rating?.comment ?? null,
    submittedBy: report.submittedBy,
  };
}

export function presentStaffHistory(entry: HistoryEntry) {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    agencyId: entry.agencyId,
    note: entry.note,
    isPublic: entry.isPublic,
  };
}

export function presentStaffDetail(view: {
  report: Report;
  history: HistoryEntry[];
  photos: Photo[];
  mergedInto: string | null;
}) {
  return {
    ...presentStaffReport(view.report, view.mergedInto),
    photos: view.photos.map(presentPhoto),
    history: view.history.map(presentStaffHistory),
  };
}
