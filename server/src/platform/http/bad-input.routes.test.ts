import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../test/app';

type ErrorBody = { error: { code: string; message: string; details: { fields?: { path: string }[] } } };

describe('bad input gets a 4xx with { error: { code, message, details } }, never a 5xx', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await buildTestApp({ BODY_LIMIT_BYTES: '4096' });
    admin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token}`;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.citydx.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: admin, 'content-type': 'application/json', ...headers },
    });

  it('malformed JSON', async () => {
    const response = await post('/api/v1/agencies', '{"code": "X", ');
    expect(response.statusCode).toBe(400);
    expect(json<ErrorBody>(response).error.code).toBe('PLATFORM_MALFORMED_JSON');
  });

  it('wrong types are refused, not coerced', async () => {
    const response = await post(
      '/api/v1/agencies',
      JSON.stringify({ code: 'X1', nameVi: 123, kind: 'department' }),
    );
    expect(response.statusCode).toBe(400);
    const body = json<ErrorBody>(response);
    expect(body.error.code).toBe('PLATFORM_VALIDATION_FAILED');
    expect(body.error.details.fields?.map((f) => f.path)).toContain('/nameVi');
  });

  it('unknown fields are refused where forbidden', async () => {
    const response = await post(
      '/api/v1/agencies',
      JSON.stringify({ code: 'X2', nameVi: 'Sở X', kind: 'department', owner: 'me' }),
    );
    expect(response.statusCode).toBe(400);
    expect(json<ErrorBody>(response).error.details.fields?.map((f) => f.path)).toContain('/owner');
  });

  it('oversize bodies', async () => {
    const response = await post(
      '/api/v1/agencies',
      JSON.stringify({ code: 'X3', nameVi: 'x'.repeat(10_000), kind: 'department' }),
    );
    expect(response.statusCode).toBe(413);
    expect(json<ErrorBody>(response).error.code).toBe('PLATFORM_PAYLOAD_TOO_LARGE');
  });

  it('unsupported content types', async () => {
    const response = await post('/api/v1/agencies', 'code=X', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.statusCode).toBe(415);
    expect(json<ErrorBody>(response).error.code).toBe('PLATFORM_UNSUPPORTED_MEDIA_TYPE');
  });

  it('bad ids in the path and query', async () => {
    const path = await t.citydx.app.inject({ method: 'GET', url: '/api/v1/agencies/not-a-uuid' });
    expect(path.statusCode).toBe(400);
    const query = await t.citydx.app.inject({ method: 'GET', url: '/api/v1/agencies?limit=abc' });
    expect(query.statusCode).toBe(400);
    const missing = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/agencies/3f0c1d2e-4b5a-4c6d-8e7f-901234567890',
    });
    expect(missing.statusCode).toBe(404);
    expect(json<ErrorBody>(missing).error.code).toBe('AGENCY_NOT_FOUND');
  });

  it('unknown API paths answer a JSON 404, in English when asked', async () => {
    const response = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(json<ErrorBody>(response).error).toMatchObject({
      code: 'PLATFORM_NOT_FOUND',
      message: 'No such resource.',
    });
  });

  it('messages default to Vietnamese', async () => {
    const response = await t.citydx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(json<ErrorBody>(response).error.message).toBe('Không tìm thấy địa chỉ được yêu cầu.');
  });
});
