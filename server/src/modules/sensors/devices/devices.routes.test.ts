import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, json, type TestApp } from '../../../../test/app';
import { systemActor } from '../../../platform/audit/audit';
import { buildDevicesTestApp } from './devices.test-support';

type DeviceJson = {
  id: string;
  type: string;
  status: string;
  streamUrl: string | null;
  streamRestricted: boolean;
  ownerName?: string | null;
};
type Page = { items: DeviceJson[]; total: number };
type ErrorBody = { error: { code: string } };

describe('device registry: CRUD, access levels and fleet views', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let officerElsewhere: string;
  let viewer: string;
  let owner: { token: string; userId: string };
  let agencyId: string;
  const ids: Record<string, string> = {};

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
  ) =>
    t.citydx.app.inject({
      method,
      url: `/api/v1/sensors${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await buildDevicesTestApp();
    const { citydx } = t;
    const agency = await citydx.platform.agencies.create(
      {
        code: 'TEST-IOC',
        nameVi: 'Trung tâm IOC thử nghiệm',
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
      } as never,
      systemActor,
    );
    agencyId = agency.id;
    admin = (await createUserWithToken(citydx, [{ role: 'system_admin', agencyId: null }])).token;
    officer = (await createUserWithToken(citydx, [{ role: 'officer', agencyId }])).token;
    const other = await citydx.platform.agencies.create(
      { ...(agency as object), code: 'TEST-OTHER', nameVi: 'Đơn vị khác' } as never,
      systemActor,
    );
    officerElsewhere = (await createUserWithToken(citydx, [{ role: 'officer', agencyId: other.id }])).token;
    viewer = (await createUserWithToken(citydx, [{ role: 'viewer', agencyId: null }])).token;
    owner = await createUserWithToken(citydx, []);

    const create = async (key: string, body: object) => {
      const response = await call('POST', '/devices', officer, { agencyId, ...body });
      expect(response.statusCode).toBe(201);
      const created = json<{ device: DeviceJson; token: string }>(response);
      expect(created.token).toMatch(/^dvt_/);
      ids[key] = created.device.id;
    };
    await create('traffic', {
      type: 'traffic_camera',
      name: 'Camera ngã tư Nguyễn Văn Linh – Hàm Nghi',
      location: { latitude: 16.059, longitude: 108.211 },
      streamUrl: 'https://cams.test/traffic/1.m3u8',
      streamAccess: 'public',
    });
    await create('security', {
      type: 'security_camera',
      name: 'Camera an ninh cầu Rồng',
      location: { latitude: 16.061, longitude: 108.227 },
      streamUrl: 'rtsp://cams.test/security/1',
    });
    await create('contributed', {
      type: 'contributed_camera',
      name: 'Camera quán cà phê đường Bạch Đằng',
      location: { latitude: 16.07, longitude: 108.224 },
      streamUrl: 'rtsp://cams.test/contributed/1',
      ownerKind: 'business',
      ownerName: 'Công ty TNHH Ví Dụ',
      ownerUserId: owner.userId,
      consentAt: '2026-11-01T08:00:00Z',
      consentReference: 'BB-2026-001',
    });
    await create('air', {
      type: 'air_station',
      name: 'Trạm quan trắc không khí Hòa Khánh',
      location: { latitude: 16.072, longitude: 108.152 },
      adminUnitCode: '20200',
      heartbeatIntervalSeconds: 60,
    });
  });
  afterAll(() => t.close());

  it('shows anonymous callers public cameras and non-camera devices only', async () => {
    const page = json<Page>(await call('GET', '/devices'));
    expect(page.items.map((d) => d.type).sort()).toEqual(['air_station', 'traffic_camera']);
    expect(page.items.find((d) => d.type === 'traffic_camera')?.streamUrl).toBe(
      'https://cams.test/traffic/1.m3u8',
    );
    expect(page.items.some((d) => 'ownerName' in d)).toBe(false);
    expect((await call('GET', `/devices/${ids.security}`)).statusCode).toBe(404);

    const map = json<{ type: string; features: { properties: { type: string } }[] }>(
      await call('GET', '/devices.geojson'),
    );
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.map((f) => f.properties.type).sort()).toEqual(['air_station', 'traffic_camera']);
  });

  it('hides stream URLs from callers below the access level', async () => {
    const seenBy = async (token: string | undefined, key: string) =>
      json<DeviceJson>(await call('GET', `/devices/${ids[key]}`, token));

    // A viewer reads the registry but watches no operator stream.
    expect(await seenBy(viewer, 'security')).toMatchObject({ streamUrl: null, streamRestricted: true });
    expect((await seenBy(officer, 'security')).streamUrl).toBe('rtsp://cams.test/security/1');
    // Owner-only: the owner's account, and not even a system administrator.
    expect(await seenBy(admin, 'contributed')).toMatchObject({ streamUrl: null, streamRestricted: true });
    expect(await seenBy(owner.token, 'contributed')).toMatchObject({
      streamUrl: 'rtsp://cams.test/contributed/1',
      ownerName: 'Công ty TNHH Ví Dụ',
    });
    // The owner sees their own camera in lists too, and nobody else's private one.
    const ownList = json<Page>(await call('GET', '/devices?type=contributed_camera', owner.token));
    expect(ownList.items.map((d) => d.id)).toEqual([ids.contributed]);
    const staffMap = json<{ features: { properties: { type: string; streamUrl: string | null } }[] }>(
      await call('GET', '/devices.geojson', officer),
    );
    expect(staffMap.features).toHaveLength(4);
    const contributed = staffMap.features.find((f) => f.properties.type === 'contributed_camera');
    expect(contributed?.properties.streamUrl).toBeNull();
  });

  it('filters, searches and pages the list', async () => {
    const cameras = json<Page>(await call('GET', '/devices?q=camera&limit=2', officer));
    expect(cameras.total).toBe(3);
    expect(cameras.items).toHaveLength(2);
    const unit = json<Page>(await call('GET', '/devices?adminUnitCode=20200', officer));
    expect(unit.items.map((d) => d.id)).toEqual([ids.air]);
    const accents = json<Page>(await call('GET', '/devices?q=cau%20rong', officer));
    expect(accents.items.map((d) => d.id)).toEqual([ids.security]);
  });

  it('summarises the fleet by type and by administrative unit', async () => {
    const fleet = json<{
      total: { total: number; unknown: number; onlinePercent: number | null };
      byType: { type: string; total: number }[];
      byAdminUnit: { adminUnitCode: string | null; adminUnitName: string | null; total: number }[];
    }>(await call('GET', '/fleet'));
    expect(fleet.total).toMatchObject({ total: 4, unknown: 4, onlinePercent: null });
    expect(fleet.byType.map((row) => [row.type, row.total])).toEqual([
      ['air_station', 1],
      ['contributed_camera', 1],
      ['security_camera', 1],
      ['traffic_camera', 1],
    ]);
    expect(fleet.byAdminUnit).toContainEqual(
      expect.objectContaining({ adminUnitCode: '20200', adminUnitName: 'Phường Hòa Khánh', total: 1 }),
    );
  });

  it('answers bad input with 4xx and the module error body, never 500', async () => {
    const cases: [number, string, Awaited<ReturnType<typeof call>>][] = [
      [400, 'SENSORS_DEVICE_BBOX_INVALID', await call('GET', '/devices.geojson?bbox=1,2,3')],
      [400, 'PLATFORM_VALIDATION_FAILED', await call('GET', '/devices?type=drone')],
      [400, 'PLATFORM_VALIDATION_FAILED', await call('POST', '/devices', officer, { type: 'air_station' })],
      [
        422,
        'SENSORS_DEVICE_STREAM_NOT_CAMERA',
        await call('POST', '/devices', officer, {
          agencyId,
          type: 'rain_gauge',
          name: 'Trạm đo mưa',
          streamUrl: 'rtsp://x.test/1',
        }),
      ],
      [
        422,
        'SENSORS_DEVICE_CONSENT_REQUIRED',
        await call('POST', '/devices', officer, {
          agencyId,
          type: 'contributed_camera',
          name: 'Camera nhà dân',
        }),
      ],
      [
        404,
        'SENSORS_DEVICE_NOT_FOUND',
        await call('PATCH', `/devices/${crypto.randomUUID()}`, admin, { name: 'x' }),
      ],
      [
        403,
        'SENSORS_DEVICE_OUTSIDE_SCOPE',
        await call('PATCH', `/devices/${ids.air}`, officerElsewhere, { name: 'x' }),
      ],
      [403, 'AUTH_FORBIDDEN', await call('POST', '/devices', viewer, { type: 'air_station', name: 'x' })],
    ];
    for (const [status, code, response] of cases) {
      expect([response.statusCode, json<ErrorBody>(response).error.code]).toEqual([status, code]);
    }
  });

  it('updates, rotates the token and deletes with an audit trail', async () => {
    const patched = await call('PATCH', `/devices/${ids.traffic}`, officer, {
      streamUrl: 'https://cams.test/traffic/1-hd.m3u8',
    });
    expect(patched.statusCode).toBe(200);
    const rotated = json<{ token: string }>(await call('POST', `/devices/${ids.traffic}/token`, officer));
    expect(rotated.token).toMatch(/^dvt_/);
    expect((await call('DELETE', `/devices/${ids.traffic}`, officer)).statusCode).toBe(204);
    expect((await call('GET', `/devices/${ids.traffic}`, officer)).statusCode).toBe(404);

    const audit = await sql<{ action: string; summary: Record<string, unknown> }>`
      select action, summary from platform.audit_log where target_id = ${ids.traffic} order by id`.execute(
      t.citydx.platform.db,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'sensors.device.created',
      'sensors.device.updated',
      'sensors.device.token_rotated',
      'sensors.device.deleted',
    ]);
    // The stream URL may carry credentials: the audit log says it changed, never what it is.
    expect(JSON.stringify(audit.rows[1]?.summary)).not.toContain('cams.test');
  });
});
