import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../test/app';
import { systemActor } from '../audit/audit';
import { hashSecret } from './secrets';

describe('AuthService.principalForToken (token, user and grants in one query)', () => {
  let t: TestApp;
  let agencyId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const agency = await t.citydx.platform.agencies.create(
      {
        code: 'TEST-TOKEN-GRANTS',
        nameVi: 'Đơn vị thử token',
        nameEn: null,
        kind: 'department',
        parentId: null,
        email: null,
        phone: null,
        address: null,
        website: null,
        headUserId: null,
        adminUnitCode: null,
        active: true,
        note: null,
      },
      systemActor,
    );
    agencyId = agency.id;
  });
  afterAll(() => t.close());

  it('returns every grant, city-wide and per agency, ordered by role', async () => {
    const { userId, token } = await createUserWithToken(t.citydx, [
      { role: 'viewer', agencyId: null },
      { role: 'officer', agencyId },
    ]);
    const principal = await t.citydx.platform.auth.principalForToken(token);
    expect(principal?.userId).toBe(userId);
    expect(principal?.via).toBe('token');
    expect(principal?.grants).toEqual([
      { role: 'officer', agencyId },
      { role: 'viewer', agencyId: null },
    ]);
  });

  it('returns a user without grants, and nobody for a revoked, expired or unknown token', async () => {
    const { token } = await createUserWithToken(t.citydx, []);
    expect((await t.citydx.platform.auth.principalForToken(token))?.grants).toEqual([]);
    await sql`update platform.api_tokens set expires_at = now() - interval '1 second'
      where token_hash = ${hashSecret(token)}`.execute(t.database.db);
    expect(await t.citydx.platform.auth.principalForToken(token)).toBeNull();
    const revoked = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    await sql`update platform.api_tokens set revoked_at = now()
      where token_hash = ${hashSecret(revoked.token)}`.execute(t.database.db);
    expect(await t.citydx.platform.auth.principalForToken(revoked.token)).toBeNull();
    expect(await t.citydx.platform.auth.principalForToken('cdx_not-a-token')).toBeNull();
  });
});
