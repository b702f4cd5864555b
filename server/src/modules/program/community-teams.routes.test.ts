import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../test/app';

type Team = {
  id: string;
  name: string;
  memberCount: number;
  contactPhone?: string | null;
  isSample: boolean;
};

describe('/api/v1/program/community-teams', () => {
  let t: TestApp;
  let ward: string;
  let otherWard: string;
  let wardOfficer: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const admin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token}`;
    const agency = async (code: string) =>
      json<{ id: string }>(
        await t.citydx.app.inject({
          method: 'POST',
          url: '/api/v1/agencies',
          headers: { authorization: admin },
          payload: { code, nameVi: code, kind: 'commune_committee' },
        }),
      ).id;
    ward = await agency('UBND-P-MAU');
    otherWard = await agency('UBND-P-KHAC');
    wardOfficer = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'officer', agencyId: ward }])).token}`;
  });
  afterAll(() => t.close());

  const create = (auth: string, payload: Record<string, unknown>) =>
    t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/program/community-teams',
      headers: { authorization: auth },
      payload,
    });

  it("a ward officer registers a team of their ward; the public sees it without the volunteer's phone", async () => {
    const created = await create(wardOfficer, {
      name: 'Tổ công nghệ số cộng đồng tổ dân phố 12',
      agencyId: ward,
      contactPhone: '0905 123 456',
      memberCount: 6,
      location: { latitude: 16.06, longitude: 108.21 },
    });
    expect(created.statusCode).toBe(201);
    const team = json<Team>(created);
    expect(team.contactPhone).toBe('0905 123 456');
    const listed = json<{ items: Team[]; total: number }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/program/community-teams?q=to dan pho 12' }),
    );
    expect(listed.items.map((item) => item.id)).toEqual([team.id]);
    expect(listed.items[0]).not.toHaveProperty('contactPhone');
    const geojson = json<{ type: string; features: { geometry: { coordinates: number[] } }[] }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/program/community-teams.geojson' }),
    );
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features[0]?.geometry.coordinates).toEqual([108.21, 16.06]);
    const totals = json<{ teams: number; members: number }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/program/community-teams/totals' }),
    );
    expect(totals).toMatchObject({ teams: 1, members: 6 });
  });

  it('refuses a team of another ward and out-of-range coordinates', async () => {
    const foreign = await create(wardOfficer, { name: 'Tổ khác', agencyId: otherWard });
    expect([foreign.statusCode, json<{ error: { code: string } }>(foreign).error.code]).toEqual([
      403,
      'PROGRAM_TEAM_OUTSIDE_SCOPE',
    ]);
    const offMap = await create(wardOfficer, {
      name: 'Tổ lạc',
      agencyId: ward,
      location: { latitude: 123, longitude: 108 },
    });
    expect(offMap.statusCode).toBe(400);
  });

  it('shows the teams on the portal home figures once they exist', async () => {
    const summary = json<{ services: { key: string; count: number }[] }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/platform/summary' }),
    );
    expect(summary.services.find((s) => s.key === 'communityTeams')?.count).toBeGreaterThan(0);
  });

  it('loads the labelled samples only into an empty table', async () => {
    const fresh = await buildTestApp();
    try {
      await fresh.citydx.modules.find((m) => m.name === 'program')?.loadDemo?.();
      await fresh.citydx.modules.find((m) => m.name === 'program')?.loadDemo?.();
      const listed = json<{ items: Team[]; total: number }>(
        await fresh.citydx.app.inject({ method: 'GET', url: '/api/v1/program/community-teams?limit=200' }),
      );
      expect(listed.total).toBe(40);
      expect(listed.items.every((team) => team.isSample && team.name.includes('(mẫu)'))).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
