import type { Report } from './report.model';

/**
 * RFC 7946 FeatureCollection of published reports for the board's map ([longitude, latitude]).
 * Properties are the public ones only: no reporter, and the text stays plain (the map escapes it).
 */
export function presentBoardGeoJson(reports: readonly Report[]) {
  return {
    type: 'FeatureCollection' as const,
    features: reports
      .filter((report) => report.location !== null && report.publishedAt !== null)
      .map((report) => ({
        type: 'Feature' as const,
        id: report.trackingCode,
        geometry: {
          type: 'Point' as const,
          coordinates: [report.location?.longitude ?? 0, report.location?.latitude ?? 0],
        },
        properties: {
          trackingCode: report.trackingCode,
          status: report.status,
          categoryCode: report.categoryCode,
          categoryName: report.categoryName?.vi ?? null,
          agencyId: report.agencyId,
          adminUnitCode: report.adminUnitCode,
          receivedAt: report.receivedAt.toISOString(),
          publishedAt: report.publishedAt?.toISOString() ?? null,
          overdue: report.overdue,
          rating: report.rating?.value ?? null,
          isSample: report.isSample,
        },
      })),
  };
}
