import { sql, type Kysely, type Selectable } from 'kysely';
import type { AlertOperator, AlertRule } from './alert-rule.model';
import { ruleOf } from './alert-rules.repo';
import type { AlertTables } from './alerts.tables';

/** A (rule, subject) pair's remembered state (sensors.alert_states). */
export interface StoredState {
  readonly ruleId: string;
  readonly subjectKey: string;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
  readonly raised: boolean;
  readonly pendingSince: Date | null;
  readonly lastObservationId: number | null;
  readonly lastResult: unknown;
  readonly lastTime: Date | null;
  readonly incidentId: string | null;
}

/** A datastream's newest observation (sensors.datastream_latest). */
export interface LatestReading {
  readonly datastreamId: number;
  readonly observationId: number;
  readonly phenomenonTime: Date;
  readonly result: unknown;
}

function ids(values: readonly number[]) {
  return sql.join(values.map((value) => sql`${value}::bigint`));
}

/** Takes up to `limit` queued evaluations (SKIP LOCKED: processes share the queue). */
export async function claimQueued(
  trx: Kysely<unknown>,
  limit: number,
): Promise<{ claimed: number; datastreamIds: number[] }> {
  const { rows } = await sql<{ datastream_id: number }>`
    delete from sensors.alert_evaluation_queue where id in (
      select id from sensors.alert_evaluation_queue order by id limit ${limit} for update skip locked)
    returning datastream_id`.execute(trx);
  return { claimed: rows.length, datastreamIds: [...new Set(rows.map((row) => Number(row.datastream_id)))] };
}

export async function latestReadings(trx: Kysely<unknown>, datastreamIds: readonly number[]) {
  if (datastreamIds.length === 0) return new Map<number, LatestReading>();
  const { rows } = await sql<{
    datastream_id: number;
    observation_id: number;
    phenomenon_time: Date;
    result_number: number | null;
    result_json: unknown;
  }>`
    select datastream_id, observation_id, phenomenon_time, result_number, result_json
    from sensors.datastream_latest where datastream_id in (${ids(datastreamIds)})`.execute(trx);
  return new Map(
    rows.map((row): [number, LatestReading] => [
      Number(row.datastream_id),
      {
        datastreamId: Number(row.datastream_id),
        observationId: Number(row.observation_id),
        phenomenonTime: new Date(row.phenomenon_time),
        result: row.result_number ?? row.result_json,
      },
    ]),
  );
}

/** Active rules with one of `operators` watching each of the datastreams. */
export async function rulesWatching(
  trx: Kysely<unknown>,
  datastreamIds: readonly number[],
  operators: readonly AlertOperator[],
): Promise<{ datastreamId: number; rule: AlertRule }[]> {
  if (datastreamIds.length === 0) return [];
  const { rows } = await sql<Selectable<AlertTables['sensors.alert_rules']> & { watched_id: number }>`
    select r.*, m.datastream_id as watched_id
    from sensors.alert_rule_datastreams m join sensors.alert_rules r on r.id = m.rule_id
    where m.datastream_id in (${ids(datastreamIds)})
      and m.operator in (${sql.join(operators.map((operator) => sql`${operator}`))})
    order by m.datastream_id, r.id`.execute(trx);
  return rows.map((row) => ({ datastreamId: Number(row.watched_id), rule: ruleOf(row) }));
}

export interface SubjectRef {
  readonly ruleId: string;
  readonly subjectKey: string;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
}

/**
 * The states of these pairs, locked until the transaction ends; missing ones are created first, so
 * two processes judging the same pair take turns instead of both raising.
 */
export async function lockStates(
  trx: Kysely<unknown>,
  refs: readonly SubjectRef[],
): Promise<Map<string, StoredState>> {
  if (refs.length === 0) return new Map();
  const json = JSON.stringify(
    refs.map((ref) => ({
      rule_id: ref.ruleId,
      subject_key: ref.subjectKey,
      datastream_id: ref.datastreamId,
      device_id: ref.deviceId,
    })),
  );
  await sql`insert into sensors.alert_states (rule_id, subject_key, datastream_id, device_id)
    select rule_id, subject_key, datastream_id, device_id
    from jsonb_to_recordset(${json}::jsonb) as r(rule_id uuid, subject_key text, datastream_id bigint, device_id uuid)
    order by rule_id, subject_key
    on conflict (rule_id, subject_key) do nothing`.execute(trx);
  const { rows } = await sql<{
    rule_id: string;
    subject_key: string;
    datastream_id: number | null;
    device_id: string | null;
    raised: boolean;
    pending_since: Date | null;
    last_observation_id: number | null;
    last_result: unknown;
    last_time: Date | null;
    incident_id: string | null;
  }>`
    select s.* from sensors.alert_states s
    join jsonb_to_recordset(${json}::jsonb) as r(rule_id uuid, subject_key text)
      on s.rule_id = r.rule_id and s.subject_key = r.subject_key
    order by s.rule_id, s.subject_key
    for update of s`.execute(trx);
  return new Map(
    rows.map((row): [string, StoredState] => [
      stateKey(row.rule_id, row.subject_key),
      {
        ruleId: row.rule_id,
        subjectKey: row.subject_key,
        datastreamId: row.datastream_id === null ? null : Number(row.datastream_id),
        deviceId: row.device_id,
        raised: row.raised,
        pendingSince: row.pending_since && new Date(row.pending_since),
        lastObservationId: row.last_observation_id === null ? null : Number(row.last_observation_id),
        lastResult: row.last_result,
        lastTime: row.last_time && new Date(row.last_time),
        incidentId: row.incident_id,
      },
    ]),
  );
}

