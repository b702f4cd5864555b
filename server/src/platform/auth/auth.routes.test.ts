import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../test/app';

describe('/api/v1/auth', () => {
  let t: TestApp;
  let officer: Awaited<ReturnType<typeof createUserWithToken>>;

  beforeAll(async () => {
    t = await buildTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' });
    officer = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
  });
  afterAll(() => t.close());

  async function login(email: string, password: string) {
    return t.citydx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  }

  it('signs in with an httpOnly SameSite session cookie and answers who I am', async () => {
    const response = await login(officer.email, officer.password);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'citydx_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { citydx_session: cookie?.value ?? '' },
    });
    expect(json<{ user: { email: string } }>(me).user.email).toBe(officer.email);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await login(officer.email, officer.password);
    const cookie = session.cookies.find((c) => c.name === 'citydx_session')?.value ?? '';
    const csrf = json<{ csrfToken: string }>(session).csrfToken;
    const without = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      cookies: { citydx_session: cookie },
      payload: { name: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(json<{ error: { code: string } }>(without).error.code).toBe('AUTH_CSRF_TOKEN_INVALID');
    const withToken = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      cookies: { citydx_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: { name: 'from console' },
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('answers a wrong password and an unknown e-mail the same way, and locks after repeated failures', async () => {
    const victim = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    const unknown = await login('nobody@example.org', 'whatever-password');
    const wrong = await login(victim.email, 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong)).toEqual(json(unknown));
    await login(victim.email, 'wrong-password');
    await login(victim.email, 'wrong-password');
    const locked = await login(victim.email, victim.password);
    expect(locked.statusCode).toBe(423);
    expect(json<{ error: { code: string } }>(locked).error.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('logs out: the session no longer works', async () => {
    const session = await login(officer.email, officer.password);
    const cookie = session.cookies.find((c) => c.name === 'citydx_session')?.value ?? '';
    const csrf = json<{ csrfToken: string }>(session).csrfToken;
    const out = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { citydx_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const me = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { citydx_session: cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it('changes the password: the old one stops working', async () => {
    const user = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    const weak = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(json<{ error: { code: string } }>(weak).error.code).toBe('AUTH_WEAK_PASSWORD');
    const changed = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { currentPassword: user.password, newPassword: 'a much longer new password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, 'a much longer new password')).statusCode).toBe(200);
  });

  it('accepts API tokens with and without "Bearer", and refuses them once revoked or expired', async () => {
    const user = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    const plain = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: user.token },
    });
    expect(plain.statusCode).toBe(200);
    const created = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { name: 'harvester' },
    });
    const { token, record } = json<{ token: string; record: { id: string; tokenPrefix: string } }>(created);
    expect(token.startsWith(record.tokenPrefix)).toBe(true);
    const list = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/tokens',
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(list.body).not.toContain(token);
    const revoke = await t.citydx.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${record.id}`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(json<{ revokedAt: string | null }>(revoke).revokedAt).not.toBeNull();
    const after = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(json<{ error: { code: string } }>(after).error.code).toBe('AUTH_TOKEN_INVALID');

    const expiring = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { name: 'already expired', expiresAt: '2020-01-01T00:00:00Z' },
    });
    const expired = json<{ token: string }>(expiring).token;
    expect(
      (
        await t.citydx.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { authorization: expired },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('stores tokens and passwords only hashed', async () => {
    const user = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    const { sql } = await import('kysely');
    const rows = await sql<{ token_hash: string; password_hash: string }>`
      select t.token_hash, u.password_hash from platform.api_tokens t join platform.users u on u.id = t.user_id
      where u.email = ${user.email}`.execute(t.database.db);
    expect(rows.rows[0]?.token_hash).not.toContain(user.token);
    expect(rows.rows[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
  });
});
