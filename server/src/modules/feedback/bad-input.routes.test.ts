import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

type ErrorBody = { error: { code: string; details: { fields?: { path: string }[] } } };

describe('bad input to the feedback API: a 4xx with the error body, never a 5xx', () => {
  let f: FeedbackTestApp;
  let code: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({
      demo: true,
      env: { BODY_LIMIT_BYTES: '16384', PUBLIC_RATE_PER_MINUTE: '20' },
    });
    const created = await f.services.submissions.submit(
      {
        channel: 'web',
        categoryCode: 'khac',
        description: 'Phản ánh thử',
        address: 'Đà Nẵng',
        location: null,
        locale: 'vi',
        consentVersion: null,
      },
      { id: null, label: 'test' },
    );
    code = created.report.trackingCode;
  });
  afterAll(() => f.close());

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback${url}`,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const report = (extra: object) => ({
    categoryCode: 'giao-thong',
    description: 'Ổ gà',
    address: 'Lê Duẩn',
    ...extra,
  });
  const expectError = (response: { statusCode: number; body: string }, status: number, errorCode: string) =>
    expect([response.statusCode, json<ErrorBody>(response as never).error.code]).toEqual([status, errorCode]);

  it('refuses malformed, oversize and mistyped submissions', async () => {
    expectError(await post('/reports', '{"categoryCode": '), 400, 'PLATFORM_MALFORMED_JSON');
    expectError(
      await post('/reports', report({ description: 'x'.repeat(4001) })),
      400,
      'PLATFORM_VALIDATION_FAILED',
    );
    expectError(
      await post('/reports', report({ description: 'x'.repeat(20_000) })),
      413,
      'PLATFORM_PAYLOAD_TOO_LARGE',
    );
    expectError(await post('/reports', report({ owner: 'me' })), 400, 'PLATFORM_VALIDATION_FAILED');
    expectError(
      await post('/reports', report({ location: { latitude: '16', longitude: 108 } })),
      400,
      'PLATFORM_VALIDATION_FAILED',
    );
    expectError(
      await post('/reports', report({ categoryCode: 'no-such' })),
      404,
      'FEEDBACK_CATEGORY_NOT_FOUND',
    );
    expectError(
      await post('/reports', 'categoryCode=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'PLATFORM_UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('checks contacts and consent, and requires a place for web reports', async () => {
    expectError(
      await post('/reports', report({ contact: { email: 'not-an-email' }, consent: true })),
      400,
      'FEEDBACK_CONTACT_INVALID',
    );
    expectError(
      await post('/reports', report({ contact: { phone: '12' }, consent: true })),
      400,
      'FEEDBACK_CONTACT_INVALID',
    );
    expectError(
      await post('/reports', report({ contact: { phone: '0905123456' } })),
      400,
      'FEEDBACK_CONSENT_REQUIRED',
    );
    expectError(
      await post('/reports', report({ attributes: { loai_su_co: 'khong-co' } })),
      400,
      'FEEDBACK_ATTRIBUTE_INVALID',
    );
    expectError(await post('/reports', report({ address: ' ' })), 400, 'FEEDBACK_LOCATION_REQUIRED');
    const anonymous = await post('/reports', report({}));
    expect([anonymous.statusCode, json<{ isAnonymous: boolean }>(anonymous).isAnonymous]).toEqual([
      201,
      true,
    ]);
  });

  it('answers bad paths and queries with 400 and missing reports with 404', async () => {
    const get = (url: string) => f.app.inject({ method: 'GET', url: `/api/v1/feedback${url}` });
    expect((await get('/reports/not-a-code')).statusCode).toBe(400);
    expectError(await get('/reports/PA-2026-999999'), 404, 'FEEDBACK_REPORT_NOT_FOUND');
    expect((await get('/reports/similar?category=giao-thong&lat=91&lon=108')).statusCode).toBe(400);
    expect((await get('/board/reports?limit=1000')).statusCode).toBe(400);
    expect((await get('/board/reports?from=yesterday')).statusCode).toBe(400);
    expect((await get('/photos/not-a-uuid')).statusCode).toBe(400);
    expectError(await get('/photos/3f0c1d2e-4b5a-4c6d-8e7f-901234567890'), 404, 'FEEDBACK_PHOTO_NOT_FOUND');
  });

  it('applies the access rules: anonymous 401, a viewer 403 on hub and agency writes', async () => {
    const viewer = await f.staff([{ role: 'viewer', agencyId: null }]);
    const id = '3f0c1d2e-4b5a-4c6d-8e7f-901234567890';
    for (const url of [
      `/hub/reports/${id}/transfer`,
      `/agency/reports/${id}/respond`,
      '/hub/routes',
      '/hub/categories',
    ]) {
      expectError(await post(url, {}), 401, 'AUTH_UNAUTHENTICATED');
      expectError(await post(url, {}, { authorization: viewer }), 403, 'AUTH_FORBIDDEN');
    }
    const operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    expectError(
      await post(`/hub/reports/${id}/transfer`, {}, { authorization: operator }),
      404,
      'FEEDBACK_REPORT_NOT_FOUND',
    );
    expectError(
      await post(
        '/hub/categories',
        { code: 'x', nameVi: 'X', group: 'x', deadlineWorkingDays: 3 },
        { authorization: operator },
      ),
      403,
      'AUTH_FORBIDDEN',
    );
  });

  it('rate-limits public writes per client address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt += 1) {
      statuses.push(
        (await post(`/reports/${code}/follow`, { channel: 'email', address: `n${attempt}@example.vn` }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
