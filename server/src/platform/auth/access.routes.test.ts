import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../test/app';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function concreteUrl(url: string): string {
  return url.replace(/:id\b/g, '3f0c1d2e-4b5a-4c6d-8e7f-901234567890').replace(/:(\w+)/g, 'x');
}

/**
 * Walks every write route of the running app, so a route added later is covered without editing this
 * test: anonymous callers get 401, callers without one of the declared roles get 403.
 */
describe('every write route declares and enforces its access rule', () => {
  let t: TestApp;
  let viewerToken: string;

  beforeAll(async () => {
    t = await buildTestApp();
    viewerToken = (await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }])).token;
  });
  afterAll(() => t.close());

  it('has write routes to check', () => {
    expect(t.citydx.routes.filter((route) => writeMethods.has(route.method)).length).toBeGreaterThan(10);
  });

  it('refuses anonymous callers on every non-public write route', async () => {
    const failures: string[] = [];
    for (const route of t.citydx.routes.filter((r) => writeMethods.has(r.method) && r.access !== 'public')) {
      const response = await t.citydx.app.inject({
        method: route.method as 'POST',
        url: concreteUrl(route.url),
        payload: {},
      });
      if (
        response.statusCode !== 401 ||
        json<{ error: { code: string } }>(response).error.code !== 'AUTH_UNAUTHENTICATED'
      ) {
        failures.push(`${route.method} ${route.url} -> ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses callers without a declared role on every role-restricted write route', async () => {
    const failures: string[] = [];
    const restricted = t.citydx.routes.filter(
      (r) => writeMethods.has(r.method) && typeof r.access === 'object' && !r.access.roles.includes('viewer'),
    );
    expect(restricted.length).toBeGreaterThan(5);
    for (const route of restricted) {
      const response = await t.citydx.app.inject({
        method: route.method as 'POST',
        url: concreteUrl(route.url),
        headers: { authorization: `Bearer ${viewerToken}` },
        payload: {},
      });
      if (response.statusCode !== 403)
        failures.push(`${route.method} ${route.url} -> ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('lists only public write routes that are meant to be public', () => {
    const publicWrites = t.citydx.routes
      .filter((r) => writeMethods.has(r.method) && r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    // Each is public on purpose: signing in; the CKAN Action API, which authorises per action as CKAN
    // does (opendata/ckan/ckan-access.test.ts walks them); provider webhooks, verified by signature;
    // the one-click e-mail opt-out, verified by its token; citizens filing a report without an account,
    // following one, and rating or adding photos to their own (proved by the report's owner token or
    // the contact they gave: feedback/citizen.service.ts), all rate-limited per IP; a device's
    // heartbeat, proved by the device's own token (sensors/devices).
    expect(publicWrites.sort()).toEqual(
      [
        'POST /api/v1/auth/login',
        'POST /api/3/action/:name',
        'POST /api/action/:name',
        'POST /api/v1/notify/inbound/sms',
        'POST /api/v1/notify/inbound/zalo',
        'POST /api/v1/notify/opt-out',
        'POST /api/v1/feedback/reports',
        'POST /api/v1/feedback/reports/:code/follow',
        'POST /api/v1/feedback/reports/:code/photos',
        'POST /api/v1/feedback/reports/:code/rating',
        'POST /api/v1/sensors/devices/:id/heartbeat',
      ].sort(),
    );
  });
});
