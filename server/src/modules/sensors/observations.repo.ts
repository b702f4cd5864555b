import { sql, type Kysely } from 'kysely';
import { defined } from './defined';

/**
 * What a batch needs to know about one of its datastreams: its observationType, and the
 * FeatureOfInterest generated from its Thing's newest Location (null: not generated yet, or no Location).
 */
export interface DatastreamFacts {
  readonly id: number;
  readonly observationType: string;
  readonly locationId: number | null;
  readonly generatedFeatureId: number | null;
}

/** One observation ready to store; `id` comes from the insert itself, in the order of the batch. */
export interface ObservationRecord {
  readonly datastreamId: number;
  readonly phenomenonTime: Date;
  readonly phenomenonTimeEnd: Date | null;
  readonly resultTime: Date | null;
  readonly resultNumber: number | null;
  /** Any result that is not a number (boolean, string, object, array, null). */
  readonly resultJson: unknown;
  readonly resultQuality: unknown;
  readonly validTimeStart: Date | null;
  readonly validTimeEnd: Date | null;
  readonly parameters: unknown;
  readonly featureOfInterestId: number;
}

function idList(ids: readonly number[]) {
  return sql.join(ids.map((id) => sql`${id}::bigint`));
}

/** The facts of each existing datastream among `ids`, in one statement. */
export async function datastreamFacts(
  executor: Kysely<unknown>,
  ids: readonly number[],
): Promise<Map<number, DatastreamFacts>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{
    id: number;
    observation_type: string;
    location_id: number | null;
    feature_id: number | null;
  }>`
    select d.id, d.observation_type, l.location_id, f.id as feature_id
    from sensors.datastreams d
    left join lateral (select tl.location_id from sensors.thing_locations tl where tl.thing_id = d.thing_id
      order by tl.location_id desc limit 1) l on true
    left join sensors.features_of_interest f on f.generated_from_location_id = l.location_id
    where d.id in (${idList(ids)})`.execute(executor);
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        observationType: row.observation_type,
        locationId: row.location_id === null ? null : Number(row.location_id),
        generatedFeatureId: row.feature_id === null ? null : Number(row.feature_id),
      },
    ]),
  );
}

/** The FeaturesOfInterest among `ids` that exist. */
export async function existingFeatureIds(
  executor: Kysely<unknown>,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: number }>`
    select id from sensors.features_of_interest where id in (${idList(ids)})`.execute(executor);
  return new Set(rows.map((row) => Number(row.id)));
}

/**
 * Generates the FeaturesOfInterest of Locations that have none yet (the spec's rule for observations
 * sent without one: generated once from the Thing's Location and reused while the Thing stays there);
 * returns location id → feature id.
 */
export async function generateFeatures(
  executor: Kysely<unknown>,
  locationIds: readonly number[],
): Promise<Map<number, number>> {
  if (locationIds.length === 0) return new Map();
  await sql`insert into sensors.features_of_interest
      (name, description, encoding_type, feature, latitude, longitude, properties, generated_from_location_id)
    select name, description, encoding_type, location, latitude, longitude, properties, id
    from sensors.locations where id in (${idList(locationIds)})
    on conflict (generated_from_location_id) do nothing`.execute(executor);
  const { rows } = await sql<{ id: number; location_id: number }>`
    select id, generated_from_location_id as location_id from sensors.features_of_interest
    where generated_from_location_id in (${idList(locationIds)})`.execute(executor);
  return new Map(rows.map((row) => [Number(row.location_id), Number(row.id)]));
}

/**
 * The FeatureOfInterest of observations sent without one, per datastream, generated when needed.
 * Datastreams whose Thing has no Location are missing from the map.
 */
export async function defaultFeatures(
  executor: Kysely<unknown>,
  datastreamIds: readonly number[],
): Promise<Map<number, number>> {
  return defaultFeaturesOf(executor, [...(await datastreamFacts(executor, datastreamIds)).values()]);
}

/** defaultFeatures for datastreams whose facts are known (generating only the missing features). */
export async function defaultFeaturesOf(
  executor: Kysely<unknown>,
  facts: readonly DatastreamFacts[],
): Promise<Map<number, number>> {
  const missing = [
    ...new Set(
      facts.flatMap((d) => (d.generatedFeatureId === null && d.locationId !== null ? [d.locationId] : [])),
    ),
  ];
  const generated = await generateFeatures(executor, missing);
  const features = new Map<number, number>();
  for (const d of facts) {
    const feature = d.generatedFeatureId ?? (d.locationId === null ? undefined : generated.get(d.locationId));
    if (feature !== undefined) features.set(d.id, feature);
  }
  return features;
}

// A batch travels as one PostgreSQL array literal per column (`{a,b,NULL}`), unnested back into rows:
// a few bytes a value instead of a JSON object with every key per row, parsed by the array and type
// input functions (jsonb_to_recordset parsed every row's JSON). A column that is null in every row
// of the batch is sent as NULL. The same text works on PGlite and PostgreSQL.

/** The array literal of a column, or null when every value is null. */
function column<T>(
  records: readonly ObservationRecord[],
  pick: (record: ObservationRecord) => T | null | undefined,
  encode: (value: T) => string,
): string | null {
  let any = false;
  const items = records.map((record) => {
    const value = pick(record);
    if (value === null || value === undefined) return 'NULL';
    any = true;
    return encode(value);
  });
  return any ? `{${items.join(',')}}` : null;
}

// Numbers and ISO times never contain the characters an array literal reserves; JSON text is quoted.
const numberItem = (value: number): string => String(value);
const timeItem = (value: Date): string => value.toISOString();
const jsonItem = (value: unknown): string => `"${JSON.stringify(value).replace(/["\\]/g, '\\$&')}"`;

