-- The IOC's device registry: cameras (traffic, security, contributed by citizens and businesses) and
-- other field devices (air stations, water-level and rain gauges, public wifi access points), with
-- their heartbeat state. One row per device: a heartbeat updates last_seen_at, it never adds a row.
create schema if not exists sensors;

create table sensors.devices (
  id uuid primary key default gen_random_uuid(),
  type text not null check (type in ('traffic_camera', 'security_camera', 'contributed_camera',
    'air_station', 'water_level_gauge', 'rain_gauge', 'wifi_access_point')),
  name text not null check (length(name) between 1 and 200),
  -- The operator's own asset code, when it has one.
  code text unique check (length(code) between 1 and 100),
  -- Managing agency and administrative unit, by value (platform.agencies, platform.admin_units).
  agency_id uuid,
  admin_unit_code text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  address text,
  stream_url text check (length(stream_url) <= 2000),
  -- Who may see stream_url: anyone, IOC operators, or only the owner's account.
  stream_access text not null default 'operators' check (stream_access in ('public', 'operators', 'owner')),
  owner_kind text not null default 'city' check (owner_kind in ('city', 'citizen', 'business')),
  owner_name text,
  owner_user_id uuid,
  -- A contributed camera is shown to the city only with its owner's recorded consent.
  consent_at timestamptz,
  consent_reference text,
  -- The SensorThings Thing (sensors.things.id) when the device also reports observations.
  thing_id bigint,
  -- SHA-256 of the device token; null: the device cannot send heartbeats.
  token_hash text,
  -- Samples and devices without a heartbeat are not judged online/offline by the status job.
  monitored boolean not null default true,
  heartbeat_interval_seconds integer not null default 30 check (heartbeat_interval_seconds between 5 and 86400),
  last_seen_at timestamptz,
  -- Heartbeats in a row without a gap (for coming back online).
  heartbeat_streak integer not null default 0,
  status text not null default 'unknown' check (status in ('unknown', 'online', 'offline')),
  status_changed_at timestamptz,
  is_sample boolean not null default false,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null)),
  check (stream_url is null or type in ('traffic_camera', 'security_camera', 'contributed_camera')),
  check (type <> 'contributed_camera' or (owner_name is not null and consent_at is not null))
);
create index devices_type_status_idx on sensors.devices (type, status);
create index devices_unit_idx on sensors.devices (admin_unit_code);
create index devices_agency_idx on sensors.devices (agency_id);
create index devices_owner_idx on sensors.devices (owner_user_id) where owner_user_id is not null;
create index devices_monitored_idx on sensors.devices (status, last_seen_at) where monitored;
-- No trigram index on name: it would triple the cost of loading a fleet of tens of thousands, and a
-- name search over one city's devices is a short sequential scan.

-- Every online/offline change, for uptime history (small: a row per change, not per heartbeat).
create table sensors.device_state_changes (
  id bigint generated always as identity primary key,
  device_id uuid not null references sensors.devices (id) on delete cascade,
  from_status text not null,
  to_status text not null,
  changed_at timestamptz not null,
  last_seen_at timestamptz
);
create index device_state_changes_device_idx on sensors.device_state_changes (device_id, changed_at desc);
