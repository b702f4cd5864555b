import { sql, type Kysely } from 'kysely';

const HOUR_MS = 3600_000;

/** The hour holding `time` (UTC hours; Đà Nẵng's offset is whole hours). */
export function hourOf(time: Date): Date {
  return new Date(Math.floor(time.getTime() / HOUR_MS) * HOUR_MS);
}

/** Where rolling up starts the first time: the hour of the oldest observation any datastream has. */
async function firstHour(trx: Kysely<unknown>): Promise<Date | null> {
  const { rows } = await sql<{ first: Date | null }>`
    select min(phenomenon_time_start) as first from sensors.datastreams`.execute(trx);
  const first = rows[0]?.first;
  return first ? hourOf(new Date(first)) : null;
}

/**
 * Rolls up the completed hours from the watermark up to `until` (at most `maxHours` of them) in one
 * transaction: the range's rollups are replaced from the raw partitions, its dirty marks cleared and
 * the watermark moved. Rerunning a range gives the same rows. Returns the new watermark.
 */
export async function rollUpRange(db: Kysely<unknown>, until: Date, maxHours: number): Promise<Date | null> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ watermark: Date }>`
      select watermark from sensors.rollup_watermark for update`.execute(trx);
    const current = rows[0] ? new Date(rows[0].watermark) : await firstHour(trx);
    const start = current ?? until;
    if (start >= until) {
      if (!rows[0] && current === null) await saveWatermark(trx, until);
      return current ?? until;
    }
    const end = new Date(Math.min(until.getTime(), start.getTime() + maxHours * HOUR_MS));
    const range = { from: start.toISOString(), to: end.toISOString() };
    await sql`delete from sensors.observation_rollups_hourly
      where hour >= ${range.from}::timestamptz and hour < ${range.to}::timestamptz`.execute(trx);
    await sql`insert into sensors.observation_rollups_hourly (datastream_id, hour, count, sum, min, max)
      select datastream_id, date_bin('1 hour', phenomenon_time, timestamptz '2000-01-01 00:00:00+00'),
        count(*), sum(result_number), min(result_number), max(result_number)
      from sensors.observations
      where phenomenon_time >= ${range.from}::timestamptz and phenomenon_time < ${range.to}::timestamptz
        and result_number is not null
      group by 1, 2`.execute(trx);
    await sql`delete from sensors.rollup_dirty_hours
      where hour >= ${range.from}::timestamptz and hour < ${range.to}::timestamptz`.execute(trx);
    await saveWatermark(trx, end);
    return end;
  });
}

async function saveWatermark(trx: Kysely<unknown>, watermark: Date): Promise<void> {
  await sql`insert into sensors.rollup_watermark (only_row, watermark) values (true, ${watermark.toISOString()}::timestamptz)
    on conflict (only_row) do update set watermark = excluded.watermark`.execute(trx);
}

/**
 * Recomputes up to `limit` dirty hours before the watermark (late observations, edits, deletes) from
 * the raw partitions. The marks are taken with SKIP LOCKED and removed in the same transaction, so a
 * mark written meanwhile by an insert survives for the next run. Returns how many hours were redone.
 */
export async function recomputeDirtyHours(db: Kysely<unknown>, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ datastream_id: number; hour: Date }>`
      delete from sensors.rollup_dirty_hours where (datastream_id, hour) in (
        select d.datastream_id, d.hour from sensors.rollup_dirty_hours d
        where d.hour < (select watermark from sensors.rollup_watermark)
        order by d.hour limit ${limit} for update skip locked)
      returning datastream_id, hour`.execute(trx);
    if (rows.length === 0) return 0;
    const picked = JSON.stringify(
      rows.map((row) => ({
        datastream_id: Number(row.datastream_id),
        hour: new Date(row.hour).toISOString(),
      })),
    );
    const pickedRows = sql`jsonb_to_recordset(${picked}::jsonb) as p(datastream_id bigint, hour timestamptz)`;
    await sql`delete from sensors.observation_rollups_hourly r using ${pickedRows}
      where r.datastream_id = p.datastream_id and r.hour = p.hour`.execute(trx);
    await sql`insert into sensors.observation_rollups_hourly (datastream_id, hour, count, sum, min, max)
      select p.datastream_id, p.hour, count(*), sum(o.result_number), min(o.result_number), max(o.result_number)
      from ${pickedRows}
      join sensors.observations o on o.datastream_id = p.datastream_id
        and o.phenomenon_time >= p.hour and o.phenomenon_time < p.hour + interval '1 hour'
      where o.result_number is not null
      group by p.datastream_id, p.hour`.execute(trx);
    return rows.length;
  });
}
