import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../test/app';

type User = {
  id: string;
  email: string;
  active: boolean;
  locked: boolean;
  grants: { role: string; agencyId: string | null }[];
};

describe('/api/v1/users', () => {
  let t: TestApp;
  let admin: string;
  let agencyA: string;
  let agencyB: string;

  beforeAll(async () => {
    t = await buildTestApp({ LOGIN_MAX_FAILURES: '2' });
    admin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token}`;
    const make = async (code: string) =>
      json<{ id: string }>(
        await t.citydx.app.inject({
          method: 'POST',
          url: '/api/v1/agencies',
          headers: { authorization: admin },
          payload: { code, nameVi: code, kind: 'department' },
        }),
      ).id;
    agencyA = await make('DEP-A');
    agencyB = await make('DEP-B');
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    auth: string,
    payload?: Record<string, unknown>,
  ) =>
    t.citydx.app.inject({ method, url, headers: { authorization: auth }, ...(payload ? { payload } : {}) });

  it('creates an account with a one-time temporary password and finds it without diacritics', async () => {
    const created = await call('POST', '/api/v1/users', admin, {
      email: 'nguyen.van.an@danang.gov.vn',
      displayName: 'Nguyễn Văn An',
      grants: [{ role: 'officer', agencyId: agencyA }],
    });
    expect(created.statusCode).toBe(201);
    const body = json<{ user: User; temporaryPassword: string }>(created);
    expect(body.temporaryPassword.length).toBeGreaterThanOrEqual(16);
    const login = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'Nguyen.Van.An@danang.gov.vn', password: body.temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
    const found = json<{ items: User[] }>(await call('GET', '/api/v1/users?q=nguyen van', admin));
    expect(found.items.map((u) => u.email)).toContain('nguyen.van.an@danang.gov.vn');
    const duplicate = await call('POST', '/api/v1/users', admin, {
      email: 'NGUYEN.VAN.AN@danang.gov.vn',
      displayName: 'x',
      grants: [],
    });
    expect(json<{ error: { code: string } }>(duplicate).error.code).toBe('AUTH_EMAIL_TAKEN');
  });

  it('refuses role grants that do not fit their scope', async () => {
    const bad = await call('POST', '/api/v1/users', admin, {
      email: 'bad.grant@danang.gov.vn',
      displayName: 'x',
      grants: [{ role: 'officer', agencyId: null }],
    });
    expect([bad.statusCode, json<{ error: { code: string } }>(bad).error.code]).toEqual([
      422,
      'AUTH_INVALID_ROLE_GRANT',
    ]);
  });

  it('scopes an agency admin to the staff and roles of their own agency', async () => {
    const agencyAdmin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'agency_admin', agencyId: agencyA }])).token}`;
    const own = await call('POST', '/api/v1/users', agencyAdmin, {
      email: 'staff.a@danang.gov.vn',
      displayName: 'Staff A',
      grants: [{ role: 'officer', agencyId: agencyA }],
    });
    expect(own.statusCode).toBe(201);
    const foreign = await call('POST', '/api/v1/users', agencyAdmin, {
      email: 'staff.b@danang.gov.vn',
      displayName: 'Staff B',
      grants: [{ role: 'officer', agencyId: agencyB }],
    });
    expect(foreign.statusCode).toBe(403);
    const escalate = await call('POST', '/api/v1/users', agencyAdmin, {
      email: 'boss@danang.gov.vn',
      displayName: 'Boss',
      grants: [{ role: 'system_admin', agencyId: null }],
    });
    expect(escalate.statusCode).toBe(403);
    const listed = json<{ items: User[] }>(await call('GET', '/api/v1/users?limit=200', agencyAdmin));
    expect(listed.items.every((u) => u.grants.some((g) => g.agencyId === agencyA))).toBe(true);
  });

  it('unlocks a locked-out account and resets a password', async () => {
    const user = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    for (let i = 0; i < 2; i += 1)
      await t.citydx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'wrong password' },
      });
    expect(json<User>(await call('GET', `/api/v1/users/${user.userId}`, admin)).locked).toBe(true);
    expect(json<User>(await call('POST', `/api/v1/users/${user.userId}/unlock`, admin)).locked).toBe(false);
    const reset = json<{ temporaryPassword: string }>(
      await call('POST', `/api/v1/users/${user.userId}/password-reset`, admin),
    );
    const login = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: reset.temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
  });

  it('never removes the last system administrator, and a deactivated user cannot sign in', async () => {
    const only = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    const deactivated = json<User>(
      await call('PATCH', `/api/v1/users/${only.userId}`, admin, { active: false }),
    );
    expect(deactivated.active).toBe(false);
    expect(
      (
        await t.citydx.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { authorization: `Bearer ${only.token}` },
        })
      ).statusCode,
    ).toBe(401);

    const admins = json<{ items: User[] }>(
      await call('GET', '/api/v1/users?role=system_admin&limit=200', admin),
    ).items;
    for (const extra of admins.slice(1))
      await call('PUT', `/api/v1/users/${extra.id}/grants`, admin, { grants: [] });
    const last = admins[0];
    const refused = await call('PUT', `/api/v1/users/${last?.id}/grants`, admin, {
      grants: [{ role: 'viewer', agencyId: null }],
    });
    expect(json<{ error: { code: string } }>(refused).error.code).toBe('AUTH_CANNOT_REMOVE_LAST_ADMIN');
  });
});
