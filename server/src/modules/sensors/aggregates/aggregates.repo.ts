import { sql, type Kysely } from 'kysely';
import { BUCKET_ORIGIN, aggregateIntervals, type AggregateWindow } from './aggregate-window';

/** One bucket: enough to answer every function (avg = sum / count). */
export interface AggregateBucket {
  readonly start: Date;
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

export interface DatastreamSummary {
  readonly id: number;
  readonly name: string;
  readonly unit: unknown;
}

function idList(ids: readonly number[]) {
  return sql.join(ids.map((id) => sql`${id}::bigint`));
}

/** Up to which instant rollups are complete; null when the job has never run. */
export async function rollupWatermark(db: Kysely<unknown>): Promise<Date | null> {
  const { rows } = await sql<{ watermark: Date }>`
    select watermark from sensors.rollup_watermark`.execute(db);
  return rows[0] ? new Date(rows[0].watermark) : null;
}

/**
 * Buckets of the datastreams' numeric observations over the window. Hours before the rollup watermark
 * come from the hourly rollups, except hours marked dirty (changed since they were rolled up), which
 * are read raw like everything after the watermark; so the answer always equals the raw computation.
 * A 15-minute interval cannot use hourly rollups and reads raw only.
 */
export async function aggregateBuckets(
  db: Kysely<unknown>,
  datastreamIds: readonly number[],
  window: AggregateWindow,
  watermark: Date | null,
): Promise<AggregateBucket[]> {
  if (datastreamIds.length === 0) return [];
  const ids = idList(datastreamIds);
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const usable = window.interval !== '15m' && watermark !== null ? watermark : window.from;
  // Rollups cover [from, split); raw partitions cover [split, to) plus dirty hours before split.
  const split = new Date(Math.min(Math.max(usable.getTime(), window.from.getTime()), window.to.getTime()));
  const splitAt = split.toISOString();
  const { rows } = await sql<{ start: Date; count: number; sum: number; min: number; max: number }>`
    with parts as (
      select r.hour as t, r.count, r.sum, r.min, r.max
      from sensors.observation_rollups_hourly r
      where r.datastream_id in (${ids}) and r.hour >= ${from}::timestamptz and r.hour < ${splitAt}::timestamptz
        and not exists (select 1 from sensors.rollup_dirty_hours d
          where d.datastream_id = r.datastream_id and d.hour = r.hour)
      union all
      select o.phenomenon_time, 1, o.result_number, o.result_number, o.result_number
      from sensors.observations o
      where o.datastream_id in (${ids}) and o.phenomenon_time >= ${splitAt}::timestamptz
        and o.phenomenon_time < ${to}::timestamptz and o.result_number is not null
      union all
      select o.phenomenon_time, 1, o.result_number, o.result_number, o.result_number
      from sensors.rollup_dirty_hours d
      join sensors.observations o on o.datastream_id = d.datastream_id
        and o.phenomenon_time >= d.hour and o.phenomenon_time < d.hour + interval '1 hour'
      where d.datastream_id in (${ids}) and d.hour >= ${from}::timestamptz and d.hour < ${splitAt}::timestamptz
        and o.phenomenon_time >= ${from}::timestamptz and o.phenomenon_time < ${splitAt}::timestamptz
        and o.result_number is not null
    )
    select date_bin(${aggregateIntervals[window.interval].sql}::interval, t, ${BUCKET_ORIGIN}::timestamptz) as start,
      sum(count) as count, sum(sum) as sum, min(min) as min, max(max) as max
    from parts group by 1 order by 1`.execute(db);
  return rows.map((row) => ({
    start: new Date(row.start),
    count: Number(row.count),
    sum: Number(row.sum),
    min: Number(row.min),
    max: Number(row.max),
  }));
}

export async function findDatastream(db: Kysely<unknown>, id: number): Promise<DatastreamSummary | null> {
  const { rows } = await sql<{ id: number; name: string; unit: unknown }>`
    select id, name, unit_of_measurement as unit from sensors.datastreams where id = ${id}::bigint`.execute(
    db,
  );
  const row = rows[0];
  return row ? { id: Number(row.id), name: row.name, unit: row.unit } : null;
}

/**
 * The datastreams measuring an ObservedProperty (its name, e.g. pm25, or its id), optionally in one
 * administrative unit: the Thing's `properties.adminUnitCode`, or a registered device of the Thing.
 */
export async function datastreamsOfArea(
  db: Kysely<unknown>,
  observedProperty: string,
  adminUnitCode: string | undefined,
  limit: number,
): Promise<DatastreamSummary[]> {
  const propertyId = /^\d{1,15}$/.test(observedProperty) ? Number(observedProperty) : -1;
  const inUnit =
    adminUnitCode === undefined
      ? sql`true`
      : sql`(t.properties ->> 'adminUnitCode' = ${adminUnitCode}
          or exists (select 1 from sensors.devices v where v.thing_id = t.id and v.admin_unit_code = ${adminUnitCode}))`;
  const { rows } = await sql<{ id: number; name: string; unit: unknown }>`
    select d.id, d.name, d.unit_of_measurement as unit
    from sensors.datastreams d
    join sensors.observed_properties p on p.id = d.observed_property_id
    join sensors.things t on t.id = d.thing_id
    where (p.name = ${observedProperty} or p.id = ${propertyId}::bigint) and ${inUnit}
    order by d.id limit ${limit}`.execute(db);
  return rows.map((row) => ({ id: Number(row.id), name: row.name, unit: row.unit }));
}
