import type { HistoryEntry, PublicUpdate } from '../history.repo';
import { closedStatuses, statusLabels, type ReportStatus } from '../report-states';
import type { Category } from '../routing.repo';
import { w3c, type XmlObject } from './open311.format';
import type { Open311Row } from './open311.repo';

/** Internal states collapse to the spec's two: closed once answered publicly or ended. */
export function open311Status(status: ReportStatus): 'open' | 'closed' {
  return closedStatuses.includes(status) ? 'closed' : 'open';
}

export function presentService(category: Category): XmlObject {
  return {
    service_code: category.code,
    service_name: category.nameVi,
    description: category.descriptionVi ?? category.nameVi,
    metadata: category.attributes.length > 0,
    type: 'realtime',
    keywords: category.keywords,
    group: category.group,
  };
}

export function presentDefinition(category: Category): XmlObject {
  return {
    service_code: category.code,
    attributes: [...category.attributes]
      .sort((a, b) => a.order - b.order)
      .map((attribute) => ({
        variable: true,
        code: attribute.code,
        datatype: attribute.datatype,
        required: attribute.required,
        datatype_description: attribute.datatypeDescription ?? null,
        order: attribute.order,
        description: attribute.description,
        values: (attribute.values ?? []).map((value) => ({ key: value.key, name: value.name })),
      })),
  };
}

export interface RequestContext {
  readonly agencyName: (agencyId: string | null) => string | null;
  /** Absolute URL of a public photo. */
  readonly photoUrl: (photoId: string) => string;
}

/**
 * One service request. Description and address are the citizen's words: they are shown once the hub
 * has published the answer (reviewed for personal data), like on the public board; the reporter never.
 */
export function presentRequest(row: Open311Row, context: RequestContext): XmlObject {
  const status = open311Status(row.status);
  const open = status === 'open';
  return {
    service_request_id: row.trackingCode,
    status,
    status_notes: row.statusNote ?? statusLabels[row.status].vi,
    service_name: row.categoryName,
    service_code: row.categoryCode,
    description: row.description,
    agency_responsible: context.agencyName(row.agencyId),
    service_notice: open && row.dueNotice ? `Hạn trả lời dự kiến: ${row.dueNotice}` : null,
    requested_datetime: row.requestedDatetime,
    updated_datetime: open ? row.updatedDatetime : row.closedDatetime,
    expected_datetime: row.expectedDatetime,
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    media_url: row.published ? (row.photoId ? context.photoUrl(row.photoId) : row.mediaUrl) : null,
  };
}

/**
 * FixMyStreet's extended statuses for servicerequestupdates (its client lower-cases them and reads
 * "_" as a space: "not councils responsibility", "in progress", …).
 */
export function fixMyStreetStatus(entry: HistoryEntry, rejection: string | null): string {
  switch (entry.toStatus) {
    case 'assigned':
      return 'INVESTIGATING';
    case 'in_progress':
      return 'IN_PROGRESS';
    case 'published':
    case 'closed':
      return 'CLOSED';
    case 'merged':
      return 'DUPLICATE';
    case 'rejected':
      if (rejection === 'duplicate') return 'DUPLICATE';
      return rejection === 'out_of_scope' ? 'NOT_COUNCILS_RESPONSIBILITY' : 'NO_FURTHER_ACTION';
    default:
      return 'OPEN';
  }
}

export function presentUpdate(update: PublicUpdate): XmlObject {
  return {
    update_id: String(update.id),
    service_request_id: update.trackingCode,
    status: fixMyStreetStatus(update, update.rejectionReason),
    updated_datetime: w3c(update.occurredAt),
    description: update.note ?? statusLabels[update.toStatus].vi,
    media_url: null,
    external_status_code: update.action,
  };
}
