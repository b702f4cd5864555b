import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../../test/app';
import { body, MEASUREMENT, staClient, type StaClient } from '../testing/sta-client';
import { COMPLEX_OBSERVATION } from './multi-datastream.input';

type Entity = Record<string, unknown>;
type Collection = { value: Entity[]; '@iot.count'?: number; '@iot.nextLink'?: string };

const BASE = 'http://localhost:8080/sta/v1.1';
const COUNT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation';

/** A weather station measuring temperature and humidity (new) and PM2.5 (an existing ObservedProperty). */
function weatherStation(name: string, pm25Id: number) {
  return {
    name,
    description: 'Trạm khí tượng',
    Locations: [
      {
        name: `Vị trí ${name}`,
        description: 'Đà Nẵng',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates: [108.22, 16.06] },
      },
    ],
    MultiDatastreams: [
      {
        name: `Khí tượng ${name}`,
        description: 'Nhiệt độ, độ ẩm, bụi mịn',
        observationType: COMPLEX_OBSERVATION,
        unitOfMeasurements: [
          { name: 'degree Celsius', symbol: '°C', definition: 'ucum:Cel' },
          { name: 'percent', symbol: '%', definition: 'ucum:%' },
          { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'ucum:ug/m3' },
        ],
        multiObservationDataTypes: [MEASUREMENT, COUNT, MEASUREMENT],
        Sensor: {
          name: 'Trạm Davis',
          description: 'Davis',
          encodingType: 'text/html',
          metadata: 'https://x',
        },
        ObservedProperties: [
          { name: 'temperature', definition: 'https://sdm/temperature', description: 'Nhiệt độ' },
          { name: 'relativeHumidity', definition: 'https://sdm/humidity', description: 'Độ ẩm' },
          { '@iot.id': pm25Id },
        ],
      },
    ],
  };
}

