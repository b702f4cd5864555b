-- Community digital technology teams (Tổ công nghệ số cộng đồng): one per village or residential group.
create schema if not exists program;

create table program.community_teams (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  -- Refers to platform.admin_units.code and platform.agencies.id by value: no cross-schema keys.
  admin_unit_code text,
  agency_id uuid,
  leader_name text,
  contact_phone text,
  member_count integer not null default 0 check (member_count >= 0 and member_count <= 10000),
  established_on date,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  is_sample boolean not null default false,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null))
);
create index community_teams_unit_idx on program.community_teams (admin_unit_code);
create index community_teams_agency_idx on program.community_teams (agency_id);
create index community_teams_name_idx on program.community_teams using gin (platform.search_key(name) gin_trgm_ops);
