-- IOC alerts and incidents (docs/sensors.md, "Alerts and incidents").
--  * alert_rules: what to watch (a datastream, an observed property, a device type) and when to alert;
--  * alert_states: one row per (rule, subject) so hysteresis survives restarts and spans processes;
--  * alert_evaluation_queue: datastreams whose latest value moved, filled by a trigger on
--    datastream_latest and drained by the job sensors.alerts.evaluate;
--  * incidents and incident_events: what operators acknowledge, assign, comment on and resolve.

create table sensors.alert_rules (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description text check (length(description) <= 2000),
  operator text not null check (operator in
    ('GT', 'GTE', 'LT', 'LTE', 'EQ', 'CHANGE', 'CHANGE_DELTA', 'FROZEN', 'DEVICE_OFFLINE')),
  -- What the rule watches; every target given must match (null = any).
  datastream_id bigint references sensors.datastreams (id) on delete cascade,
  observed_property_id bigint references sensors.observed_properties (id) on delete cascade,
  -- A device type of sensors.devices: datastreams of Things registered as such a device.
  device_type text,
  -- GT..EQ: the value compared with; CHANGE_DELTA: the change that alerts.
  threshold double precision,
  -- Hysteresis: a raised alert clears only once the value is back past this (default: threshold).
  clear_threshold double precision,
  -- CHANGE_DELTA: the window the change is measured over; FROZEN: the silence that alerts.
  window_minutes integer check (window_minutes between 1 and 10080),
  -- A raise or a clear needs its condition to hold this long (measured on observation times).
  min_duration_seconds integer not null default 0 check (min_duration_seconds between 0 and 86400),
  severity text not null check (severity in ('info', 'warning', 'critical')),
  active boolean not null default true,
  -- The agency responsible (platform.agencies, by value): new incidents are assigned to it.
  agency_id uuid,
  -- Who is told when the rule raises: [{ channel, address, locale }] (notify's channels, or 'user').
  recipients jsonb not null default '[]'::jsonb check (jsonb_typeof(recipients) = 'array'),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (operator not in ('GT', 'GTE', 'LT', 'LTE', 'EQ', 'CHANGE_DELTA') or threshold is not null),
  check (operator not in ('CHANGE_DELTA', 'FROZEN') or window_minutes is not null),
  check (operator = 'DEVICE_OFFLINE' or datastream_id is not null or observed_property_id is not null
    or device_type is not null),
  check (operator <> 'DEVICE_OFFLINE' or (datastream_id is null and observed_property_id is null))
);
create index alert_rules_datastream_idx on sensors.alert_rules (datastream_id) where active;
create index alert_rules_property_idx on sensors.alert_rules (observed_property_id) where active;

-- Active value rules with the datastreams they watch (DEVICE_OFFLINE watches devices, not datastreams).
create view sensors.alert_rule_datastreams as
  select r.id as rule_id, d.id as datastream_id, r.operator
  from sensors.alert_rules r
  join sensors.datastreams d
    on (r.datastream_id is null or r.datastream_id = d.id)
   and (r.observed_property_id is null or r.observed_property_id = d.observed_property_id)
   and (r.device_type is null or exists (
     select 1 from sensors.devices v where v.thing_id = d.thing_id and v.type = r.device_type))
  where r.active and r.operator <> 'DEVICE_OFFLINE';

create table sensors.alert_states (
  rule_id uuid not null references sensors.alert_rules (id) on delete cascade,
  -- 'datastream:<id>' or 'device:<uuid>': one key for both kinds of subject.
  subject_key text not null,
  datastream_id bigint references sensors.datastreams (id) on delete cascade,
  device_id uuid references sensors.devices (id) on delete cascade,
  raised boolean not null default false,
  -- When the condition that would flip `raised` started to hold (min_duration_seconds).
  pending_since timestamptz,
  -- The last evaluated observation and result: CHANGE compares with it; a re-delivery is skipped.
  last_observation_id bigint,
  last_result jsonb,
  last_time timestamptz,
  raised_at timestamptz,
  cleared_at timestamptz,
  incident_id uuid,
  updated_at timestamptz not null default now(),
  primary key (rule_id, subject_key),
  check ((datastream_id is null) <> (device_id is null))
);
create index alert_states_raised_idx on sensors.alert_states (rule_id) where raised;

-- Append-only, so ingest never waits on a row the evaluator holds; the evaluator takes rows with
-- SKIP LOCKED and evaluates each datastream once per claim, however many batches queued it.
create table sensors.alert_evaluation_queue (
  id bigint generated always as identity primary key,
  datastream_id bigint not null,
  queued_at timestamptz not null default now()
);

-- One statement-level trigger per event (transition tables): a batch queues each datastream whose
-- latest value moved, once, and only when an active value rule watches it; without rules ingest
-- writes nothing more. Observations that arrive late (older than the latest) move nothing and are
-- not evaluated: alerts are about the present.
create function sensors.queue_alert_evaluation() returns trigger language plpgsql as $$
begin
  insert into sensors.alert_evaluation_queue (datastream_id)
  select distinct moved.datastream_id from moved
  where exists (
    select 1 from sensors.alert_rule_datastreams m
    where m.datastream_id = moved.datastream_id and m.operator <> 'FROZEN');
  return null;
end $$;
create trigger datastream_latest_inserted_alerts after insert on sensors.datastream_latest
  referencing new table as moved for each statement execute function sensors.queue_alert_evaluation();
create trigger datastream_latest_updated_alerts after update on sensors.datastream_latest
  referencing new table as moved for each statement execute function sensors.queue_alert_evaluation();

create table sensors.incidents (
  id uuid primary key default gen_random_uuid(),
  rule_id uuid references sensors.alert_rules (id) on delete set null,
  -- Copied when opened, so the incident reads the same after its rule changes or goes.
  rule_name text not null,
  operator text not null,
  severity text not null check (severity in ('info', 'warning', 'critical')),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  subject_key text not null,
  datastream_id bigint,
  device_id uuid,
  -- What the subject is, in words: "<Datastream name>" or "<device name>".
  subject_name text not null,
  latitude double precision,
  longitude double precision,
  admin_unit_code text,
  agency_id uuid,
  -- Whether the rule's condition still holds (it may clear before an operator resolves).
  alert_active boolean not null default true,
  raise_count integer not null default 1,
  last_value jsonb,
  opened_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  is_sample boolean not null default false,
  updated_at timestamptz not null default now()
);
-- At most one unresolved incident per rule and subject: a new raise attaches to it.
create unique index incidents_open_subject_idx on sensors.incidents (rule_id, subject_key)
  where status <> 'resolved';
create index incidents_status_idx on sensors.incidents (status, opened_at desc);
create index incidents_agency_idx on sensors.incidents (agency_id, status);

create table sensors.incident_events (
  id bigint generated always as identity primary key,
  incident_id uuid not null references sensors.incidents (id) on delete cascade,
  kind text not null check (kind in
    ('opened', 'raised_again', 'alert_cleared', 'acknowledged', 'assigned', 'commented', 'resolved')),
  actor_id uuid,
  actor_label text not null,
  note text check (length(note) <= 4000),
  details jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now()
);
create index incident_events_incident_idx on sensors.incident_events (incident_id, id);
