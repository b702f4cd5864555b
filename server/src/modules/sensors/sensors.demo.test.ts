import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app';
import { body } from './testing/sta-client';

type Collection = { value: Record<string, unknown>[]; '@iot.count'?: number };

describe('sensors demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    const sensors = t.citydx.modules.find((module) => module.name === 'sensors');
    await sensors?.loadDemo?.();
    await sensors?.loadDemo?.(); // a second call adds nothing
  });
  afterAll(() => t.close());

  const get = async (url: string) => body<Collection>(await t.citydx.app.inject({ url: `/sta/v1.1/${url}` }));

  it('loads labelled sample stations inside Đà Nẵng with a day of observations', async () => {
    const things = await get('Things?$count=true&$top=1');
    expect(things['@iot.count']).toBe(34);
    const samples = await get(
      "Things?$filter=properties/isSample eq true and contains(description, 'Dữ liệu mẫu')&$count=true&$top=0",
    );
    expect(samples['@iot.count']).toBe(34);
    const outside = await get(
      "Locations?$filter=not st_within(location, geography'POLYGON((108.0 15.9, 108.4 15.9, 108.4 16.2, 108.0 16.2, 108.0 15.9))')",
    );
    expect(outside.value).toEqual([]);
    const pm25 = await get(
      "Datastreams?$filter=ObservedProperty/name eq 'pm25'&$count=true&$top=1&$expand=Observations($count=true;$top=1;$orderby=phenomenonTime desc)",
    );
    expect(pm25['@iot.count']).toBe(8);
    expect(pm25.value[0]?.['Observations@iot.count']).toBe(96);
    const traffic = await get("Observations?$filter=Datastream/ObservedProperty/name eq 'intensity'&$top=1");
    expect(Number.isInteger(traffic.value[0]?.result)).toBe(true);
  });
});
