-- SensorThings 1.1 MultiDatastream extension (OGC 18-088, 8.3): one Thing and one Sensor observe
-- several ObservedProperties at once, in a fixed order; each Observation's result is an array with one
-- value per ObservedProperty. The observation type is always OM_ComplexObservation; the type of each
-- value is in multi_observation_data_types, its unit in unit_of_measurements (same order, same length).
create table sensors.multi_datastreams (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null,
  observation_type text not null,
  unit_of_measurements jsonb not null,
  multi_observation_data_types jsonb not null,
  observed_area jsonb,
  phenomenon_time_start timestamptz,
  phenomenon_time_end timestamptz,
  result_time_start timestamptz,
  result_time_end timestamptz,
  properties jsonb,
  thing_id bigint not null references sensors.things (id) on delete cascade,
  sensor_id bigint not null references sensors.sensors (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (jsonb_typeof(unit_of_measurements) = 'array' and jsonb_typeof(multi_observation_data_types) = 'array'
    and jsonb_array_length(unit_of_measurements) = jsonb_array_length(multi_observation_data_types))
);
create index multi_datastreams_thing_idx on sensors.multi_datastreams (thing_id);
create index multi_datastreams_sensor_idx on sensors.multi_datastreams (sensor_id);

-- The ordered ObservedProperties: position i is the i-th value of every result.
create table sensors.multi_datastream_observed_properties (
  multi_datastream_id bigint not null references sensors.multi_datastreams (id) on delete cascade,
  position integer not null check (position >= 0),
  observed_property_id bigint not null references sensors.observed_properties (id) on delete cascade,
  primary key (multi_datastream_id, position),
  unique (multi_datastream_id, observed_property_id)
);
create index multi_datastream_observed_properties_property_idx
  on sensors.multi_datastream_observed_properties (observed_property_id);

-- A MultiDatastream cannot lose one of its positions: deleting an ObservedProperty deletes the
-- MultiDatastreams that observe it (the spec's cascade, as FROST does). Row-level and BEFORE, because
-- the link rows are gone once the foreign key's cascade has run.
create function sensors.delete_multi_datastreams_of_observed_property() returns trigger language plpgsql as $$
begin
  delete from sensors.multi_datastreams m
  using sensors.multi_datastream_observed_properties link
  where link.multi_datastream_id = m.id and link.observed_property_id = old.id;
  return old;
end $$;
create trigger observed_properties_delete_multi_datastreams before delete on sensors.observed_properties
  for each row execute function sensors.delete_multi_datastreams_of_observed_property();

-- An Observation belongs to a Datastream or to a MultiDatastream, never both. The new column is null
-- for every Datastream observation, so the Datastream write path is unchanged (no index entry: the
-- index below is partial); adding a nullable column does not rewrite the partitions.
alter table sensors.observations alter column datastream_id drop not null;
alter table sensors.observations add column multi_datastream_id bigint;
alter table sensors.observations add constraint observations_one_stream
  check ((datastream_id is null) <> (multi_datastream_id is null));
create index observations_multi_datastream_time_idx
  on sensors.observations (multi_datastream_id, phenomenon_time desc) where multi_datastream_id is not null;

-- Same cascade as Datastreams (migration 202611260100): no foreign key on observations, a
-- statement-level trigger instead.
create function sensors.delete_observations_of_multi_datastreams() returns trigger language plpgsql as $$
begin
  delete from sensors.observations o using gone where o.multi_datastream_id = gone.id;
  return null;
end $$;
create trigger multi_datastreams_delete_observations after delete on sensors.multi_datastreams
  referencing old table as gone for each statement execute function sensors.delete_observations_of_multi_datastreams();

-- The newest observation of each MultiDatastream, as datastream_latest is for Datastreams.
create table sensors.multi_datastream_latest (
  multi_datastream_id bigint primary key references sensors.multi_datastreams (id) on delete cascade,
  observation_id bigint not null,
  phenomenon_time timestamptz not null,
  phenomenon_time_end timestamptz,
  result_time timestamptz,
  result_json jsonb not null,
  updated_at timestamptz not null default now()
);

-- Hourly rollups are per Datastream (and of numeric results only): the rows of MultiDatastreams, whose
-- datastream_id is null, mark no hour dirty.
create or replace function sensors.mark_rollup_dirty() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into sensors.rollup_dirty_hours (datastream_id, hour)
    select distinct datastream_id, date_bin('1 hour', phenomenon_time, timestamptz '2000-01-01 00:00:00+00')
    from changed_new where phenomenon_time < date_bin('1 hour', now(), timestamptz '2000-01-01 00:00:00+00')
      and datastream_id is not null
    on conflict do nothing;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into sensors.rollup_dirty_hours (datastream_id, hour)
    select distinct datastream_id, date_bin('1 hour', phenomenon_time, timestamptz '2000-01-01 00:00:00+00')
    from changed_old where phenomenon_time < date_bin('1 hour', now(), timestamptz '2000-01-01 00:00:00+00')
      and datastream_id is not null
    on conflict do nothing;
  end if;
  return null;
end $$;
