import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import { systemActor } from '../../../platform/audit/audit';
import { loadDeviceSamples, seededFleet } from './devices.demo';
import { buildDevicesTestApp } from './devices.test-support';

describe('demo fleet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildDevicesTestApp();
  });
  afterAll(() => t.close());

  it('loads the seeded counts as labelled samples inside Đà Nẵng, once', async () => {
    const { db, audit } = t.citydx.platform;
    expect(await loadDeviceSamples(db, audit, systemActor)).toBe(36_930);
    expect(await loadDeviceSamples(db, audit, systemActor)).toBe(0);

    const byType = await sql<{ type: string; n: number }>`
      select type, count(*) as n from sensors.devices group by type order by type`.execute(db);
    expect(Object.fromEntries(byType.rows.map((row) => [row.type, Number(row.n)]))).toEqual(seededFleet);

    const checks = await sql<{ not_sample: number; outside: number; unnamed: number; no_consent: number }>`
      select count(*) filter (where not is_sample or name not like '%(mẫu)') as not_sample,
        count(*) filter (where latitude not between 15.9 and 16.2 or longitude not between 108.0 and 108.3) as outside,
        count(*) filter (where admin_unit_code is null) as unnamed,
        count(*) filter (where type = 'contributed_camera' and (consent_at is null or stream_access <> 'owner')) as no_consent
      from sensors.devices`.execute(db);
    expect(checks.rows[0]).toEqual({ not_sample: 0, outside: 0, unnamed: 0, no_consent: 0 });
  });

  it('feeds the fleet view and keeps private streams off the public map', async () => {
    const fleet = json<{ total: { total: number }; byAdminUnit: { adminUnitName: string | null }[] }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/sensors/fleet' }),
    );
    expect(fleet.total.total).toBe(36_930);
    expect(fleet.byAdminUnit).toHaveLength(12);
    expect(fleet.byAdminUnit.every((unit) => unit.adminUnitName?.startsWith('Phường'))).toBe(true);

    const map = json<{ features: { properties: { type: string } }[] }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/sensors/devices.geojson?limit=50000' }),
    );
    const types = new Set(map.features.map((feature) => feature.properties.type));
    expect([...types].sort()).toEqual(['traffic_camera', 'wifi_access_point']);
    expect(map.features).toHaveLength(200 + 430);
  });
});
