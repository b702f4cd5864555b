import { sql, type Kysely } from 'kysely';
import type { TestApp } from '../../../../test/app';
import type { ObservationInput, SensorsApi } from '../index';
import { body, MEASUREMENT, type StaClient } from '../testing/sta-client';

export const HOUR_MS = 3600_000;

export function sensorsApi(t: TestApp): SensorsApi {
  const module = t.citydx.modules.find((candidate) => candidate.name === 'sensors');
  if (!module) throw new Error('no sensors module');
  return module.api as SensorsApi;
}

export async function record(t: TestApp, rows: ObservationInput[]): Promise<number[]> {
  const outcomes = await sensorsApi(t).recordObservations(t.database.db, rows);
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw new Error(outcome.problem);
    return outcome.id;
  });
}

/** A station posted in one deep insert, one µg/m³ datastream per ObservedProperty name. */
export async function postStation(
  sta: StaClient,
  name: string,
  quantities: readonly string[],
  properties: Record<string, unknown> = {},
): Promise<Record<string, number>> {
  const created = await sta.post('Things', {
    name,
    description: `Trạm thử ${name}`,
    properties,
    Locations: [
      {
        name: `Vị trí ${name}`,
        description: 'Đà Nẵng',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates: [108.2, 16.05] },
      },
    ],
    Datastreams: quantities.map((quantity) => ({
      name: `${quantity} ${name}`,
      description: quantity,
      observationType: MEASUREMENT,
      unitOfMeasurement: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'ucum:ug/m3' },
      Sensor: {
        name: 'Máy đo',
        description: 'Máy đo',
        encodingType: 'text/html',
        metadata: 'https://example.org',
      },
      ObservedProperty: {
        name: quantity,
        definition: `https://smartdatamodels.org/${quantity}`,
        description: quantity,
      },
    })),
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const thingId = body<{ '@iot.id': number }>(created)['@iot.id'];
  const streams = body<{ value: { '@iot.id': number; name: string }[] }>(
    await sta.get(`Things(${thingId})/Datastreams`),
  ).value;
  return Object.fromEntries(
    quantities.map((quantity) => [
      quantity,
      streams.find((s) => s.name === `${quantity} ${name}`)?.['@iot.id'] ?? 0,
    ]),
  );
}

/** The same buckets computed straight from the raw observations (what the endpoint must equal). */
export async function rawBuckets(
  db: Kysely<unknown>,
  datastreamIds: readonly number[],
  interval: string,
  from: string,
  to: string,
): Promise<{ start: string; avg: number; min: number; max: number; count: number; sum: number }[]> {
  const { rows } = await sql<{
    start: Date;
    avg: number;
    min: number;
    max: number;
    count: number;
    sum: number;
  }>`
    select date_bin(${interval}::interval, phenomenon_time, timestamptz '2000-01-01T00:00:00+07:00') as start,
      avg(result_number) as avg, min(result_number) as min, max(result_number) as max,
      count(*) as count, sum(result_number) as sum
    from sensors.observations
    where datastream_id in (${sql.join(datastreamIds.map((id) => sql`${id}::bigint`))})
      and phenomenon_time >= ${from}::timestamptz and phenomenon_time < ${to}::timestamptz
      and result_number is not null
    group by 1 order by 1`.execute(db);
  return rows.map((row) => ({ ...row, start: new Date(row.start).toISOString(), count: Number(row.count) }));
}
