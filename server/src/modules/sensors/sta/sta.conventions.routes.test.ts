import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../../test/app';
import { body, MEASUREMENT, staClient, type StaClient } from '../testing/sta-client';

type Entity = Record<string, unknown>;
type Collection = { value: Entity[]; '@iot.count'?: number; '@iot.nextLink'?: string };

const BASE = 'http://localhost:8080/sta/v1.1';

function location(name: string, coordinates: [number, number]) {
  return {
    name,
    description: 'Đà Nẵng',
    encodingType: 'application/geo+json',
    location: { type: 'Point', coordinates },
  };
}

describe('SensorThings 1.1: form-encoded queries, nextLinks in expansions, HistoricalLocations', () => {
  let t: TestApp;
  let sta: StaClient;
  let datastreamId: number;

  const post = async (url: string, payload: unknown) => {
    const response = await sta.post(url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return body(response)['@iot.id'] as number;
  };
  const values = async (url: string) => {
    const response = await sta.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return body<Collection>(response).value;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    sta = staClient(t, token);
    const thing = await post('Things', {
      name: 'Plus Station',
      description: 'form encoding',
      Locations: [location('Plus place', [108.2, 16.0])],
    });
    datastreamId = await post(`Things(${thing})/Datastreams`, {
      name: 'Rain',
      description: 'rain',
      observationType: MEASUREMENT,
      unitOfMeasurement: { name: 'millimetre', symbol: 'mm' },
      Sensor: { name: 'Gauge', description: 'gauge', encodingType: 'text/html', metadata: 'https://x' },
      ObservedProperty: { name: 'precipitation', definition: 'https://p', description: 'rain' },
    });
    for (const [hour, result] of [
      [1, 1.5],
      [2, 2.5],
      [3, 3.5],
    ] as const)
      await post(`Datastreams(${datastreamId})/Observations`, {
        phenomenonTime: `2026-11-20T0${hour}:00:00Z`,
        result,
      });
  });
  afterAll(() => t.close());

  it("reads '+' in query options as a space, except between a time and its offset", async () => {
    expect((await values("Things?$filter=name+eq+'Plus+Station'")).map((thing) => thing.name)).toEqual([
      'Plus Station',
    ]);
    const byResult = `Datastreams(${datastreamId})/Observations?$orderby=result+desc&$select=result`;
    expect(await values(byResult)).toEqual([{ result: 3.5 }, { result: 2.5 }, { result: 1.5 }]);
    // 09:00+07:00 is 02:00Z: a bare offset keeps its '+', an encoded one (%2B) too.
    for (const offset of ['+', '%2B']) {
      const url = `Datastreams(${datastreamId})/Observations?$filter=phenomenonTime+ge+2026-11-20T09:00:00${offset}07:00&$select=result`;
      expect(await values(url)).toEqual([{ result: 2.5 }, { result: 3.5 }]);
    }
    expect(await values("Things?$filter=name+eq+'Plus%2BStation'")).toEqual([]);
  });

  it('gives an expanded collection its own nextLink when more related entities exist', async () => {
    const stream = body(
      await sta.get(`Datastreams(${datastreamId})?$expand=Observations($orderby=phenomenonTime;$top=2)`),
    );
    expect((stream.Observations as Entity[]).map((o) => o.result)).toEqual([1.5, 2.5]);
    const nextLink = stream['Observations@iot.nextLink'] as string;
    expect(nextLink).toBe(
      `${BASE}/Datastreams(${datastreamId})/Observations?$orderby=phenomenonTime&$top=2&$skip=2`,
    );
    const next = body<Collection>(await sta.get(nextLink.slice(BASE.length + 1)));
    expect(next.value.map((o) => o.result)).toEqual([3.5]);
    expect(next['@iot.nextLink']).toBeUndefined();
    const complete = body(await sta.get(`Datastreams(${datastreamId})?$expand=Observations($top=3)`));
    expect(complete).not.toHaveProperty('Observations@iot.nextLink');
    const nested = body<Collection>(
      await sta.get(
        `Things?$filter=name eq 'Plus Station'&$expand=Datastreams($expand=Observations($top=1))`,
      ),
    );
    const datastream = (nested.value[0]?.Datastreams as Entity[])[0];
    expect(datastream?.['Observations@iot.nextLink']).toBe(
      `${BASE}/Datastreams(${datastreamId})/Observations?$top=1&$skip=1`,
    );
  });

  it('records a HistoricalLocation with the current Locations whenever a Thing gains a Location', async () => {
    const history = async (thing: number) =>
      (
        await values(
          `Things(${thing})/HistoricalLocations?$orderby=id&$expand=Locations($select=name;$orderby=id)`,
        )
      ).map((entry) => (entry.Locations as Entity[]).map((l) => l.name));
    const thing = await post('Things', { name: 'Mover', description: 'moves' });
    expect(await history(thing)).toEqual([]);

    await post(`Things(${thing})/Locations`, location('A', [108.1, 16.1]));
    expect(await history(thing)).toEqual([['A']]);

    const b = await post('Locations', location('B', [108.3, 16.2]));
    expect((await sta.patch(`Things(${thing})`, { Locations: [{ '@iot.id': b }] })).statusCode).toBe(200);
    expect(await history(thing)).toEqual([['A'], ['B']]);
    // The same Locations again: nothing changed, nothing recorded.
    expect((await sta.patch(`Things(${thing})`, { Locations: [{ '@iot.id': b }] })).statusCode).toBe(200);
    expect(await history(thing)).toHaveLength(2);

    await post('Locations', { ...location('C', [108.4, 16.3]), Things: [{ '@iot.id': thing }] });
    expect(await history(thing)).toEqual([['A'], ['B'], ['B', 'C']]);

    const second = await post(`Locations(${b})/Things`, { name: 'Follower', description: 'at B' });
    expect(await history(second)).toEqual([['B']]);
    const deep = await post('Things', {
      name: 'Deep',
      description: 'two encodings of one place',
      Locations: [location('D1', [108.5, 16.4]), location('D2', [108.5, 16.4])],
    });
    expect(await history(deep)).toEqual([['D1', 'D2']]);
  });
});
