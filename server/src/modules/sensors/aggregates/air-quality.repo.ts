import { sql, type Kysely } from 'kysely';
import { vnAqiPollutants, type VnAqiPollutant } from './vn-aqi';

/** One pollutant datastream of an air station, with the time of its newest observation. */
export interface PollutantStream {
  readonly thingId: number;
  readonly thingName: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly datastreamId: number;
  readonly pollutant: VnAqiPollutant;
  readonly unit: { readonly symbol?: unknown; readonly definition?: unknown } | null;
  readonly latestAt: Date | null;
}

/**
 * Every datastream whose ObservedProperty is one of the six VN_AQI pollutants (by its Smart Data
 * Models name: pm25, pm10, o3, co, no2, so2), with its Thing and the Thing's newest Location.
 */
export async function pollutantStreams(db: Kysely<unknown>): Promise<PollutantStream[]> {
  const names = sql.join(vnAqiPollutants.map((name) => sql`${name}`));
  const { rows } = await sql<{
    thing_id: number;
    thing_name: string;
    latitude: number | null;
    longitude: number | null;
    datastream_id: number;
    pollutant: string;
    unit: PollutantStream['unit'];
    latest_at: Date | null;
  }>`
    select t.id as thing_id, t.name as thing_name, place.latitude, place.longitude,
      d.id as datastream_id, lower(p.name) as pollutant, d.unit_of_measurement as unit,
      latest.phenomenon_time as latest_at
    from sensors.datastreams d
    join sensors.observed_properties p on p.id = d.observed_property_id
    join sensors.things t on t.id = d.thing_id
    left join sensors.datastream_latest latest on latest.datastream_id = d.id
    left join lateral (
      select l.latitude, l.longitude from sensors.thing_locations tl
      join sensors.locations l on l.id = tl.location_id
      where tl.thing_id = t.id order by tl.location_id desc limit 1
    ) place on true
    where lower(p.name) in (${names})
    order by t.id, d.id`.execute(db);
  return rows.map((row) => ({
    thingId: Number(row.thing_id),
    thingName: row.thing_name,
    latitude: row.latitude,
    longitude: row.longitude,
    datastreamId: Number(row.datastream_id),
    pollutant: row.pollutant as VnAqiPollutant,
    unit: row.unit,
    latestAt: row.latest_at ? new Date(row.latest_at) : null,
  }));
}
