import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

type Public = {
  trackingCode: string;
  categoryCode: string;
  agencyId: string | null;
  status: string;
  description: string | null;
  isSample: boolean;
  publishedAt: string;
};
type Page = { items: Public[]; total: number };
type League = {
  agencyId: string;
  agencyName: { vi: string } | null;
  received: number;
  onTime: number;
  late: number;
  satisfactionPercent: number | null;
};

describe('the public board over the demo data', () => {
  let f: FeedbackTestApp;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ samples: true });
  });
  afterAll(() => f.close());

  const get = (url: string) => f.app.inject({ method: 'GET', url: `/api/v1/feedback${url}` });

  it('loads a few hundred labelled samples once, spread over 90 days and many units', async () => {
    await f.module.loadDemo?.();
    const stats = await sql<{ n: number; units: number; oldest: Date; unlabelled: number }>`
      select count(*) as n, count(distinct admin_unit_code) as units, min(received_at) as oldest,
        count(*) filter (where not is_sample or description not like '[Mẫu]%') as unlabelled
      from feedback.reports`.execute(f.t.database.db);
    const row = stats.rows[0];
    expect(Number(row?.n)).toBe(300);
    expect(Number(row?.unlabelled)).toBe(0);
    expect(Number(row?.units)).toBeGreaterThan(50);
    expect(Date.now() - new Date(row?.oldest ?? 0).getTime()).toBeGreaterThan(80 * 86_400_000);
  });

  it('lists published reports with their answers and never a reporter', async () => {
    const response = await get('/board/reports?limit=200');
    const page = json<Page>(response);
    expect(page.total).toBeGreaterThan(100);
    expect(page.items.every((r) => r.isSample && r.publishedAt && r.description?.startsWith('[Mẫu]'))).toBe(
      true,
    );
    expect(response.body).not.toMatch(/reporter|"email":|"phone":|zaloId/);
  });

  it('filters by category, agency, status and date', async () => {
    const traffic = json<Page>(await get('/board/reports?category=giao-thong&limit=200'));
    expect(traffic.items.length).toBeGreaterThan(0);
    expect(traffic.items.every((r) => r.categoryCode === 'giao-thong')).toBe(true);
    const agencyId = traffic.items[0]?.agencyId ?? '';
    const byAgency = json<Page>(await get(`/board/reports?agencyId=${agencyId}&limit=200`));
    expect(byAgency.items.every((r) => r.agencyId === agencyId)).toBe(true);
    const closed = json<Page>(await get('/board/reports?status=closed&status=reopened&limit=200'));
    expect(closed.items.every((r) => ['closed', 'reopened'].includes(r.status))).toBe(true);
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    expect(json<Page>(await get(`/board/reports?from=${since}`)).total).toBeLessThan(
      json<Page>(await get('/board/reports')).total,
    );
    expect((await get('/board/reports?status=bogus')).statusCode).toBe(400);
  });

  it('draws the map as GeoJSON', async () => {
    const response = await get('/board/reports.geojson');
    expect(response.headers['content-type']).toContain('application/geo+json');
    const map = json<{
      type: string;
      features: { geometry: { coordinates: [number, number] }; properties: { isSample: boolean } }[];
    }>(response);
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.length).toBeGreaterThan(100);
    const [lon, lat] = map.features[0]?.geometry.coordinates ?? [0, 0];
    expect([lon > 108 && lon < 108.3, lat > 15.9 && lat < 16.2]).toEqual([true, true]);
  });

  it('ranks the agencies with on-time and satisfaction figures, and feeds the portal home', async () => {
    const league = json<League[]>(await get('/board/league'));
    expect(league.length).toBeGreaterThan(3);
    expect(league.every((row) => row.agencyName !== null && row.received >= row.onTime)).toBe(true);
    expect(league.some((row) => row.late > 0)).toBe(true);
    expect(league.some((row) => (row.satisfactionPercent ?? 0) > 0)).toBe(true);
    const figures = json<{ received: number; published: number; onTimePercent: number }>(
      await get('/board/figures'),
    );
    expect(figures.received).toBe(300);
    expect(figures.onTimePercent).toBeGreaterThan(0);
    const [home] = (await f.module.figures?.()) ?? [];
    expect(home).toMatchObject({ key: 'feedbackAnswered', href: '/feedback' });
    expect(home?.count).toBe(figures.published);
  });

  it('serves the samples over Open311 within its 90-day default', async () => {
    const response = await f.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=closed' });
    const requests = json<{ status: string; description: string | null }[]>(response);
    expect(requests.length).toBeGreaterThan(50);
    expect(requests.every((r) => r.status === 'closed')).toBe(true);
  });
});
