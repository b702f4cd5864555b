import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { FeedbackTables } from '../feedback.tables';
import type { Report } from '../report.model';
import { applyFilter, type ReportFilter } from '../report-queries.repo';
import type { ReportStatus } from '../report-states';

/**
 * What one Open311 service request shows, and nothing more: a page holds up to 1000 of them, so the
 * query reads these columns only (and the citizen's text only once it is published).
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
  readonly receivedAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | null;
  readonly publishedAt: Date | null;
  readonly dueAt: Date | null;
  readonly mediaUrl: string | null;
}

export function open311RowOf(report: Report): Open311Row {
  const published = report.publishedAt !== null;
  const linked = report.attributes.media_url;
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
    receivedAt: report.receivedAt,
    updatedAt: report.updatedAt,
    closedAt: report.closedAt,
    publishedAt: report.publishedAt,
    dueAt: report.dueAt,
    mediaUrl: typeof linked === 'string' ? linked : null,
  };
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
        'r.received_at',
        'r.updated_at',
        'r.closed_at',
        'r.published_at',
        'r.due_at',
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
      receivedAt: row.received_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
      publishedAt: row.published_at,
      dueAt: row.due_at,
      mediaUrl: row.media_url,
    }));
  }
}