describe('SensorThings 1.1 MultiDatastream extension', () => {
  let t: TestApp;
  let sta: StaClient;
  let pm25: number;
  let thingId: number;
  let multiId: number;

  const post = async (url: string, payload: unknown) => {
    const response = await sta.post(url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return body(response)['@iot.id'] as number;
  };
  const problem = async (response: Promise<{ statusCode: number; body: string }>, status = 400) => {
    const answered = await response;
    expect(answered.statusCode, answered.body).toBe(status);
    const error = JSON.parse(answered.body) as { code: number; type: string; message: string };
    expect(error).toMatchObject({ code: status, type: 'error' });
    return error.message;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    sta = staClient(t, token);
    pm25 = await post('ObservedProperties', {
      name: 'pm25',
      definition: 'https://sdm/pm25',
      description: 'PM2.5',
    });
    thingId = await post('Things', weatherStation('Hải Châu', pm25));
    const multi = body<Collection>(await sta.get(`Things(${thingId})/MultiDatastreams`)).value;
    multiId = multi[0]?.['@iot.id'] as number;
  });
  afterAll(() => t.close());

  it('deep-inserts a Thing with a MultiDatastream whose ObservedProperties keep their order', async () => {
    const multi = body(
      await sta.get(`MultiDatastreams(${multiId})?$expand=Thing($select=name),Sensor,ObservedProperties`),
    );
    expect(multi).toMatchObject({
      '@iot.selfLink': `${BASE}/MultiDatastreams(${multiId})`,
      observationType: COMPLEX_OBSERVATION,
      multiObservationDataTypes: [MEASUREMENT, COUNT, MEASUREMENT],
      'ObservedProperties@iot.navigationLink': `${BASE}/MultiDatastreams(${multiId})/ObservedProperties`,
      'Observations@iot.navigationLink': `${BASE}/MultiDatastreams(${multiId})/Observations`,
      Thing: { name: 'Hải Châu' },
      Sensor: { name: 'Trạm Davis' },
    });
    const order = ['temperature', 'relativeHumidity', 'pm25'];
    expect((multi.ObservedProperties as Entity[]).map((p) => p.name)).toEqual(order);
    const navigated = body<Collection>(await sta.get(`MultiDatastreams(${multiId})/ObservedProperties`));
    expect(navigated.value.map((p) => p.name)).toEqual(order);
    const landing = body<{ value: { name: string }[]; serverSettings: { conformance: string[] } }>(
      await sta.get(''),
    );
    expect(landing.value.map((set) => set.name)).toContain('MultiDatastreams');
    expect(landing.serverSettings.conformance).toContain(
      'http://www.opengis.net/spec/iot_sensing/1.1/req/multi-datastream',
    );
  });

  it('navigates to MultiDatastreams from Things, Sensors and ObservedProperties', async () => {
    const thing = body(await sta.get(`Things(${thingId})?$expand=MultiDatastreams($select=name)`));
    expect(thing['MultiDatastreams@iot.navigationLink']).toBe(`${BASE}/Things(${thingId})/MultiDatastreams`);
    expect(thing.MultiDatastreams).toEqual([{ name: 'Khí tượng Hải Châu' }]);
    const property = body(await sta.get(`ObservedProperties(${pm25})?$expand=MultiDatastreams`));
    expect((property.MultiDatastreams as Entity[]).map((m) => m['@iot.id'])).toEqual([multiId]);
    const sensors = body<Collection>(
      await sta.get(`MultiDatastreams(${multiId})/Sensor/MultiDatastreams/$ref`),
    );
    expect(sensors.value).toEqual([{ '@iot.selfLink': `${BASE}/MultiDatastreams(${multiId})` }]);
    expect((await sta.get(`MultiDatastreams(${multiId})/unitOfMeasurements`)).statusCode).toBe(200);
  });

  it('stores observations whose result has one value per ObservedProperty and keeps the latest', async () => {
    for (const [time, result] of [
      ['2026-11-20T01:00:00Z', [30.5, 80, 12.5]],
      ['2026-11-20T03:00:00Z', [31, 75, 20]],
      ['2026-11-20T02:00:00Z', [29, 78, 15]],
    ] as const)
      await post(`MultiDatastreams(${multiId})/Observations`, { phenomenonTime: time, result });
    const first = body<Collection>(
      await sta.get(`MultiDatastreams(${multiId})/Observations?$orderby=phenomenonTime&$top=1&$count=true`),
    );
    expect(first['@iot.count']).toBe(3);
    expect(first.value[0]).toMatchObject({ result: [30.5, 80, 12.5] });
    expect(first.value[0]?.['MultiDatastream@iot.navigationLink']).toMatch(/\/MultiDatastream$/);
    expect(first.value[0]).not.toHaveProperty('Datastream@iot.navigationLink');
    expect(first['@iot.nextLink']).toContain('$skip=1');
    const observationId = first.value[0]?.['@iot.id'] as number;
    const owner = body(await sta.get(`Observations(${observationId})/MultiDatastream?$select=id`));
    expect(owner).toEqual({ '@iot.id': multiId });
    expect((await sta.get(`Observations(${observationId})/Datastream`)).statusCode).toBe(404);
    const multi = body(await sta.get(`MultiDatastreams(${multiId})`));
    expect(multi.phenomenonTime).toBe('2026-11-20T01:00:00.000Z/2026-11-20T03:00:00.000Z');
    const { rows } = await sql<{
      result_json: unknown;
    }>`select result_json from sensors.multi_datastream_latest
      where multi_datastream_id = ${multiId}::bigint`.execute(t.database.db);
    expect(rows[0]?.result_json).toEqual([31, 75, 20]);
    const feature = body(await sta.get(`Observations(${observationId})/FeatureOfInterest`));
    expect(feature.feature).toEqual({ type: 'Point', coordinates: [108.22, 16.06] });
  });

  it('filters, orders, selects, counts and pages MultiDatastreams and their Observations', async () => {
    const other = await post('Things', weatherStation('Sơn Trà', pm25));
    const names = async (url: string) => {
      const response = await sta.get(url);
      expect(response.statusCode, response.body).toBe(200);
      return body<Collection>(response).value.map((m) => m.name);
    };
    expect(
      await names("MultiDatastreams?$filter=unitOfMeasurements/1/symbol eq '%25'&$orderby=name desc"),
    ).toEqual(['Khí tượng Sơn Trà', 'Khí tượng Hải Châu']);
    expect(await names(`MultiDatastreams?$filter=Thing/id eq ${other}`)).toEqual(['Khí tượng Sơn Trà']);
    expect(
      await names("MultiDatastreams?$filter=ObservedProperties/name eq 'relativeHumidity'&$top=1"),
    ).toHaveLength(1);
    expect(
      await names(`MultiDatastreams?$filter=Observations/phenomenonTime gt 2026-11-20T02:30:00Z`),
    ).toEqual(['Khí tượng Hải Châu']);
    const page = body<Collection>(await sta.get('MultiDatastreams?$top=1&$count=true&$select=name'));
    expect(page).toMatchObject({ '@iot.count': 2, value: [{ name: 'Khí tượng Hải Châu' }] });
    expect(page['@iot.nextLink']).toContain('$skip=1');
    const things = body<Collection>(
      await sta.get(
        `Things?$filter=id eq ${thingId}&$expand=MultiDatastreams($expand=Observations($orderby=phenomenonTime desc;$top=2;$count=true))`,
      ),
    );
    const multi = (things.value[0]?.MultiDatastreams as Entity[])[0] ?? {};
    expect((multi.Observations as Entity[]).map((o) => o.result)).toEqual([
      [31, 75, 20],
      [29, 78, 15],
    ]);
    expect(multi['Observations@iot.count']).toBe(3);
    expect(multi['Observations@iot.nextLink']).toBe(
      `${BASE}/MultiDatastreams(${multiId})/Observations?$orderby=${encodeURIComponent('phenomenonTime desc')}&$count=true&$top=2&$skip=2`,
    );
    const array = body<Collection>(
      await sta.get(
        `MultiDatastreams(${multiId})/Observations?$resultFormat=dataArray&$orderby=phenomenonTime`,
      ),
    );
    expect(array.value[0]).toMatchObject({
      'MultiDatastream@iot.navigationLink': `${BASE}/MultiDatastreams(${multiId})`,
      'dataArray@iot.count': 3,
    });
  });

  it('refuses what breaks the extension with 400 in the STA error body', async () => {
    type MultiBody = ReturnType<typeof weatherStation>['MultiDatastreams'][number];
    const base = weatherStation('x', pm25).MultiDatastreams[0] as MultiBody;
    const create = (changes: Entity) =>
      sta.post(`Things(${thingId})/MultiDatastreams`, { ...base, name: 'lỗi', ...changes });
    expect(await problem(create({ unitOfMeasurements: base.unitOfMeasurements?.slice(0, 2) }))).toMatch(
      /as many unitOfMeasurements \(2\) and multiObservationDataTypes \(3\) as ObservedProperties \(3\)/,
    );
    expect(await problem(create({ multiObservationDataTypes: [MEASUREMENT, 'x', MEASUREMENT] }))).toMatch(
      /"x" is not an OGC O&M 2.0 observation type/,
    );
    expect(await problem(create({ observationType: MEASUREMENT }))).toMatch(/OM_ComplexObservation/);
    expect(await problem(create({ unitOfMeasurements: { name: 'x' } }))).toMatch(/must be a non-empty array/);
    const duplicate = [{ '@iot.id': pm25 }, { '@iot.id': pm25 }, { '@iot.id': pm25 }];
    expect(await problem(create({ ObservedProperties: duplicate }))).toMatch(/each ObservedProperty once/);
    const observations = `MultiDatastreams(${multiId})/Observations`;
    expect(await problem(sta.post(observations, { result: [1, 2] }))).toMatch(
      /the result has 2 values but the MultiDatastream has 3 ObservedProperties/,
    );
    expect(await problem(sta.post(observations, { result: 5 }))).toMatch(/must be an array of 3 values/);
    expect(await problem(sta.post(observations, { result: [1, 2.5, 3] }))).toMatch(
      /result\[1\]: an OM_CountObservation result must be an integer/,
    );
    const both = { result: [1, 2, 3], Datastream: { '@iot.id': 1 }, MultiDatastream: { '@iot.id': multiId } };
    expect(await problem(sta.post('Observations', both))).toMatch(
      /a Datastream or to a MultiDatastream, not both/,
    );
    expect(await problem(sta.post(`MultiDatastreams(${multiId})/ObservedProperties`, { name: 'a' }))).toMatch(
      /fixed when it is created/,
    );
    expect(await problem(sta.get('MultiDatastreams?$expand=Datastreams'))).toMatch(/not a relation/);
    expect(await problem(sta.get('MultiDatastreams(424242)'), 404)).toMatch(/MultiDatastreams\(424242\)/);
  });

  it('creates observations of MultiDatastreams and Datastreams in one CreateObservations', async () => {
    const datastream = await post(`Things(${thingId})/Datastreams`, {
      name: 'Mưa',
      description: 'Lượng mưa',
      observationType: MEASUREMENT,
      unitOfMeasurement: { name: 'millimetre', symbol: 'mm', definition: 'ucum:mm' },
      Sensor: { '@iot.id': body(await sta.get(`MultiDatastreams(${multiId})/Sensor`))['@iot.id'] },
      ObservedProperty: {
        name: 'precipitation',
        definition: 'https://sdm/precipitation',
        description: 'Mưa',
      },
    });
    const answer = await sta.post('CreateObservations', [
      {
        MultiDatastream: { '@iot.id': multiId },
        components: ['phenomenonTime', 'result'],
        dataArray: [
          ['2026-11-20T04:00:00Z', [28, 70, 9]],
          ['2026-11-20T05:00:00Z', [28, 70]],
        ],
      },
      {
        Datastream: { '@iot.id': datastream },
        components: ['phenomenonTime', 'result'],
        dataArray: [['2026-11-20T04:00:00Z', 3]],
      },
    ]);
    expect(answer.statusCode, answer.body).toBe(201);
    const links = body<string[]>(answer);
    expect(links[0]).toMatch(/\/Observations\(\d+\)$/);
    expect(links[1]).toBe('error');
    expect(links[2]).toMatch(/\/Observations\(\d+\)$/);
    const created = body(
      await sta.get(`${links[0]?.slice(BASE.length + 1)}?$expand=MultiDatastream($select=id)`),
    );
    expect(created).toMatchObject({ result: [28, 70, 9], MultiDatastream: { '@iot.id': multiId } });
    expect(
      await problem(sta.post('CreateObservations', [{ MultiDatastream: 5, components: [], dataArray: [] }])),
    ).toMatch(/MultiDatastream must be \{"@iot.id"/);
  });

  it('patches a MultiDatastream and its observations, keeping the number of positions', async () => {
    const patched = await sta.patch(`MultiDatastreams(${multiId})`, {
      description: 'Đã đổi',
      unitOfMeasurements: [
        { name: 'kelvin', symbol: 'K' },
        { name: 'percent', symbol: '%' },
        { name: 'µg/m³' },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(body(patched)).toMatchObject({
      description: 'Đã đổi',
      unitOfMeasurements: [{ symbol: 'K' }, {}, {}],
    });
    expect(
      await problem(sta.patch(`MultiDatastreams(${multiId})`, { multiObservationDataTypes: [MEASUREMENT] })),
    ).toMatch(/keeps the 3 ObservedProperties/);
    expect(
      await problem(sta.patch(`MultiDatastreams(${multiId})`, { observationType: MEASUREMENT })),
    ).toMatch(/OM_ComplexObservation/);
    const latest = body<Collection>(
      await sta.get(`MultiDatastreams(${multiId})/Observations?$orderby=phenomenonTime desc&$top=1`),
    ).value[0];
    const url = `Observations(${latest?.['@iot.id'] as number})`;
    expect(await problem(sta.patch(url, { result: [1] }))).toMatch(
      /has 1 values but the MultiDatastream has 3/,
    );
    expect(await problem(sta.patch(url, { Datastream: { '@iot.id': 1 } }))).toMatch(/cannot move/);
    expect((await sta.patch(url, { result: [27, 60, 8] })).statusCode).toBe(200);
    const { rows } = await sql<{
      result_json: unknown;
    }>`select result_json from sensors.multi_datastream_latest
      where multi_datastream_id = ${multiId}::bigint`.execute(t.database.db);
    expect(rows[0]?.result_json).toEqual([27, 60, 8]);
    expect((await sta.delete(url)).statusCode).toBe(200);
    const after = await sql<{
      observation_id: number;
    }>`select observation_id from sensors.multi_datastream_latest
      where multi_datastream_id = ${multiId}::bigint`.execute(t.database.db);
    expect(after.rows[0]?.observation_id).not.toBe(latest?.['@iot.id']);
  });

  it('deletes a MultiDatastream with its observations, and with its Thing or any of its ObservedProperties', async () => {
    const count = async (id: number) =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from sensors.observations
            where multi_datastream_id = ${id}::bigint`.execute(t.database.db)
        ).rows[0]?.n,
      );
    expect(await count(multiId)).toBeGreaterThan(0);
    expect((await sta.delete(`MultiDatastreams(${multiId})`)).statusCode).toBe(200);
    expect(await count(multiId)).toBe(0);
    expect((await sta.get(`MultiDatastreams(${multiId})`)).statusCode).toBe(404);

    const byProperty = await post('Things', weatherStation('Ngũ Hành Sơn', pm25));
    const [viaProperty] = body<Collection>(await sta.get(`Things(${byProperty})/MultiDatastreams`)).value;
    const humidity = body<Collection>(
      await sta.get(
        `MultiDatastreams(${viaProperty?.['@iot.id'] as number})/ObservedProperties?$skip=1&$top=1`,
      ),
    ).value[0];
    expect(humidity?.name).toBe('relativeHumidity');
    expect((await sta.delete(`ObservedProperties(${humidity?.['@iot.id'] as number})`)).statusCode).toBe(200);
    expect((await sta.get(`MultiDatastreams(${viaProperty?.['@iot.id'] as number})`)).statusCode).toBe(404);

    const byThing = await post('Things', weatherStation('Liên Chiểu', pm25));
    const [viaThing] = body<Collection>(await sta.get(`Things(${byThing})/MultiDatastreams`)).value;
    await post(`MultiDatastreams(${viaThing?.['@iot.id'] as number})/Observations`, { result: [1, 2, 3] });
    expect((await sta.delete(`Things(${byThing})`)).statusCode).toBe(200);
    expect(await count(viaThing?.['@iot.id'] as number)).toBe(0);
  });

  it('creates a MultiDatastream under a Sensor and under an ObservedProperty, which takes the first position', async () => {
    const sensor = await post('Sensors', {
      name: 'Cảm biến kép',
      description: 'Hai đại lượng',
      encodingType: 'text/html',
      metadata: 'https://x',
      MultiDatastreams: [
        {
          name: 'Kép',
          description: 'Nhiệt độ và bụi',
          unitOfMeasurements: [{ name: 'degree Celsius' }, { name: 'µg/m³' }],
          multiObservationDataTypes: [MEASUREMENT, MEASUREMENT],
          Thing: { '@iot.id': thingId },
          ObservedProperties: [
            { name: 'temperature2', definition: 'https://t', description: 't' },
            { '@iot.id': pm25 },
          ],
          Observations: [{ phenomenonTime: '2026-11-20T06:00:00Z', result: [26.5, 11] }],
        },
      ],
    });
    const [deep] = body<Collection>(
      await sta.get(`Sensors(${sensor})/MultiDatastreams?$expand=Observations($select=id,result)`),
    ).value;
    const [observation] = deep?.Observations as Entity[];
    expect(observation?.result).toEqual([26.5, 11]);
    const underProperty = await post(`ObservedProperties(${pm25})/MultiDatastreams`, {
      name: 'Một đại lượng',
      description: 'Bụi',
      unitOfMeasurements: [{ name: 'µg/m³' }],
      multiObservationDataTypes: [MEASUREMENT],
      Thing: { '@iot.id': thingId },
      Sensor: { '@iot.id': sensor },
    });
    const properties = body<Collection>(
      await sta.get(`MultiDatastreams(${underProperty})/ObservedProperties`),
    );
    expect(properties.value.map((p) => p['@iot.id'])).toEqual([pm25]);
    const move = { MultiDatastream: { '@iot.id': underProperty } };
    expect(await problem(sta.patch(`Observations(${observation?.['@iot.id'] as number})`, move))).toMatch(
      /has 2 values but the MultiDatastream has 1/,
    );
    const moved = await sta.patch(`Observations(${observation?.['@iot.id'] as number})`, {
      ...move,
      result: [9],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const latest = body<Collection>(await sta.get(`MultiDatastreams(${underProperty})/Observations`)).value;
    expect(latest.map((o) => o.result)).toEqual([[9]]);
  });
});
