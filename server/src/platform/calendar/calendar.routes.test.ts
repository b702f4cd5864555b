import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../test/app';
import { insertCalendarSeed } from './calendar.seed';

describe('/api/v1/calendar', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let adminToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    t = await buildTestApp();
    app = t.citydx.app;
    await insertCalendarSeed(t.database.db);
    adminToken = (await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token;
    viewerToken = (await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }])).token;
  });
  afterAll(() => t.close());

  const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1/calendar${url}` });

  it('lists the days off of 2026 and its working Saturdays, publicly', async () => {
    const response = await get('/days-off?year=2026');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      daysOff: { date: string; source: string }[];
      workingDays: { day: string }[];
    }>();
    expect(body.daysOff.find((day) => day.date === '2026-04-27')?.source).toBe('compensatory');
    expect(body.workingDays.map((day) => day.day)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('counts working days and computes deadlines', async () => {
    expect((await get('/working-days?from=2026-02-13&to=2026-02-23')).json()).toEqual({
      from: '2026-02-13',
      to: '2026-02-23',
      workingDays: 1,
    });
    const deadline = await get(
      `/deadline?start=${encodeURIComponent('2026-02-13T16:00:00+07:00')}&days=0&cutoff=15:00`,
    );
    expect(deadline.json()).toEqual({
      start: '2026-02-13T09:00:00.000Z',
      days: 0,
      cutoff: '15:00',
      clockStartDay: '2026-02-23',
      deadlineDay: '2026-02-23',
      deadline: '2026-02-23T16:59:59.999Z',
    });
    expect((await get('/deadline?start=2025-04-29&days=3')).json()).toMatchObject({
      deadlineDay: '2025-05-07',
    });
  });

  it('documents every route in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/api/v1/calendar'))).toEqual([
      '/api/v1/calendar/days-off',
      '/api/v1/calendar/working-days',
      '/api/v1/calendar/deadline',
      '/api/v1/calendar/decisions',
      '/api/v1/calendar/decisions/{day}',
    ]);
  });

  it('validates the query', async () => {
    expect((await get('/deadline?start=2026-02-13&days=1&cutoff=3pm')).statusCode).toBe(400);
    expect((await get('/days-off?year=1900')).statusCode).toBe(400);
    expect((await get('/working-days?from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
  });

  it('lets only system administrators write decisions', async () => {
    const payload = {
      day: '2026-12-31',
      kind: 'day_off',
      nameVi: 'Nghỉ thử',
      legalBasis: 'Thông báo thử nghiệm',
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/calendar/decisions', payload })).statusCode,
    ).toBe(401);
    const asViewer = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/decisions',
      payload,
      headers: { authorization: `Bearer ${viewerToken}` },
    });
    expect(asViewer.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/decisions',
      payload,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      day: '2026-12-31',
      kind: 'day_off',
      nameEn: null,
      sourceUrl: null,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/decisions',
      payload,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CALENDAR_DECISION_EXISTS');
  });

  it('reads, changes and deletes a decision', async () => {
    const headers = { authorization: `Bearer ${adminToken}` };
    expect((await get('/decisions/2026-12-31')).json()).toMatchObject({ nameVi: 'Nghỉ thử' });
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/v1/calendar/decisions/2026-12-31',
      payload: { nameEn: 'Test day off' },
      headers,
    });
    expect(changed.json()).toMatchObject({ nameEn: 'Test day off' });
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/v1/calendar/decisions/2026-12-31', headers }))
        .statusCode,
    ).toBe(204);
    const gone = await get('/decisions/2026-12-31');
    expect([gone.statusCode, gone.json<{ error: { code: string } }>().error.code]).toEqual([
      404,
      'CALENDAR_DECISION_NOT_FOUND',
    ]);
    expect((await get('/decisions?year=2025')).json<{ items: unknown[] }>().items).toHaveLength(8);
  });
});
