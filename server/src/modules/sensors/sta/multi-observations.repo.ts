import { sql, type Kysely } from 'kysely';
import { defined } from '../defined';

/** What a batch needs to know about one MultiDatastream (see DatastreamFacts for the feature part). */
export interface MultiDatastreamFacts {
  readonly id: number;
  /** One observation type per ObservedProperty, in their order. */
  readonly dataTypes: readonly string[];
  readonly locationId: number | null;
  readonly generatedFeatureId: number | null;
}

/** One observation of a MultiDatastream ready to store: its result is the array as sent. */
export interface MultiObservationRecord {
  readonly multiDatastreamId: number;
  readonly phenomenonTime: Date;
  readonly phenomenonTimeEnd: Date | null;
  readonly resultTime: Date | null;
  readonly result: readonly unknown[];
  readonly resultQuality: unknown;
  readonly validTimeStart: Date | null;
  readonly validTimeEnd: Date | null;
  readonly parameters: unknown;
  readonly featureOfInterestId: number;
}

function idList(ids: readonly number[]) {
  return sql.join(ids.map((id) => sql`${id}::bigint`));
}

export async function multiDatastreamFacts(
  executor: Kysely<unknown>,
  ids: readonly number[],
): Promise<Map<number, MultiDatastreamFacts>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{
    id: number;
    data_types: string[];
    location_id: number | null;
    feature_id: number | null;
  }>`
    select m.id, m.multi_observation_data_types as data_types, l.location_id, f.id as feature_id
    from sensors.multi_datastreams m
    left join lateral (select tl.location_id from sensors.thing_locations tl where tl.thing_id = m.thing_id
      order by tl.location_id desc limit 1) l on true
    left join sensors.features_of_interest f on f.generated_from_location_id = l.location_id
    where m.id in (${idList(ids)})`.execute(executor);
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        dataTypes: row.data_types,
        locationId: row.location_id === null ? null : Number(row.location_id),
        generatedFeatureId: row.feature_id === null ? null : Number(row.feature_id),
      },
    ]),
  );
}

/**
 * Stores a batch of MultiDatastream observations in one statement; ids come back in the order of
 * `records`, null for a row whose MultiDatastream or FeatureOfInterest was deleted meanwhile. Like
 * insertObservations (observations.repo.ts): the parents are locked FOR KEY SHARE instead of foreign
 * keys, the latest value moves only forward and the time ranges widen in the same statement. The
 * batch travels as JSON: MultiDatastreams carry few observations compared with Datastreams' ingest.
 */
export async function insertMultiObservations(
  executor: Kysely<unknown>,
  records: readonly MultiObservationRecord[],
): Promise<(number | null)[]> {
  if (records.length === 0) return [];
  const batch = records.map((record, index) => ({
    ord: index,
    multi_datastream_id: record.multiDatastreamId,
    phenomenon_time: record.phenomenonTime.toISOString(),
    phenomenon_time_end: record.phenomenonTimeEnd?.toISOString() ?? null,
    result_time: record.resultTime?.toISOString() ?? null,
    result_json: record.result,
    result_quality: record.resultQuality ?? null,
    valid_time_start: record.validTimeStart?.toISOString() ?? null,
    valid_time_end: record.validTimeEnd?.toISOString() ?? null,
    parameters: record.parameters ?? null,
    feature_of_interest_id: record.featureOfInterestId,
  }));
  const { rows } = await sql<{ ids: string }>`with batch as (
      select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(ord int, multi_datastream_id bigint,
        phenomenon_time timestamptz, phenomenon_time_end timestamptz, result_time timestamptz, result_json jsonb,
        result_quality jsonb, valid_time_start timestamptz, valid_time_end timestamptz, parameters jsonb,
        feature_of_interest_id bigint)
    ), present_streams as (
      select id from sensors.multi_datastreams where id in (select multi_datastream_id from batch) for key share
    ), present_features as (
      select id from sensors.features_of_interest where id in (select feature_of_interest_id from batch)
      for key share
    ), incoming as (
      select nextval('sensors.observations_id_seq') as id, batch.* from batch
      where multi_datastream_id in (select id from present_streams)
        and feature_of_interest_id in (select id from present_features)
    ), stored as (
      insert into sensors.observations (id, multi_datastream_id, phenomenon_time, phenomenon_time_end,
        result_time, result_json, result_quality, valid_time_start, valid_time_end, parameters,
        feature_of_interest_id)
      overriding system value
      select id, multi_datastream_id, phenomenon_time, phenomenon_time_end, result_time, result_json,
        result_quality, valid_time_start, valid_time_end, parameters, feature_of_interest_id
      from incoming
    ), latest as (
      insert into sensors.multi_datastream_latest as kept (multi_datastream_id, observation_id, phenomenon_time,
        phenomenon_time_end, result_time, result_json)
      select distinct on (multi_datastream_id) multi_datastream_id, id, phenomenon_time, phenomenon_time_end,
        result_time, result_json
      from incoming order by multi_datastream_id, phenomenon_time desc, id desc
      on conflict (multi_datastream_id) do update set
        observation_id = excluded.observation_id, phenomenon_time = excluded.phenomenon_time,
        phenomenon_time_end = excluded.phenomenon_time_end, result_time = excluded.result_time,
        result_json = excluded.result_json, updated_at = now()
      where excluded.phenomenon_time >= kept.phenomenon_time
    ), ranges as (
      select multi_datastream_id, min(phenomenon_time) as first_time,
        max(coalesce(phenomenon_time_end, phenomenon_time)) as last_time,
        min(result_time) as first_result, max(result_time) as last_result
      from incoming group by multi_datastream_id
    ), widened as (
      update sensors.multi_datastreams m set
        phenomenon_time_start = least(m.phenomenon_time_start, ranges.first_time),
        phenomenon_time_end = greatest(m.phenomenon_time_end, ranges.last_time),
        result_time_start = least(m.result_time_start, ranges.first_result),
        result_time_end = greatest(m.result_time_end, ranges.last_result)
      from ranges where m.id = ranges.multi_datastream_id
    )
    select string_agg(coalesce(incoming.id::text, ''), ',' order by batch.ord) as ids
    from batch left join incoming using (ord)`.execute(executor);
  return defined(rows[0], 'inserted ids')
    .ids.split(',')
    .map((id) => (id === '' ? null : Number(id)));
}

