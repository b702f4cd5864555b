import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { formatDue } from '../notifications';
import type { FeedbackTables } from '../feedback.tables';
import type { Report } from '../report.model';
import { applyFilter, type ReportFilter } from '../report-queries.repo';
import type { ReportStatus } from '../report-states';
import { w3c } from './open311.format';

/**
 * What one Open311 service request shows, and nothing more: a page holds up to 1000 of them, so the
 * query reads these columns only (and the citizen's text only once it is published), with the times
 * already written the way Open311 shows them (W3C in Vietnam time, formatted by the database: parsing
 * five timestamps per row into Date objects and formatting them again cost more than the query).
 */
export interface Open311Row {
  readonly id: string;
  readonly trackingCode: string;
  readonly status: ReportStatus;
  readonly statusNote: string | null;
  readonly categoryCode: string | null;
  readonly categoryName: string | null;
  /** Null until the answer is published. */
  readonly description: string | null;
  readonly address: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly agencyId: string | null;
  /** received_at, W3C +07:00. */
  readonly requestedDatetime: string;
  /** updated_at, W3C +07:00 (the update time while open). */
  readonly updatedDatetime: string;
  /** closed_at, else published_at, else updated_at, W3C +07:00 (the update time once closed). */
  readonly closedDatetime: string;
  /** due_at, W3C +07:00. */
  readonly expectedDatetime: string | null;
  /** due_at as messages write it ("23:59 26/11/2026"), for service_notice. */
  readonly dueNotice: string | null;
  readonly published: boolean;
  /** The first photo's id, once published. */
  readonly photoId: string | null;
  readonly mediaUrl: string | null;
}

export function open311RowOf(report: Report, photoId: string | null): Open311Row {
  const published = report.publishedAt !== null;
  const linked = report.attributes.media_url;
  const updated = w3c(report.updatedAt) ?? '';
  return {
    id: report.id,
    trackingCode: report.trackingCode,
    status: report.status,
    statusNote: report.statusNote,
    categoryCode: report.categoryCode,
    categoryName: report.categoryName?.vi ?? null,
    description: published ? report.description : null,
    address: published ? report.address : null,
    latitude: report.location?.latitude ?? null,
    longitude: report.location?.longitude ?? null,
    agencyId: report.agencyId,
    requestedDatetime: w3c(report.receivedAt) ?? '',
    updatedDatetime: updated,
    closedDatetime: w3c(report.closedAt ?? report.publishedAt) ?? updated,
    expectedDatetime: w3c(report.dueAt),
    dueNotice: report.dueAt ? formatDue(report.dueAt) : null,
    published,
    photoId: published ? photoId : null,
    mediaUrl: typeof linked === 'string' ? linked : null,
  };
}

/** W3C-DTF in Vietnam time, as w3c() writes it (seconds, no fraction), by the database. */
function w3cSql(timestamp: RawBuilder<unknown>) {
  return sql<string>`to_char((${timestamp} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"')`;
}

/** Open311 listings: newest first, the shared filters, a bounded page and no count. */
export class Open311Repo {
  constructor(private readonly db: Db) {}

  async page(filter: ReportFilter): Promise<Open311Row[]> {
    const published = sql`r.published_at is not null`;
    const rows = await applyFilter(
      this.db.withTables<FeedbackTables>().selectFrom('feedback.reports as r'),
      filter,
    )
      .leftJoin('feedback.categories as c', 'c.code', 'r.category_code')
      .select([
        'r.id',
        'r.tracking_code',
        'r.status',
        'r.status_note',
        'r.category_code',
        sql<string | null>`c.name_vi`.as('category_name'),
        sql<string | null>`case when ${published} then r.description end`.as('description'),
        sql<string | null>`case when ${published} then r.address end`.as('address'),
        'r.latitude',
        'r.longitude',
        'r.agency_id',
        w3cSql(sql`r.received_at`).as('requested'),
        w3cSql(sql`r.updated_at`).as('updated'),
        w3cSql(sql`coalesce(r.closed_at, r.published_at, r.updated_at)`).as('closed'),
        w3cSql(sql`r.due_at`).as('expected'),
        sql<
          string | null
        >`to_char((r.due_at at time zone 'UTC') + interval '7 hours', 'HH24:MI DD/MM/YYYY')`.as('due_notice'),
        sql<boolean>`${published}`.as('published'),
        // The first photo in the same round trip (an index probe per published row of the page).
        sql<string | null>`case when ${published} then (select p.id from feedback.photos as p
          where p.report_id = r.id order by p.created_at, p.id limit 1) end`.as('photo_id'),
        sql<string | null>`r.attributes ->> 'media_url'`.as('media_url'),
      ])
      .orderBy('r.received_at', 'desc')
      .orderBy('r.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      trackingCode: row.tracking_code,
      status: row.status,
      statusNote: row.status_note,
      categoryCode: row.category_code,
      categoryName: row.category_name,
      description: row.description,
      address: row.address,
      latitude: row.latitude,
      longitude: row.longitude,
      agencyId: row.agency_id,
      requestedDatetime: row.requested,
      updatedDatetime: row.updated,
      closedDatetime: row.closed,
      expectedDatetime: row.expected,
      dueNotice: row.due_notice,
      published: row.published,
      photoId: row.photo_id,
      mediaUrl: row.media_url,
    }));
  }
}
