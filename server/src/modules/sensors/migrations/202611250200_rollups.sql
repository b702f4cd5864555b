-- Aggregates for the IOC (issue #5): hourly rollups of numeric observations, the hours that changed
-- after they were rolled up, per-datastream retention, and the live feed's cross-process channel.

-- One row per datastream and completed UTC hour (hours align with Asia/Ho_Chi_Minh too: +07:00).
-- avg = sum / count; only numeric results (result_number) are rolled up.
create table sensors.observation_rollups_hourly (
  datastream_id bigint not null references sensors.datastreams (id) on delete cascade,
  hour timestamptz not null,
  count bigint not null,
  sum double precision not null,
  min double precision not null,
  max double precision not null,
  primary key (datastream_id, hour)
);

-- The rollup job's progress: every hour before `watermark` has been rolled up once.
create table sensors.rollup_watermark (
  only_row boolean primary key default true check (only_row),
  watermark timestamptz not null
);

-- Hours whose observations changed after the hour ended (late data, STA PATCH/DELETE): the job
-- recomputes them, and until it has, aggregates read those hours from the raw partitions.
create table sensors.rollup_dirty_hours (
  datastream_id bigint not null,
  hour timestamptz not null,
  primary key (datastream_id, hour)
);

-- Statement-level triggers with transition tables: one extra pass over the batch, and only rows of
-- hours already over (normally none) are written. Rows for the current hour need no mark: no rollup
-- of that hour can exist before it ends (the job waits a grace period after the hour).
create function sensors.mark_rollup_dirty() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into sensors.rollup_dirty_hours (datastream_id, hour)
    select distinct datastream_id, date_bin('1 hour', phenomenon_time, timestamptz '2000-01-01 00:00:00+00')
    from changed_new where phenomenon_time < date_bin('1 hour', now(), timestamptz '2000-01-01 00:00:00+00')
    on conflict do nothing;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into sensors.rollup_dirty_hours (datastream_id, hour)
    select distinct datastream_id, date_bin('1 hour', phenomenon_time, timestamptz '2000-01-01 00:00:00+00')
    from changed_old where phenomenon_time < date_bin('1 hour', now(), timestamptz '2000-01-01 00:00:00+00')
    on conflict do nothing;
  end if;
  return null;
end $$;

-- A trigger with transition tables serves one event only, hence three.
create trigger observations_rollup_dirty_insert after insert on sensors.observations
  referencing new table as changed_new for each statement execute function sensors.mark_rollup_dirty();
create trigger observations_rollup_dirty_update after update on sensors.observations
  referencing old table as changed_old new table as changed_new
  for each statement execute function sensors.mark_rollup_dirty();
create trigger observations_rollup_dirty_delete after delete on sensors.observations
  referencing old table as changed_old for each statement execute function sensors.mark_rollup_dirty();

-- How long a datastream's observations must be kept; null days: forever. Datastreams without a row
-- take OBSERVATION_RETENTION_DAYS.
create table sensors.datastream_retention (
  datastream_id bigint primary key references sensors.datastreams (id) on delete cascade,
  days integer check (days between 1 and 36600),
  updated_at timestamptz not null default now()
);

-- The live feed's fan-out: an outbox event is handled by one process, which copies it here; every
-- process tails this table, so SSE clients of every process see it. Pruned after an hour.
create table sensors.live_events (
  id bigint generated always as identity primary key,
  event_id bigint unique,
  kind text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index live_events_created_idx on sensors.live_events (created_at);
