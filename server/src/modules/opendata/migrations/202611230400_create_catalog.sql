-- The open data catalog (CKAN's datasets, resources, tags, groups, licences) and its usage counters.
-- Organisations are the kernel's agencies: datasets refer to platform.agencies.id by value (owner_org),
-- with no cross-schema key; the organisation's title is copied into org_title for full-text search.
create schema if not exists opendata;

create table opendata.licenses (
  id text primary key,
  title text not null,
  url text,
  is_open boolean not null,
  position integer not null
);
insert into opendata.licenses (id, title, url, is_open, position) values
  ('cc-by-4.0', 'Creative Commons Attribution 4.0', 'https://creativecommons.org/licenses/by/4.0/', true, 1),
  ('cc0-1.0', 'Creative Commons CCZero 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/', true, 2),
  ('odc-odbl', 'Open Data Commons Open Database License (ODbL)', 'https://opendatacommons.org/licenses/odbl/1-0/', true, 3),
  ('cc-by-sa-4.0', 'Creative Commons Attribution Share-Alike 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/', true, 4),
  ('other-closed', 'Other (Not Open)', null, false, 5);

create table opendata.groups (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
  title text not null,
  title_en text,
  description text,
  description_en text,
  image_url text,
  state text not null default 'active' check (state in ('active', 'deleted')),
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);

create table opendata.datasets (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
  title text not null default '',
  title_en text,
  notes text,
  notes_en text,
  owner_org uuid not null,
  org_title text not null default '',
  license_id text references opendata.licenses (id),
  private boolean not null default false,
  state text not null default 'active' check (state in ('draft', 'active', 'deleted')),
  author text,
  author_email text,
  maintainer text,
  maintainer_email text,
  url text,
  version text,
  frequency text,
  temporal_start date,
  temporal_end date,
  spatial_coverage text,
  is_sample boolean not null default false,
  creator_user_id uuid,
  -- Tag names and resource names, kept current by the repository for the search vector below.
  tags_text text not null default '',
  resources_text text not null default '',
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  check (temporal_start is null or temporal_end is null or temporal_start <= temporal_end),
  -- Accent-free words (platform.search_key) with the 'simple' configuration: no stemming, so Vietnamese
  -- syllables match as typed, with or without diacritics. Title ranks first, then tags and the
  -- organisation, then descriptions and resource names.
  search_vector tsvector generated always as (
    setweight(to_tsvector('simple'::regconfig, platform.search_key(title || ' ' || coalesce(title_en, ''))), 'A') ||
    setweight(to_tsvector('simple'::regconfig, platform.search_key(tags_text || ' ' || org_title)), 'B') ||
    setweight(to_tsvector('simple'::regconfig,
      platform.search_key(coalesce(notes, '') || ' ' || coalesce(notes_en, '') || ' ' || resources_text)), 'C')
  ) stored
);
create index datasets_search_idx on opendata.datasets using gin (search_vector);
create index datasets_title_trgm_idx on opendata.datasets using gin (platform.search_key(title) gin_trgm_ops);
create index datasets_owner_idx on opendata.datasets (owner_org);
create index datasets_modified_idx on opendata.datasets (modified_at desc);

create table opendata.tags (
  id uuid primary key default gen_random_uuid(),
  name text not null unique
);

create table opendata.dataset_tags (
  dataset_id uuid not null references opendata.datasets (id) on delete cascade,
  tag_id uuid not null references opendata.tags (id) on delete cascade,
  primary key (dataset_id, tag_id)
);
create index dataset_tags_tag_idx on opendata.dataset_tags (tag_id);

create table opendata.dataset_groups (
  dataset_id uuid not null references opendata.datasets (id) on delete cascade,
  group_id uuid not null references opendata.groups (id) on delete cascade,
  primary key (dataset_id, group_id)
);
create index dataset_groups_group_idx on opendata.dataset_groups (group_id);

create table opendata.dataset_extras (
  dataset_id uuid not null references opendata.datasets (id) on delete cascade,
  key text not null,
  value text not null,
  primary key (dataset_id, key)
);

create table opendata.resources (
  id uuid primary key default gen_random_uuid(),
  dataset_id uuid not null references opendata.datasets (id) on delete cascade,
  name text,
  description text,
  -- For uploads: the file name only; the download URL is built from PUBLIC_URL when presented.
  url text not null default '',
  url_type text check (url_type is null or url_type = 'upload'),
  format text not null default '',
  mimetype text,
  size bigint check (size is null or size >= 0),
  hash text not null default '',
  blob_key text,
  position integer not null,
  state text not null default 'active' check (state in ('active', 'deleted')),
  created_at timestamptz not null default now(),
  last_modified timestamptz,
  modified_at timestamptz not null default now()
);
create index resources_dataset_idx on opendata.resources (dataset_id, position);

-- CKAN API calls and resource downloads per day (subject: '' for API calls, the resource id for downloads).
create table opendata.usage_counters (
  day date not null,
  metric text not null check (metric in ('api_call', 'download')),
  subject text not null default '',
  count bigint not null default 0,
  primary key (day, metric, subject)
);
