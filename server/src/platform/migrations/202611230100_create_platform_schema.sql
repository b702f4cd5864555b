-- The kernel's own schema: accounts, agencies, audit, outbox, jobs, settings.
create extension if not exists pgcrypto;
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;

create schema if not exists platform;

-- Diacritic-insensitive search key used by every module: lower(unaccent(text)) with đ folded to d.
-- unaccent() is only STABLE; this wrapper pins the dictionary so the result can be indexed.
create or replace function platform.search_key(value text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(value, 'đ', 'd'), 'Đ', 'D'))) $$;

create table platform.settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table platform.agencies (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_vi text not null,
  name_en text,
  kind text not null check (kind in ('people_committee', 'department', 'commune_committee', 'public_service_unit', 'other')),
  parent_id uuid references platform.agencies (id) on delete restrict,
  email text,
  phone text,
  address text,
  website text,
  head_user_id uuid,
  admin_unit_code text,
  active boolean not null default true,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create index agencies_parent_idx on platform.agencies (parent_id);

create table platform.users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  active boolean not null default true,
  failed_login_count integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on platform.users (lower(email));

create table platform.role_assignments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references platform.users (id) on delete cascade,
  role text not null check (role in ('system_admin', 'agency_admin', 'officer', 'call_center_operator', 'data_publisher', 'viewer')),
  agency_id uuid references platform.agencies (id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((role = 'system_admin') = (agency_id is null) or role in ('viewer', 'call_center_operator'))
);
create unique index role_assignments_unique on platform.role_assignments (user_id, role, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Sessions live in the database so that any app process can serve any request.
create table platform.sessions (
  id_hash text primary key,
  user_id uuid not null references platform.users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on platform.sessions (user_id);
create index sessions_expires_idx on platform.sessions (expires_at);

create table platform.api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references platform.users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  token_prefix text not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz not null default now()
);
create index api_tokens_user_idx on platform.api_tokens (user_id);

-- Append-only: a trigger refuses UPDATE and DELETE. Partitioned by month from day one; a job keeps
-- the coming months' partitions created, the default partition catches anything else.
create table platform.audit_log (
  id bigint generated always as identity,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  action text not null,
  target_type text not null,
  target_id text,
  summary jsonb not null default '{}'::jsonb,
  ip text,
  primary key (id, occurred_at)
) partition by range (occurred_at);
create table platform.audit_log_default partition of platform.audit_log default;
create index audit_log_occurred_idx on platform.audit_log (occurred_at desc);
create index audit_log_target_idx on platform.audit_log (target_type, target_id);
create index audit_log_actor_idx on platform.audit_log (actor_id);

create function platform.refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'platform.audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_append_only before update or delete on platform.audit_log
  for each row execute function platform.refuse_audit_change();

-- Transactional outbox: a module writes its event in the same transaction as its change; the
-- dispatcher delivers it afterwards, at least once.
create table platform.outbox_events (
  id bigint generated always as identity primary key,
  type text not null,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text,
  dispatched_at timestamptz
);
create index outbox_pending_idx on platform.outbox_events (available_at) where dispatched_at is null;

create table platform.jobs (
  name text primary key,
  interval_seconds integer not null check (interval_seconds > 0),
  next_run_at timestamptz not null default now(),
  locked_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text check (last_status in ('succeeded', 'failed')),
  last_error text,
  run_count integer not null default 0,
  failure_count integer not null default 0
);
