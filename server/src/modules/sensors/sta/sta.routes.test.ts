import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../../test/app';
import { body, staClient, stationBody, type StaClient } from '../testing/sta-client';

type Collection = { value: Record<string, unknown>[]; '@iot.count'?: number; '@iot.nextLink'?: string };

describe('SensorThings 1.1: create, navigate and read', () => {
  let t: TestApp;
  let sta: StaClient;
  let thingId: number;
  let datastreamId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    sta = staClient(t, token);
    const created = await sta.post('Things', stationBody('Hải Châu', [108.22, 16.06]));
    expect(created.statusCode, created.body).toBe(201);
    thingId = body<{ '@iot.id': number }>(created)['@iot.id'];
    const streams = body<Collection>(await sta.get(`Things(${thingId})/Datastreams?$orderby=name`)).value;
    datastreamId = streams.find((d) => String(d.name).startsWith('PM2.5'))?.['@iot.id'] as number;
  });
  afterAll(() => t.close());

  it('answers the landing page with entity sets and conformance', async () => {
    const landing = body<{ value: { name: string }[]; serverSettings: { conformance: string[] } }>(
      await sta.get(''),
    );
    expect(landing.value.map((set) => set.name)).toContain('Datastreams');
    expect(landing.serverSettings.conformance.length).toBeGreaterThan(0);
  });

  it('deep-inserts a Thing with its Location, HistoricalLocation, Datastreams, Sensors and ObservedProperties', async () => {
    const thing = body(
      await sta.get(
        `Things(${thingId})?$expand=Locations,HistoricalLocations,Datastreams($orderby=name;$expand=Sensor,ObservedProperty)`,
      ),
    );
    expect(thing['@iot.selfLink']).toBe(`http://localhost:8080/sta/v1.1/Things(${thingId})`);
    expect(thing['Datastreams@iot.navigationLink']).toBe(
      `http://localhost:8080/sta/v1.1/Things(${thingId})/Datastreams`,
    );
    expect((thing.Locations as unknown[]).length).toBe(1);
    expect((thing.HistoricalLocations as unknown[]).length).toBe(1);
    const streams = thing.Datastreams as Record<string, Record<string, unknown>>[];
    expect(streams.map((d) => d.ObservedProperty?.name)).toEqual(['temperature', 'pm25']);
    expect(streams[1]?.Sensor?.name).toBe('Máy đo bụi');
  });

  it('posts observations to a navigation path and keeps the latest and the time ranges', async () => {
    for (const [time, result] of [
      ['2026-11-20T01:00:00Z', 30.5],
      ['2026-11-20T03:00:00Z', 12],
      ['2026-11-20T02:00:00Z', 18],
    ] as const) {
      const response = await sta.post(`Datastreams(${datastreamId})/Observations`, {
        phenomenonTime: time,
        result,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers.location).toMatch(/\/Observations\(\d+\)$/);
    }
    const datastream = body(await sta.get(`Datastreams(${datastreamId})`));
    expect(datastream.phenomenonTime).toBe('2026-11-20T01:00:00.000Z/2026-11-20T03:00:00.000Z');
    const latest = await t.database.db
      .selectFrom('sensors.datastream_latest' as never)
      .selectAll()
      .execute();
    expect(latest).toEqual([expect.objectContaining({ result_number: 12 })]);
    const observations = body<Collection>(
      await sta.get(
        `Datastreams(${datastreamId})/Observations?$orderby=phenomenonTime desc&$expand=FeatureOfInterest`,
      ),
    );
    expect(observations.value.map((o) => o.result)).toEqual([12, 18, 30.5]);
    // The FeatureOfInterest was generated once from the Thing's Location.
    const features = new Set(
      observations.value.map((o) => (o.FeatureOfInterest as { '@iot.id': number })['@iot.id']),
    );
    expect(features.size).toBe(1);
  });

  it('reads a property, its raw $value, and $ref links', async () => {
    expect(body(await sta.get(`Things(${thingId})/name`))).toEqual({ name: 'Hải Châu' });
    const raw = await sta.get(`Things(${thingId})/name/$value`);
    expect(raw.headers['content-type']).toMatch(/text\/plain/);
    expect(raw.body).toBe('Hải Châu');
    const refs = body<Collection>(await sta.get(`Things(${thingId})/Datastreams/$ref`));
    expect(refs.value).toHaveLength(2);
    expect(Object.keys(refs.value[0] ?? {})).toEqual(['@iot.selfLink']);
    const one = body(await sta.get(`Datastreams(${datastreamId})/Thing/$ref`));
    expect(one).toEqual({ '@iot.selfLink': `http://localhost:8080/sta/v1.1/Things(${thingId})` });
    expect((await sta.get(`Datastreams(${datastreamId})/observedArea`)).statusCode).toBe(204);
  });

  it('answers 404, 400 and 501 in the STA error body', async () => {
    const missing = await sta.get('Things(999999)');
    expect(missing.statusCode).toBe(404);
    expect(body(missing)).toMatchObject({ code: 404, type: 'error', errorCode: 'SENSORS_ENTITY_NOT_FOUND' });
    expect((await sta.get('Things(999999)/Datastreams')).statusCode).toBe(404);
    expect((await sta.get('Gadgets')).statusCode).toBe(404);
    expect((await sta.get('MultiDatastreams(999999)')).statusCode).toBe(404);
    expect((await sta.get('Things?$levels=2')).statusCode).toBe(501);
    const bad = await sta.get("Things?$filter=name eq 'x' and");
    expect(bad.statusCode).toBe(400);
    expect(body(bad).message).toMatch(/expected a value, a property or a function but the expression ended/);
    expect((await sta.get('Things?$top=-1')).statusCode).toBe(400);
    expect((await sta.get('Things?$count=yes')).statusCode).toBe(400);
    expect((await sta.get('Things?$select=colour')).statusCode).toBe(400);
    expect((await sta.get('Things?$expand=Sensors')).statusCode).toBe(400);
    expect((await sta.put(`Things(${thingId})`, {})).statusCode).toBe(501);
  });

  it('refuses invalid observations with 400 naming the problem', async () => {
    const wrongType = await sta.post('Observations', {
      result: 'high',
      Datastream: { '@iot.id': datastreamId },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(body(wrongType).message).toMatch(/OM_Measurement result must be a number/);
    const unknown = await sta.post('Observations', { result: 1, Datastream: { '@iot.id': 987654 } });
    expect(unknown.statusCode).toBe(400);
    const future = await sta.post(`Datastreams(${datastreamId})/Observations`, {
      result: 1,
      phenomenonTime: '2099-01-01T00:00:00Z',
    });
    expect(body(future).message).toMatch(/too far in the future/);
    const missing = await sta.post(`Datastreams(${datastreamId})/Observations`, {
      phenomenonTime: '2026-11-20T00:00:00Z',
    });
    expect(body(missing).message).toMatch(/result is missing/);
    const extra = await sta.post('Things', { name: 'x', description: 'y', colour: 'red' });
    expect(body(extra).message).toMatch(/no property 'colour'/);
  });

  it('patches and deletes in one transaction each, with cascades', async () => {
    const patched = await sta.patch(`Things(${thingId})`, {
      description: 'Đã đổi',
      properties: { owner: 'UBND' },
    });
    expect(patched.statusCode).toBe(200);
    expect(body(patched)).toMatchObject({ description: 'Đã đổi', properties: { owner: 'UBND' } });
    const other = body<{ '@iot.id': number }>(await sta.post('Things', stationBody('Tạm', [108.2, 16.0])))[
      '@iot.id'
    ];
    expect((await sta.delete(`Things(${other})`)).statusCode).toBe(200);
    expect((await sta.get(`Things(${other})`)).statusCode).toBe(404);
    expect(body<Collection>(await sta.get(`Datastreams?$filter=Thing/id eq ${other}`)).value).toEqual([]);
    expect((await sta.delete(`Things(${other})`)).statusCode).toBe(404);
  });

  it('requires a token with a writing role', async () => {
    const anonymous = await t.citydx.app.inject({ method: 'POST', url: '/sta/v1.1/Things', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect(body(anonymous)).toMatchObject({ code: 401, type: 'error' });
    const viewer = await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }]);
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      const response = await t.citydx.app.inject({
        method,
        url: method === 'POST' ? '/sta/v1.1/CreateObservations' : `/sta/v1.1/Things(${thingId})`,
        headers: { authorization: `Bearer ${viewer.token}` },
        payload: {},
      });
      expect(response.statusCode).toBe(403);
    }
  });
});
