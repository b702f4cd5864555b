import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { ReportStatus } from './report-states';

export interface SimilarReport {
  readonly trackingCode: string;
  readonly status: ReportStatus;
  readonly categoryCode: string;
  readonly receivedAt: Date;
  readonly publishedAt: Date | null;
  readonly description: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly distanceMetres: number;
  /** pg_trgm similarity of the descriptions (0–1), accents and case ignored. */
  readonly similarity: number;
}

export interface SimilarQuery {
  readonly categoryCode: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly text: string;
  readonly radiusMetres: number;
  readonly limit: number;
}

const METRES_PER_DEGREE = 111_320;
// Old reports are rarely the same problem; the window also bounds the work on a large table.
const WINDOW_DAYS = 90;

/**
 * Likely duplicates while a citizen types: same category, within the category's radius (earthdistance
 * great-circle metres, after a bounding-box filter the indexes can use), ranked by pg_trgm similarity
 * of the text and then by distance. Only reports still being handled or answered are suggested.
 */
export class SimilarRepo {
  constructor(private readonly db: Db) {}

  async find(query: SimilarQuery): Promise<SimilarReport[]> {
    const latSpan = query.radiusMetres / METRES_PER_DEGREE;
    const lonSpan = latSpan / Math.max(Math.cos((query.latitude * Math.PI) / 180), 0.01);
    const here = sql`ll_to_earth(${query.latitude}::float8, ${query.longitude}::float8)`;
    const result = await sql<SimilarReport>`
      select * from (
        select r.tracking_code as "trackingCode", r.status, r.category_code as "categoryCode",
          r.received_at as "receivedAt", r.published_at as "publishedAt", r.description,
          r.latitude, r.longitude,
          earth_distance(${here}, ll_to_earth(r.latitude, r.longitude)) as "distanceMetres",
          similarity(platform.search_key(r.description), platform.search_key(${query.text})) as similarity
        from feedback.reports r
        where r.category_code = ${query.categoryCode}
          and r.received_at > now() - make_interval(days => ${WINDOW_DAYS})
          and r.status not in ('rejected', 'merged', 'closed')
          and r.latitude between ${query.latitude - latSpan} and ${query.latitude + latSpan}
          and r.longitude between ${query.longitude - lonSpan} and ${query.longitude + lonSpan}
      ) candidates
      where "distanceMetres" <= ${query.radiusMetres}
      order by similarity desc, "distanceMetres" asc
      limit ${query.limit}`.execute(this.db);
    return result.rows.map((row) => ({
      ...row,
      distanceMetres: Math.round(Number(row.distanceMetres)),
      similarity: Math.round(Number(row.similarity) * 1000) / 1000,
    }));
  }
}