/**
 * Stores a batch in one statement and returns the new ids in the order of `records`: null for a row
 * whose Datastream or FeatureOfInterest was deleted since the caller looked (such rows are not stored).
 *
 * Observations have no foreign keys (migration 202611260100: the constraint triggers cost more than
 * the insert itself, one call per row). Instead the statement locks the batch's datastreams and
 * features FOR KEY SHARE, as those triggers did, and stores only rows whose both are still there: a
 * concurrent delete either waits for this transaction and its trigger then removes these rows too, or
 * committed first and the rows are left out.
 *
 * The ids come from the identity sequence in the statement itself (no round trip to allocate them).
 * The same statement moves each datastream's latest value (only forward in time) and widens its
 * phenomenon and result time ranges; the statement-level triggers see the batch once (rollup
 * late-marking on observations, the alert queue on datastream_latest).
 */
export async function insertObservations(
  executor: Kysely<unknown>,
  records: readonly ObservationRecord[],
): Promise<(number | null)[]> {
  if (records.length === 0) return [];
  const { rows } = await sql<{ ids: string }>`with batch as (
      select * from unnest(
        ${column(records, (r) => r.datastreamId, numberItem)}::text::bigint[],
        ${column(records, (r) => r.phenomenonTime, timeItem)}::text::timestamptz[],
        ${column(records, (r) => r.phenomenonTimeEnd, timeItem)}::text::timestamptz[],
        ${column(records, (r) => r.resultTime, timeItem)}::text::timestamptz[],
        ${column(records, (r) => r.resultNumber, numberItem)}::text::float8[],
        ${column(records, (r) => r.resultJson, jsonItem)}::text::jsonb[],
        ${column(records, (r) => r.resultQuality, jsonItem)}::text::jsonb[],
        ${column(records, (r) => r.validTimeStart, timeItem)}::text::timestamptz[],
        ${column(records, (r) => r.validTimeEnd, timeItem)}::text::timestamptz[],
        ${column(records, (r) => r.parameters, jsonItem)}::text::jsonb[],
        ${column(records, (r) => r.featureOfInterestId, numberItem)}::text::bigint[]
      ) with ordinality as r(datastream_id, phenomenon_time, phenomenon_time_end, result_time, result_number,
        result_json, result_quality, valid_time_start, valid_time_end, parameters, feature_of_interest_id, ord)
    ), present_datastreams as (
      select id from sensors.datastreams where id in (select datastream_id from batch) for key share
    ), present_features as (
      select id from sensors.features_of_interest where id in (select feature_of_interest_id from batch)
      for key share
    ), incoming as (
      select nextval('sensors.observations_id_seq') as id, batch.* from batch
      where datastream_id in (select id from present_datastreams)
        and feature_of_interest_id in (select id from present_features)
    ), stored as (
      insert into sensors.observations (id, datastream_id, phenomenon_time, phenomenon_time_end, result_time,
        result_number, result_json, result_quality, valid_time_start, valid_time_end, parameters,
        feature_of_interest_id)
      overriding system value
      select id, datastream_id, phenomenon_time, phenomenon_time_end, result_time, result_number, result_json,
        result_quality, valid_time_start, valid_time_end, parameters, feature_of_interest_id
      from incoming
    ), latest as (
      insert into sensors.datastream_latest as kept (datastream_id, observation_id, phenomenon_time,
        phenomenon_time_end, result_time, result_number, result_json)
      select distinct on (datastream_id) datastream_id, id, phenomenon_time, phenomenon_time_end, result_time,
        result_number, result_json
      from incoming order by datastream_id, phenomenon_time desc, id desc
      on conflict (datastream_id) do update set
        observation_id = excluded.observation_id, phenomenon_time = excluded.phenomenon_time,
        phenomenon_time_end = excluded.phenomenon_time_end, result_time = excluded.result_time,
        result_number = excluded.result_number, result_json = excluded.result_json, updated_at = now()
      where excluded.phenomenon_time >= kept.phenomenon_time
    ), ranges as (
      select datastream_id, min(phenomenon_time) as first_time,
        max(coalesce(phenomenon_time_end, phenomenon_time)) as last_time,
        min(result_time) as first_result, max(result_time) as last_result
      from incoming group by datastream_id
    ), widened as (
      update sensors.datastreams d set
        phenomenon_time_start = least(d.phenomenon_time_start, ranges.first_time),
        phenomenon_time_end = greatest(d.phenomenon_time_end, ranges.last_time),
        result_time_start = least(d.result_time_start, ranges.first_result),
        result_time_end = greatest(d.result_time_end, ranges.last_result)
      from ranges where d.id = ranges.datastream_id
    )
    select string_agg(coalesce(incoming.id::text, ''), ',' order by batch.ord) as ids
    from batch left join incoming using (ord)`.execute(executor);
  return defined(rows[0], 'inserted ids')
    .ids.split(',')
    .map((id) => (id === '' ? null : Number(id)));
}

/** Recomputes one datastream's latest value (after an observation was changed or deleted). */
export async function refreshLatest(executor: Kysely<unknown>, datastreamId: number): Promise<void> {
  await sql`delete from sensors.datastream_latest where datastream_id = ${datastreamId}::bigint`.execute(
    executor,
  );
  await sql`insert into sensors.datastream_latest (datastream_id, observation_id, phenomenon_time,
      phenomenon_time_end, result_time, result_number, result_json)
    select datastream_id, id, phenomenon_time, phenomenon_time_end, result_time, result_number, result_json
    from sensors.observations where datastream_id = ${datastreamId}::bigint
    order by phenomenon_time desc, id desc limit 1`.execute(executor);
}
