import { sql, type Kysely } from 'kysely';

export interface LatestValue {
  readonly datastreamId: number;
  readonly observationId: number;
  readonly phenomenonTime: string;
  readonly result: unknown;
}

export interface LiveEventRow {
  readonly id: number;
  readonly kind: string;
  readonly payload: unknown;
}

/**
 * Latest values written since `since` (minus an overlap for transactions that committed late), and
 * the database's now() to continue from. The table has one row per datastream.
 */
export async function latestValuesSince(
  db: Kysely<unknown>,
  since: Date | null,
  overlapMs: number,
  limit: number,
): Promise<{ values: LatestValue[]; now: Date }> {
  const from = since ? new Date(since.getTime() - overlapMs).toISOString() : 'infinity';
  const { rows } = await sql<{ now: Date; latest: LatestValue[] | null }>`
    select now() as now, (
      select jsonb_agg(jsonb_build_object('datastreamId', datastream_id, 'observationId', observation_id,
        'phenomenonTime', to_char(phenomenon_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'result', coalesce(to_jsonb(result_number), result_json)))
      from (select * from sensors.datastream_latest where updated_at >= ${from}::timestamptz
        order by updated_at limit ${limit}) changed
    ) as latest`.execute(db);
  const row = rows[0];
  return { values: row?.latest ?? [], now: new Date(row?.now ?? Date.now()) };
}

/** Live events of the last `windowSeconds` (every process reads them all). */
export async function recentLiveEvents(db: Kysely<unknown>, windowSeconds: number): Promise<LiveEventRow[]> {
  const { rows } = await sql<{ id: number; kind: string; payload: unknown }>`
    select id, kind, payload from sensors.live_events
    where created_at > now() - make_interval(secs => ${windowSeconds}) order by id`.execute(db);
  return rows.map((row) => ({ id: Number(row.id), kind: row.kind, payload: row.payload }));
}

/** Copies an outbox event into the live channel once (a redelivered event is ignored). */
export async function storeLiveEvent(
  db: Kysely<unknown>,
  event: { readonly eventId: number; readonly kind: string; readonly payload: unknown },
): Promise<void> {
  await sql`insert into sensors.live_events (event_id, kind, payload)
    values (${event.eventId}::bigint, ${event.kind}, ${JSON.stringify(event.payload)}::jsonb)
    on conflict (event_id) do nothing`.execute(db);
}

export async function pruneLiveEvents(db: Kysely<unknown>, olderThanSeconds: number): Promise<void> {
  await sql`delete from sensors.live_events
    where created_at < now() - make_interval(secs => ${olderThanSeconds})`.execute(db);
}
