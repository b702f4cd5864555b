import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, json, type TestApp } from '../../../../test/app';
import { buildDevicesTestApp } from './devices.test-support';

type Feature = {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: {
    cluster?: true;
    count?: number;
    online?: number;
    offline?: number;
    type?: string;
    name?: string;
    status?: string;
  };
};
type Collection = { type: string; total: number; features: Feature[] };

// Hải Châu: 40 cameras within ~100 m; Sơn Trà peninsula: one camera on its own; Hòa Vang: an air station.
const centre = { lat: 16.0678, lon: 108.2208 };
const loneCamera = { lat: 16.1193, lon: 108.2946 };

describe('device clusters for the IOC map', () => {
  let t: TestApp;
  let staff: string;
  const view = 'bbox=107.8,15.9,108.4,16.2';

  const get = async (query: string, token?: string) =>
    t.citydx.app.inject({
      method: 'GET',
      url: `/api/v1/sensors/devices/clusters.geojson?${query}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const clustersOf = (collection: Collection) => collection.features.filter((f) => f.properties.cluster);
  const singlesOf = (collection: Collection) => collection.features.filter((f) => !f.properties.cluster);

  beforeAll(async () => {
    t = await buildDevicesTestApp();
    staff = (await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }])).token;
    // 40 security cameras (10 with a public stream, 25 online, 5 offline), one lone traffic camera.
    await sql`
      insert into sensors.devices (type, name, latitude, longitude, stream_access, status)
      select 'security_camera', 'Camera an ninh ' || n, ${centre.lat}::float8 + n * 0.00002,
        ${centre.lon}::float8 + n * 0.00002, case when n <= 10 then 'public' else 'operators' end,
        case when n <= 25 then 'online' when n <= 30 then 'offline' else 'unknown' end
      from generate_series(1, 40) n`.execute(t.database.db);
    await sql`
      insert into sensors.devices (type, name, latitude, longitude, stream_access, status) values
        ('traffic_camera', 'Camera giao thông bán đảo', ${loneCamera.lat}, ${loneCamera.lon}, 'public', 'online'),
        ('air_station', 'Trạm không khí Hòa Vang', 16.0, 108.1, 'operators', 'online')`.execute(
      t.database.db,
    );
  });
  afterAll(() => t.close());

  it('groups the cameras in view into cells with their counts, and sends a lone camera whole', async () => {
    const response = await get(`type=camera&zoom=12&${view}`, staff);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    const map = json<Collection>(response);
    expect(map.type).toBe('FeatureCollection');
    expect(map.total).toBe(41);
    const [cluster, ...otherClusters] = clustersOf(map);
    expect(otherClusters).toEqual([]);
    expect(cluster?.properties).toEqual({ cluster: true, count: 40, online: 25, offline: 5 });
    expect(cluster?.id).toMatch(/^cluster:12\/\d+\/\d+$/);
    // At the members' mean position.
    expect(cluster?.geometry.coordinates[0]).toBeCloseTo(centre.lon + 20.5 * 0.00002, 6);
    expect(cluster?.geometry.coordinates[1]).toBeCloseTo(centre.lat + 20.5 * 0.00002, 6);
    const singles = singlesOf(map);
    expect(singles.map((f) => [f.properties.name, f.properties.type, f.properties.status])).toEqual([
      ['Camera giao thông bán đảo', 'traffic_camera', 'online'],
    ]);
    expect(singles[0]?.geometry.coordinates).toEqual([loneCamera.lon, loneCamera.lat]);
  });

  it('shows the public only the cameras whose stream is public', async () => {
    const map = json<Collection>(await get(`type=camera&zoom=12&${view}`));
    expect(clustersOf(map).map((f) => f.properties.count)).toEqual([10]);
    expect(map.total).toBe(11);
    expect(singlesOf(map)).toHaveLength(1);
  });

  it('keeps to the view and the type, and stops clustering at street zoom', async () => {
    const peninsula = json<Collection>(await get('type=camera&zoom=12&bbox=108.25,16.1,108.35,16.15', staff));
    expect(peninsula.features.map((f) => f.properties.name)).toEqual(['Camera giao thông bán đảo']);
    expect(peninsula.total).toBe(41);
    const air = json<Collection>(await get(`type=air_station&zoom=12&${view}`, staff));
    expect(air.features.map((f) => f.properties.name)).toEqual(['Trạm không khí Hòa Vang']);
    const street = json<Collection>(
      await get('type=camera&zoom=18&bbox=108.2205,16.0675,108.2225,16.0695', staff),
    );
    expect(clustersOf(street)).toEqual([]);
    expect(singlesOf(street)).toHaveLength(40);
    // Zoomed out to the whole country, everything near Đà Nẵng falls into one cell.
    const country = json<Collection>(await get('type=camera&zoom=5&bbox=102,8,110,24', staff));
    expect(country.features.map((f) => f.properties.count)).toEqual([41]);
  });

  it('answers bad input with 400 and the module error body', async () => {
    const cases: [string, string][] = [
      ['type=camera&zoom=12&bbox=1,2,3', 'SENSORS_DEVICE_BBOX_INVALID'],
      ['type=camera&zoom=12&bbox=108.4,16,108.2,16.1', 'SENSORS_DEVICE_BBOX_INVALID'],
      [`type=camera&zoom=23&${view}`, 'PLATFORM_VALIDATION_FAILED'],
      [`type=camera&zoom=abc&${view}`, 'PLATFORM_VALIDATION_FAILED'],
      ['type=camera&zoom=12', 'PLATFORM_VALIDATION_FAILED'],
      [`type=drone&zoom=12&${view}`, 'PLATFORM_VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const response = await get(query, staff);
      expect([query, response.statusCode, json<{ error: { code: string } }>(response).error.code]).toEqual([
        query,
        400,
        code,
      ]);
    }
  });
});
