import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../../test/app';
import type { SensorsApi } from '../sensors.module';
import { body, staClient, stationBody, type StaClient } from '../testing/sta-client';

type Entity = Record<string, unknown>;
type Collection = { value: Entity[]; '@iot.count'?: number; '@iot.nextLink'?: string };

describe('SensorThings 1.1 query options', () => {
  let t: TestApp;
  let sta: StaClient;
  let pm25: number[] = [];

  const names = async (url: string) =>
    body<Collection>(await sta.get(url)).value.map((entity) => entity.name);
  const results = async (url: string) =>
    body<Collection>(await sta.get(url)).value.map((entity) => entity.result);

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    sta = staClient(t, token);
    // Hải Châu and Sơn Trà are 2–3 km apart; Hòa Vang some 15 km west.
    for (const [name, coordinates] of [
      ['Hải Châu', [108.2208, 16.0678]],
      ['Sơn Trà', [108.2435, 16.0714]],
      ['Hòa Vang', [108.08, 16.03]],
    ] as const) {
      const response = await sta.post('Things', stationBody(name, [...coordinates]));
      expect(response.statusCode, response.body).toBe(201);
    }
    const streams = body<Collection>(
      await sta.get("Datastreams?$filter=ObservedProperty/name eq 'pm25'&$orderby=id"),
    ).value;
    pm25 = streams.map((stream) => stream['@iot.id'] as number);
    const api = t.citydx.modules.find((module) => module.name === 'sensors')?.api as SensorsApi;
    // Hải Châu: results 0..9 hourly from 2026-11-20T00:00Z; the others one value each.
    const outcomes = await api.recordObservations(t.database.db, [
      ...Array.from({ length: 10 }, (_, hour) => ({
        datastreamId: pm25[0] ?? 0,
        phenomenonTime: new Date(Date.UTC(2026, 10, 20, hour, 30, 15)),
        result: hour,
      })),
      { datastreamId: pm25[1] ?? 0, phenomenonTime: new Date('2026-11-21T00:00:00Z'), result: 55.5 },
      { datastreamId: pm25[2] ?? 0, phenomenonTime: new Date('2026-11-22T00:00:00Z'), result: 70 },
    ]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
  });
  afterAll(() => t.close());

  it('compares properties, JSON sub-properties and related entities', async () => {
    expect(await names("Things?$filter=name eq 'Sơn Trà'")).toEqual(['Sơn Trà']);
    expect(await names("Things?$filter=name ne 'Sơn Trà'&$orderby=id")).toEqual(['Hải Châu', 'Hòa Vang']);
    expect(
      await names('Things?$filter=properties/floors ge 3 and properties/floors lt 4&$orderby=id desc'),
    ).toEqual(['Hòa Vang', 'Sơn Trà', 'Hải Châu']);
    expect(
      await names("Datastreams?$filter=unitOfMeasurement/symbol eq '°C' and Thing/name eq 'Hòa Vang'"),
    ).toEqual(['Nhiệt độ Hòa Vang']);
    expect(await names('Things?$filter=Datastreams/Observations/result gt 60')).toEqual(['Hòa Vang']);
    expect(await names('Things?$filter=not (Datastreams/Observations/result gt 60)&$orderby=id')).toEqual([
      'Hải Châu',
      'Sơn Trà',
    ]);
    expect(await results(`Observations?$filter=Datastream/id eq ${pm25[1]}`)).toEqual([55.5]);
    expect(
      await results(
        "Observations?$filter=Datastream/Thing/properties/owner eq 'Sở Tài nguyên và Môi trường' and result ge 55&$orderby=result",
      ),
    ).toEqual([55.5, 70]);
  });

  it('computes arithmetic and string functions', async () => {
    const hc = `Datastreams(${pm25[0]})/Observations`;
    expect(await results(`${hc}?$filter=result add 1 gt 8`)).toEqual([8, 9]);
    expect(await results(`${hc}?$filter=result sub 1 lt 1`)).toEqual([0, 1]);
    expect(await results(`${hc}?$filter=result mul 2 eq 18`)).toEqual([9]);
    expect(await results(`${hc}?$filter=result div 2 eq 4`)).toEqual([8]);
    expect(await results(`${hc}?$filter=result mod 4 eq 1&$orderby=result`)).toEqual([1, 5, 9]);
    expect(await results(`${hc}?$filter=result div 0 eq 1`)).toEqual([]);
    expect(await names("Things?$filter=startswith(name, 'Hải')")).toEqual(['Hải Châu']);
    expect(await names("Things?$filter=endswith(name, 'Trà')")).toEqual(['Sơn Trà']);
    expect(await names("Things?$filter=substringof('òa', name)")).toEqual(['Hòa Vang']);
    expect(await names("Things?$filter=contains(name, 'Châu')")).toEqual(['Hải Châu']);
    expect(await names('Things?$filter=length(name) eq 7')).toEqual(['Sơn Trà']);
    expect(await names("Things?$filter=tolower(name) eq 'hòa vang' and toupper(name) eq 'HÒA VANG'")).toEqual(
      ['Hòa Vang'],
    );
    expect(await names("Things?$filter=trim(concat(' ', name)) eq 'Sơn Trà'")).toEqual(['Sơn Trà']);
    expect(await names("Things?$filter=indexof(name, 'Vang') eq 4")).toEqual(['Hòa Vang']);
    expect(
      await names(
        "Things?$filter=substring(name, 4) eq 'Châu' or substring(name, 0, 3) eq 'Sơn'&$orderby=id",
      ),
    ).toEqual(['Hải Châu', 'Sơn Trà']);
  });

  it('filters by time functions, datetimes, intervals and now()', async () => {
    const hc = `Datastreams(${pm25[0]})/Observations`;
    expect(await results(`${hc}?$filter=hour(phenomenonTime) eq 3`)).toEqual([3]);
    expect(
      await results(
        `${hc}?$filter=year(phenomenonTime) eq 2026 and month(phenomenonTime) eq 11 and day(phenomenonTime) eq 20 and minute(phenomenonTime) eq 30 and second(phenomenonTime) eq 15&$top=2`,
      ),
    ).toEqual([0, 1]);
    expect(await results(`${hc}?$filter=date(phenomenonTime) eq 2026-11-20&$count=true&$top=0`)).toEqual([]);
    expect(
      body<Collection>(await sta.get(`${hc}?$filter=date(phenomenonTime) eq 2026-11-20&$count=true&$top=0`))[
        '@iot.count'
      ],
    ).toBe(10);
    expect(await results(`${hc}?$filter=phenomenonTime ge 2026-11-20T08:00:00Z`)).toEqual([8, 9]);
    expect(await results(`${hc}?$filter=phenomenonTime gt '2026-11-20T08:31:00Z'`)).toEqual([9]);
    expect(
      await results(`${hc}?$filter=phenomenonTime eq 2026-11-20T02:00:00Z/2026-11-20T04:00:00Z`),
    ).toEqual([2, 3]);
    expect(
      await results(
        `${hc}?$filter=phenomenonTime lt now() sub duration'P1D' and time(phenomenonTime) eq '01:30:15'`,
      ),
    ).toEqual([1]);
    expect(await results(`${hc}?$filter=phenomenonTime add duration'PT1H' lt 2026-11-20T02:00:00Z`)).toEqual([
      0,
    ]);
  });

  it('filters by distance and by polygon', async () => {
    expect(
      await names(
        "Locations?$filter=geo.distance(location, geography'POINT(108.2208 16.0678)') lt 5000&$orderby=id",
      ),
    ).toEqual(['Vị trí Hải Châu', 'Vị trí Sơn Trà']);
    expect(
      await names("Things?$filter=geo.distance(Locations/location, geography'POINT(108.08 16.03)') lt 100"),
    ).toEqual(['Hòa Vang']);
    const eastOf = "geography'POLYGON((108.2 16.0, 108.3 16.0, 108.3 16.1, 108.2 16.1, 108.2 16.0))'";
    expect(await names(`Locations?$filter=st_within(location, ${eastOf})&$orderby=id`)).toEqual([
      'Vị trí Hải Châu',
      'Vị trí Sơn Trà',
    ]);
    expect(await names(`Locations?$filter=st_disjoint(location, ${eastOf})`)).toEqual(['Vị trí Hòa Vang']);
    expect(
      await results(
        `Observations?$filter=st_within(FeatureOfInterest/feature, ${eastOf})&$orderby=result desc&$top=2`,
      ),
    ).toEqual([55.5, 9]);
    expect((await sta.get(`Locations?$filter=st_touches(location, ${eastOf})`)).statusCode).toBe(501);
  });

  it('refuses filters that do not type-check, with 400 naming the problem', async () => {
    for (const [filter, problem] of [
      ['name gt 5', 'cannot compare a string with a number'],
      ['length(id) eq 1', 'argument 1 of length() must be a string, not a number'],
      ['colour eq 1', "'colour' is not a property of Thing"],
      ['name', "'name' is a string, not a condition"],
      ['name add 1 eq 2', 'cannot compute string add number'],
      ["geo.distance(name, geography'POINT(1 2)') lt 1", 'needs a point'],
      ['Datastreams eq 1', 'names an entity, not a property'],
    ] as const) {
      const response = await sta.get(`Things?$filter=${encodeURIComponent(filter)}`);
      expect(response.statusCode, filter).toBe(400);
      expect(body(response).message).toContain(problem);
    }
  });

  it('orders, pages with a nextLink that walks every row once, and counts', async () => {
    const seen: unknown[] = [];
    let url: string | undefined = 'Observations?$orderby=result desc&$top=4&$count=true';
    let pages = 0;
    while (url) {
      const page: Collection = body<Collection>(await sta.get(url));
      expect(page['@iot.count']).toBe(12);
      seen.push(...page.value.map((o: Entity) => o.result));
      url = page['@iot.nextLink']?.replace('http://localhost:8080/sta/v1.1/', '');
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([70, 55.5, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(await results('Observations?$orderby=result&$skip=10')).toEqual([55.5, 70]);
    const capped = body<Collection>(await sta.get('Observations?$top=20000'));
    expect(capped.value).toHaveLength(12);
  });

  it('selects properties and expands with nested options', async () => {
    const selected =
      body<Collection>(await sta.get("Things?$select=name,id&$filter=name eq 'Sơn Trà'")).value[0] ?? {};
    expect(Object.keys(selected).sort()).toEqual(['@iot.id', 'name']);
    const expanded =
      body<Collection>(
        await sta.get(
          `Things?$filter=name eq 'Hải Châu'&$expand=Datastreams($filter=ObservedProperty/name eq 'pm25';$expand=Observations($orderby=result desc;$top=3;$count=true;$select=result),ObservedProperty($select=name))`,
        ),
      ).value[0] ?? {};
    const [stream] = expanded.Datastreams as Entity[];
    expect((expanded.Datastreams as Entity[]).length).toBe(1);
    expect(stream?.ObservedProperty).toEqual({ name: 'pm25' });
    expect(stream?.['Observations@iot.count']).toBe(10);
    expect(stream?.Observations).toEqual([{ result: 9 }, { result: 8 }, { result: 7 }]);
    const path =
      body<Collection>(await sta.get('Observations?$expand=Datastream/Thing&$top=1&$orderby=result desc'))
        .value[0] ?? {};
    expect(((path.Datastream as Entity).Thing as Entity).name).toBe('Hòa Vang');
  });

  it('reads observations as a data array', async () => {
    const response = body<{ value: { components: string[]; dataArray: unknown[][] }[] }>(
      await sta.get(
        `Datastreams(${pm25[0]})/Observations?$resultFormat=dataArray&$select=result,phenomenonTime&$top=2&$orderby=result`,
      ),
    );
    expect(response.value[0]?.components).toEqual(['result', 'phenomenonTime']);
    expect(response.value[0]?.dataArray).toEqual([
      [0, '2026-11-20T00:30:15.000Z'],
      [1, '2026-11-20T01:30:15.000Z'],
    ]);
  });

  it('stores the good rows of CreateObservations and marks the bad ones "error"', async () => {
    const response = await sta.post('CreateObservations', [
      {
        Datastream: { '@iot.id': pm25[1] },
        components: ['phenomenonTime', 'result'],
        dataArray: [
          ['2026-11-21T01:00:00Z', 20],
          ['2026-11-21T02:00:00Z', 'not a number'],
          ['not a time', 21],
          ['2026-11-21T03:00:00Z', 22],
        ],
      },
      {
        Datastream: { '@iot.id': 99999 },
        components: ['phenomenonTime', 'result'],
        dataArray: [['2026-11-21T01:00:00Z', 1]],
      },
    ]);
    expect(response.statusCode).toBe(201);
    const links = body<string[]>(response);
    expect(links.map((link) => (link === 'error' ? 'error' : 'ok'))).toEqual([
      'ok',
      'error',
      'error',
      'ok',
      'error',
    ]);
    const stored = body(await sta.get(String(links[3]).replace('http://localhost:8080/sta/v1.1/', '')));
    expect(stored.result).toBe(22);
    const malformed = await sta.post('CreateObservations', { dataArray: [] });
    expect(malformed.statusCode).toBe(400);
  });

  it('lands an observation a year ahead, then moves it into its own monthly partition', async () => {
    const api = t.citydx.modules.find((module) => module.name === 'sensors')?.api as SensorsApi;
    const ahead = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    const [outcome] = await api.recordObservations(
      t.database.db,
      [{ datastreamId: pm25[2] ?? 0, phenomenonTime: ahead, result: 1 }],
      {
        maxFutureMs: 400 * 24 * 3600 * 1000,
      },
    );
    if (!outcome?.ok) throw new Error('refused');
    const { partitionOfObservation } = await import('../observation-partitions');
    expect(await partitionOfObservation(t.database.db, outcome.id)).toBe('sensors.observations_default');
    const created = await api.ensurePartitions();
    const month = `observations_${ahead.getUTCFullYear()}${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(created).toContain(month);
    expect(await partitionOfObservation(t.database.db, outcome.id)).toBe(`sensors.${month}`);
    expect(body(await sta.get(`Observations(${outcome.id})`)).result).toBe(1);
    // Retention drops whole months: everything before next month goes, the year-ahead row stays.
    const dropped = await api.dropPartitionsBefore(new Date(Date.UTC(2026, 11, 1)));
    expect(dropped.length).toBeGreaterThan(0);
    expect((await sta.get(`Observations(${outcome.id})`)).statusCode).toBe(200);
  });
});
