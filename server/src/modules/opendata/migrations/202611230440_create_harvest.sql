-- Harvesting (issue #4): other portals' catalogs (CKAN Action API or DCAT documents) mirrored into this
-- one. Mirrored datasets are ordinary catalog datasets written through the catalog's services; these
-- tables only remember where each came from, what it looked like last time, and every run's report.
create schema if not exists opendata;

create table opendata.harvest_sources (
  id uuid primary key default gen_random_uuid(),
  -- A CKAN-style name: it becomes the `harvest_source` extra and a suffix for clashing dataset names.
  name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
  title text not null default '',
  source_type text not null check (source_type in ('ckan', 'dcat')),
  url text not null check (url ~* '^https?://'),
  -- The kernel agency that owns the mirrored datasets (by id: no key across schemas).
  owner_org uuid not null,
  -- Only this organisation of the source (CKAN organization name, or the DCAT publisher).
  source_organization text,
  interval_minutes integer not null default 1440 check (interval_minutes between 5 and 525600),
  active boolean not null default true,
  next_run_at timestamptz not null default now(),
  -- Held while a run is in progress (renewed as it works); an expired lease means its process died.
  locked_until timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index harvest_sources_due on opendata.harvest_sources (next_run_at) where active;

create table opendata.harvest_runs (
  id uuid primary key default gen_random_uuid(),
  source_id uuid not null references opendata.harvest_sources (id) on delete cascade,
  trigger text not null check (trigger in ('schedule', 'manual')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'partial', 'failed')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  created integer not null default 0,
  updated integer not null default 0,
  deleted integer not null default 0,
  unchanged integer not null default 0,
  failed integer not null default 0,
  -- Why the whole run failed (source unreachable, malformed document); per-dataset problems are in errors.
  error text,
  -- [{"remoteId", "title", "message"}], capped by the runner.
  errors jsonb not null default '[]'
);
create index harvest_runs_by_source on opendata.harvest_runs (source_id, started_at desc);

-- Which local dataset mirrors which dataset of a source, and the hash of what was last applied.
create table opendata.harvest_objects (
  source_id uuid not null references opendata.harvest_sources (id) on delete cascade,
  remote_id text not null,
  dataset_id uuid not null unique references opendata.datasets (id),
  -- Null once the dataset left the source: it is applied again should it come back.
  content_hash text,
  remote_url text,
  harvested_at timestamptz not null default now(),
  primary key (source_id, remote_id)
);