/** Recomputes one MultiDatastream's latest value (after an observation was changed or deleted). */
export async function refreshMultiLatest(
  executor: Kysely<unknown>,
  multiDatastreamId: number,
): Promise<void> {
  await sql`delete from sensors.multi_datastream_latest
    where multi_datastream_id = ${multiDatastreamId}::bigint`.execute(executor);
  await sql`insert into sensors.multi_datastream_latest (multi_datastream_id, observation_id, phenomenon_time,
      phenomenon_time_end, result_time, result_json)
    select multi_datastream_id, id, phenomenon_time, phenomenon_time_end, result_time, result_json
    from sensors.observations where multi_datastream_id = ${multiDatastreamId}::bigint
    order by phenomenon_time desc, id desc limit 1`.execute(executor);
}

/**
 * The stream an observation belongs to (exactly one of the two ids is set) and its result, or null
 * when it does not exist.
 */
export async function streamOfObservation(
  executor: Kysely<unknown>,
  id: number,
): Promise<{ datastreamId: number | null; multiDatastreamId: number | null; result: unknown } | null> {
  const { rows } = await sql<{
    datastream_id: number | null;
    multi_datastream_id: number | null;
    result_number: number | null;
    result_json: unknown;
  }>`select datastream_id, multi_datastream_id, result_number, result_json
    from sensors.observations where id = ${id}::bigint`.execute(executor);
  const row = rows[0];
  if (!row) return null;
  return {
    datastreamId: row.datastream_id === null ? null : Number(row.datastream_id),
    multiDatastreamId: row.multi_datastream_id === null ? null : Number(row.multi_datastream_id),
    result: row.result_number ?? row.result_json,
  };
}

/** The number of ObservedProperties and the data types of a MultiDatastream, or null when it does not exist. */
export async function multiDatastreamShape(
  executor: Kysely<unknown>,
  id: number,
): Promise<{ arity: number; dataTypes: string[] } | null> {
  const { rows } = await sql<{ data_types: string[]; arity: number }>`
    select m.multi_observation_data_types as data_types,
      (select count(*) from sensors.multi_datastream_observed_properties link
        where link.multi_datastream_id = m.id)::int as arity
    from sensors.multi_datastreams m where m.id = ${id}::bigint`.execute(executor);
  const row = rows[0];
  return row ? { arity: Number(row.arity), dataTypes: row.data_types } : null;
}

export async function linkObservedProperties(
  executor: Kysely<unknown>,
  multiDatastreamId: number,
  observedPropertyIds: readonly number[],
  replace: boolean,
): Promise<void> {
  if (replace)
    await sql`delete from sensors.multi_datastream_observed_properties
      where multi_datastream_id = ${multiDatastreamId}::bigint`.execute(executor);
  if (observedPropertyIds.length === 0) return;
  await sql`insert into sensors.multi_datastream_observed_properties
      (multi_datastream_id, position, observed_property_id)
    values ${sql.join(
      observedPropertyIds.map(
        (id, position) => sql`(${multiDatastreamId}::bigint, ${position}::int, ${id}::bigint)`,
      ),
    )}`.execute(executor);
}
