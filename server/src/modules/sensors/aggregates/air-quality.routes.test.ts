import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../../test/app';
import { staClient, type StaClient } from '../testing/sta-client';
import { HOUR_MS, postStation, record, sensorsApi } from './aggregates.test-support';
import { hourOf } from './rollup.repo';
import { RetentionService } from './retention.service';

type Station = {
  thingId: number;
  aqi: number | null;
  dominant: string | null;
  hour: string;
  band: { key: string; hex: string } | null;
  pollutants: Record<string, { index: number; concentration: number }>;
};

describe('VN_AQI per air station and retention', () => {
  let t: TestApp;
  let sta: StaClient;
  let token: string;
  let streams: Record<string, number>;
  const lastHour = new Date(hourOf(new Date()).getTime() - 2 * HOUR_MS);

  beforeAll(async () => {
    t = await buildTestApp();
    token = (await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token;
    sta = staClient(t, token);
    streams = await postStation(sta, 'Liên Chiểu', ['pm25', 'o3', 'no2']);
    // The worked example of QĐ 1459/QĐ-TCMT, 2.3: twelve hourly PM2.5 averages (newest last), and
    // O3 136,1 and NO2 118,7 µg/m³ in the last hour; two readings an hour averaging to each value.
    const pm25 = [26.9, 24.7, 20.5, 23.5, 19.5, 16.5, 19.0, 16.5, 20.3, 22.4, 19.6, 20.6];
    const at = (hoursBefore: number, minute: number) =>
      new Date(lastHour.getTime() - hoursBefore * HOUR_MS + minute * 60_000);
    const rows = pm25.flatMap((value, index) => [
      { datastreamId: streams.pm25 ?? 0, phenomenonTime: at(11 - index, 10), result: value - 1 },
      { datastreamId: streams.pm25 ?? 0, phenomenonTime: at(11 - index, 40), result: value + 1 },
    ]);
    rows.push(
      { datastreamId: streams.o3 ?? 0, phenomenonTime: at(0, 5), result: 136.1 },
      { datastreamId: streams.no2 ?? 0, phenomenonTime: at(0, 5), result: 118.7 },
    );
    await record(t, rows);
  });
  afterAll(() => t.close());

  it('answers the hourly VN_AQI of the worked example for the station', async () => {
    const response = await t.citydx.app.inject({ method: 'GET', url: '/api/v1/sensors/air-quality' });
    expect(response.statusCode, response.body).toBe(200);
    const station = json<Station[]>(response).find((s) => s.pollutants.no2);
    expect(station?.hour).toBe(lastHour.toISOString());
    expect(station?.pollutants.pm25?.concentration).toBeCloseTo(20.3, 1);
    expect(station?.pollutants.o3?.index).toBe(43);
    expect(station?.pollutants.pm25?.index).toBe(41);
    expect(station?.aqi).toBe(59); // NO2 59,35 (the decision's text rounds it to 60)
    expect(station?.dominant).toBe('no2');
    expect(station?.band).toMatchObject({ key: 'moderate', hex: '#ffff00' });
  });

  it('answers GeoJSON points with the band colour for the map', async () => {
    const response = await t.citydx.app.inject({ method: 'GET', url: '/api/v1/sensors/air-quality.geojson' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    const collection = json<{
      type: string;
      features: { geometry: { coordinates: number[] }; properties: { aqi: number; color: string } }[];
    }>(response);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features[0]?.geometry.coordinates).toEqual([108.2, 16.05]);
    expect(collection.features[0]?.properties).toMatchObject({ aqi: 59, color: '#ffff00' });
  });

  it("sets a datastream's retention; anonymous callers are refused", async () => {
    const url = `/api/v1/sensors/datastreams/${streams.pm25}/retention`;
    const put = (payload: unknown, auth = true) =>
      t.citydx.app.inject({
        method: 'PUT',
        url,
        payload: payload as object,
        headers: auth ? { authorization: `Bearer ${token}` } : {},
      });
    expect(json(await t.citydx.app.inject({ method: 'GET', url }))).toMatchObject({
      source: 'default',
      effectiveDays: null,
    });
    expect(json(await put({ days: 30 }))).toMatchObject({
      days: 30,
      source: 'datastream',
      effectiveDays: 30,
    });
    expect((await put({ days: 0 })).statusCode).toBe(400);
    expect((await put({ days: 30 }, false)).statusCode).toBe(401);
    expect(json(await put({ days: 'default' }))).toMatchObject({ source: 'default' });
  });

  it('drops whole old months only when no datastream needs them', async () => {
    const old = new Date(Date.now() - 400 * 24 * HOUR_MS);
    await record(t, [{ datastreamId: streams.pm25 ?? 0, phenomenonTime: old, result: 5 }]);
    await sensorsApi(t).ensurePartitions();
    const month = `observations_${old.toISOString().slice(0, 4)}${old.toISOString().slice(5, 7)}`;
    const exists = async () =>
      (
        await sql<{ name: string | null }>`select to_regclass(${`sensors.${month}`}) as name`.execute(
          t.database.db,
        )
      ).rows[0]?.name ?? null;
    expect(await exists()).not.toBeNull();

    const retention = new RetentionService(t.database.db, 90);
    await retention.set(streams.no2 ?? 0, null); // one datastream keeps everything forever
    expect(await retention.enforce()).toEqual([]);
    await retention.set(streams.no2 ?? 0, 'default');
    expect(await retention.enforce()).toContain(month);
    expect(await exists()).toBeNull();
    // The current month stays.
    const current = await sql<{ n: number }>`
      select count(*) as n from sensors.observations where datastream_id = ${streams.pm25 ?? 0}::bigint`.execute(
      t.database.db,
    );
    expect(Number(current.rows[0]?.n)).toBe(24);
  });
});