export const stateKey = (ruleId: string, subjectKey: string) => `${ruleId}|${subjectKey}`;

/** Writes the judged states back in one statement. */
export async function saveStates(
  trx: Kysely<unknown>,
  states: readonly StoredState[],
  now: Date,
): Promise<void> {
  if (states.length === 0) return;
  const json = JSON.stringify(
    states.map((state) => ({
      rule_id: state.ruleId,
      subject_key: state.subjectKey,
      raised: state.raised,
      pending_since: state.pendingSince?.toISOString() ?? null,
      last_observation_id: state.lastObservationId,
      last_result: state.lastResult ?? null,
      last_time: state.lastTime?.toISOString() ?? null,
      incident_id: state.incidentId,
    })),
  );
  await sql`update sensors.alert_states s set raised = r.raised, pending_since = r.pending_since,
      last_observation_id = r.last_observation_id, last_result = r.last_result, last_time = r.last_time,
      incident_id = r.incident_id, updated_at = ${now.toISOString()}::timestamptz,
      raised_at = case when r.raised and not s.raised then ${now.toISOString()}::timestamptz else s.raised_at end,
      cleared_at = case when s.raised and not r.raised then ${now.toISOString()}::timestamptz else s.cleared_at end
    from jsonb_to_recordset(${json}::jsonb) as r(rule_id uuid, subject_key text, raised boolean,
      pending_since timestamptz, last_observation_id bigint, last_result jsonb, last_time timestamptz, incident_id uuid)
    where s.rule_id = r.rule_id and s.subject_key = r.subject_key`.execute(trx);
}

/** CHANGE_DELTA's baseline: the oldest numeric result of the datastream since `since`. */
export async function oldestResultSince(
  trx: Kysely<unknown>,
  datastreamId: number,
  since: Date,
): Promise<unknown> {
  const { rows } = await sql<{ result_number: number | null }>`
    select result_number from sensors.observations
    where datastream_id = ${datastreamId}::bigint and phenomenon_time >= ${since.toISOString()}::timestamptz
      and result_number is not null
    order by phenomenon_time, id limit 1`.execute(trx);
  return rows[0]?.result_number ?? undefined;
}

/**
 * FROZEN pairs whose state disagrees with the clock: quiet but silent for longer than the window
 * (or never heard from since the datastream was created), or raised although data came back. The
 * query only narrows; the evaluator decides under the state's lock.
 */
export async function frozenCandidates(
  executor: Kysely<unknown>,
  now: Date,
  limit: number,
): Promise<{ ruleId: string; datastreamId: number }[]> {
  const { rows } = await sql<{ rule_id: string; datastream_id: number }>`
    select m.rule_id, m.datastream_id
    from sensors.alert_rule_datastreams m
    join sensors.alert_rules r on r.id = m.rule_id
    join sensors.datastreams d on d.id = m.datastream_id
    left join sensors.datastream_latest l on l.datastream_id = m.datastream_id
    left join sensors.alert_states s on s.rule_id = m.rule_id and s.subject_key = 'datastream:' || m.datastream_id
    where m.operator = 'FROZEN' and (
      (coalesce(l.phenomenon_time, d.created_at) < ${now.toISOString()}::timestamptz - make_interval(mins => r.window_minutes)
        and not coalesce(s.raised, false))
      or (s.raised and coalesce(l.phenomenon_time, d.created_at)
        >= ${now.toISOString()}::timestamptz - make_interval(mins => r.window_minutes)))
    order by m.rule_id, m.datastream_id
    limit ${limit}`.execute(executor);
  return rows.map((row) => ({ ruleId: row.rule_id, datastreamId: Number(row.datastream_id) }));
}

/** The time FROZEN measures silence from: the newest observation, else the datastream's creation. */
export async function lastHeardOf(
  trx: Kysely<unknown>,
  datastreamId: number,
): Promise<{ time: Date; observationId: number | null }> {
  const { rows } = await sql<{ time: Date; observation_id: number | null }>`
    select coalesce(l.phenomenon_time, d.created_at) as time, l.observation_id
    from sensors.datastreams d left join sensors.datastream_latest l on l.datastream_id = d.id
    where d.id = ${datastreamId}::bigint`.execute(trx);
  const row = rows[0];
  return { time: new Date(row?.time ?? 0), observationId: row?.observation_id ?? null };
}

/** Active DEVICE_OFFLINE rules watching devices of this type. */
export async function offlineRulesFor(trx: Kysely<unknown>, deviceType: string): Promise<AlertRule[]> {
  const rows = await trx
    .withTables<AlertTables>()
    .selectFrom('sensors.alert_rules')
    .selectAll()
    .where('active', '=', true)
    .where('operator', '=', 'DEVICE_OFFLINE')
    .where((eb) => eb.or([eb('device_type', 'is', null), eb('device_type', '=', deviceType)]))
    .orderBy('id')
    .execute();
  return rows.map(ruleOf);
}
