import { sql, type Kysely } from 'kysely';

/** A datastream's own retention: undefined without a row, null days = kept forever. */
export async function datastreamRetention(
  db: Kysely<unknown>,
  datastreamId: number,
): Promise<{ days: number | null } | undefined> {
  const { rows } = await sql<{ days: number | null }>`
    select days from sensors.datastream_retention where datastream_id = ${datastreamId}::bigint`.execute(db);
  return rows[0];
}

export async function saveDatastreamRetention(
  db: Kysely<unknown>,
  datastreamId: number,
  days: number | null,
): Promise<void> {
  await sql`insert into sensors.datastream_retention (datastream_id, days) values (${datastreamId}::bigint, ${days}::int)
    on conflict (datastream_id) do update set days = excluded.days, updated_at = now()`.execute(db);
}

export async function clearDatastreamRetention(db: Kysely<unknown>, datastreamId: number): Promise<void> {
  await sql`delete from sensors.datastream_retention where datastream_id = ${datastreamId}::bigint`.execute(
    db,
  );
}

/**
 * The longest retention any datastream with data asks for (`defaultDays` for those without their own;
 * null = forever). `anyForever` is true when one of them keeps its data forever.
 */
export async function longestRetention(
  db: Kysely<unknown>,
  defaultDays: number | null,
): Promise<{
  readonly datastreams: number;
  readonly anyForever: boolean;
  readonly longestDays: number | null;
}> {
  const { rows } = await sql<{ datastreams: number; forever: number; longest: number | null }>`
    with wanted as (
      select case when r.datastream_id is null then ${defaultDays}::int else r.days end as days
      from sensors.datastreams d left join sensors.datastream_retention r on r.datastream_id = d.id
      where d.phenomenon_time_start is not null
    )
    select count(*) as datastreams, count(*) filter (where days is null) as forever, max(days) as longest
    from wanted`.execute(db);
  const row = rows[0];
  return {
    datastreams: Number(row?.datastreams ?? 0),
    anyForever: Number(row?.forever ?? 0) > 0,
    longestDays: row?.longest ?? null,
  };
}
