-- OGC SensorThings API 1.1 (Sensing): one table per entity. Ids are bigint identities because STA
-- clients address entities as Things(1) and observations outgrow any uuid index; the wire format
-- (selfLinks, @iot.id) lives only in the presenter.
create schema sensors;

create table sensors.things (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null,
  properties jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- location holds the GeoJSON as sent; latitude/longitude (a point, or the first vertex of any other
-- geometry) let $filter run geo.distance and st_within without PostGIS.
create table sensors.locations (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null,
  encoding_type text not null,
  location jsonb not null,
  latitude double precision,
  longitude double precision,
  properties jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index locations_point_idx on sensors.locations (latitude, longitude);

create table sensors.thing_locations (
  thing_id bigint not null references sensors.things (id) on delete cascade,
  location_id bigint not null references sensors.locations (id) on delete cascade,
  primary key (thing_id, location_id)
);
create index thing_locations_location_idx on sensors.thing_locations (location_id);

create table sensors.historical_locations (
  id bigint generated always as identity primary key,
  thing_id bigint not null references sensors.things (id) on delete cascade,
  time timestamptz not null
);
create index historical_locations_thing_idx on sensors.historical_locations (thing_id, time desc);

create table sensors.historical_location_locations (
  historical_location_id bigint not null references sensors.historical_locations (id) on delete cascade,
  location_id bigint not null references sensors.locations (id) on delete cascade,
  primary key (historical_location_id, location_id)
);
create index historical_location_locations_location_idx
  on sensors.historical_location_locations (location_id);

create table sensors.sensors (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null,
  encoding_type text not null,
  metadata text not null,
  properties jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table sensors.observed_properties (
  id bigint generated always as identity primary key,
  name text not null,
  definition text not null,
  description text not null,
  properties jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- phenomenon_time_* and result_time_* are the ranges of the datastream's observations, widened by
-- every insert (STA computes them; we keep them so reads stay instant).
create table sensors.datastreams (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null,
  observation_type text not null,
  unit_of_measurement jsonb not null,
  observed_area jsonb,
  phenomenon_time_start timestamptz,
  phenomenon_time_end timestamptz,
  result_time_start timestamptz,
  result_time_end timestamptz,
  properties jsonb,
  thing_id bigint not null references sensors.things (id) on delete cascade,
  sensor_id bigint not null references sensors.sensors (id) on delete cascade,
  observed_property_id bigint not null references sensors.observed_properties (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index datastreams_thing_idx on sensors.datastreams (thing_id);
create index datastreams_sensor_idx on sensors.datastreams (sensor_id);
create index datastreams_observed_property_idx on sensors.datastreams (observed_property_id);

-- A feature generated from a Thing's Location (observations posted without one) remembers it, so the
-- next observation of that Thing reuses it.
create table sensors.features_of_interest (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null,
  encoding_type text not null,
  feature jsonb not null,
  latitude double precision,
  longitude double precision,
  properties jsonb,
  generated_from_location_id bigint unique references sensors.locations (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Observations are partitioned by month of phenomenon_time from day one: retention drops whole
-- partitions (never row deletes) and the (datastream, time) index stays small per month. The default
-- partition accepts anything no monthly partition covers, so no observation is ever refused;
-- sensors.ensure_observation_partition() later moves such rows into their month.
-- A numeric result goes to result_number (filters and aggregates compare numbers); any other result
-- (boolean, text, object, array) to result_json.
create table sensors.observations (
  id bigint generated always as identity,
  datastream_id bigint not null references sensors.datastreams (id) on delete cascade,
  phenomenon_time timestamptz not null,
  phenomenon_time_end timestamptz,
  result_time timestamptz,
  result_number double precision,
  result_json jsonb,
  result_quality jsonb,
  valid_time_start timestamptz,
  valid_time_end timestamptz,
  parameters jsonb,
  feature_of_interest_id bigint not null references sensors.features_of_interest (id) on delete cascade,
  primary key (id, phenomenon_time)
) partition by range (phenomenon_time);
create table sensors.observations_default partition of sensors.observations default;
create index observations_datastream_time_idx on sensors.observations (datastream_id, phenomenon_time desc);
create index observations_feature_idx on sensors.observations (feature_of_interest_id);

-- The newest observation of each datastream, for live maps: written in the insert's transaction, and
-- only when the new observation is at least as recent as the one kept.
create table sensors.datastream_latest (
  datastream_id bigint primary key references sensors.datastreams (id) on delete cascade,
  observation_id bigint not null,
  phenomenon_time timestamptz not null,
  phenomenon_time_end timestamptz,
  result_time timestamptz,
  result_number double precision,
  result_json jsonb,
  updated_at timestamptz not null default now()
);

-- Creates the monthly partition holding `month_start` (a no-op when it exists). Rows that the default
-- partition caught for that month are moved in, because PostgreSQL refuses a new partition whose range
-- the default partition already holds rows for.
create function sensors.ensure_observation_partition(month_start timestamptz) returns text
language plpgsql as $$
declare
  from_ts timestamptz := make_timestamptz(
    extract(year from month_start at time zone 'UTC')::int,
    extract(month from month_start at time zone 'UTC')::int, 1, 0, 0, 0, 'UTC');
  to_ts timestamptz := from_ts + interval '1 month';
  partition_name text := 'observations_' || to_char(from_ts at time zone 'UTC', 'YYYYMM');
begin
  if to_regclass('sensors.' || partition_name) is not null then
    return partition_name;
  end if;
  create temporary table if not exists sensors_moving_observations
    (like sensors.observations) on commit drop;
  delete from sensors_moving_observations;
  with moved as (
    delete from sensors.observations_default
    where phenomenon_time >= from_ts and phenomenon_time < to_ts
    returning *
  )
  insert into sensors_moving_observations select * from moved;
  execute format('create table sensors.%I partition of sensors.observations for values from (%L) to (%L)',
    partition_name, from_ts, to_ts);
  insert into sensors.observations overriding system value select * from sensors_moving_observations;
  delete from sensors_moving_observations;
  return partition_name;
end $$;

-- Retention: drops every monthly partition that ends on or before `cutoff` (whole months only).
create function sensors.drop_observation_partitions_before(cutoff timestamptz) returns setof text
language plpgsql as $$
declare
  child record;
begin
  for child in
    select c.relname from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_namespace n on n.oid = c.relnamespace
    where i.inhparent = 'sensors.observations'::regclass and n.nspname = 'sensors'
      and c.relname ~ '^observations_[0-9]{6}$'
  loop
    if make_timestamptz(substr(child.relname, 14, 4)::int, substr(child.relname, 18, 2)::int, 1, 0, 0, 0, 'UTC')
       + interval '1 month' <= cutoff then
      execute format('drop table sensors.%I', child.relname);
      return next child.relname;
    end if;
  end loop;
end $$;

-- The months around today exist from the first migration; a daily job keeps creating the next ones.
select sensors.ensure_observation_partition(now() + make_interval(months => m))
from generate_series(-1, 3) as m;
