-- The DataStore: tabular data of catalogue resources, one PostgreSQL table per resource.
-- The data tables live in their own schema, opendata_datastore, and nothing else does: datastore_search_sql
-- runs with search_path = opendata_datastore and may read only tables there (docs/adr/0005-datastore-schema.md).
-- The bookkeeping (data dictionary, cached row counts, the load queue) stays in the module's schema.
create schema if not exists opendata;
create schema if not exists opendata_datastore;

-- One row per DataStore table. resource_id is the catalogue resource id (by value: no cross-table key).
create table opendata.datastore_tables (
  resource_id text primary key check (resource_id ~ '^[A-Za-z0-9_-]{1,63}$'),
  -- The data dictionary: [{"id","type","info":{"label","notes","type_override"}}], in column order, without _id.
  fields jsonb not null default '[]',
  primary_key text[] not null default '{}',
  -- Cached so that an unfiltered datastore_search answers its total without count(*) (CKAN PR #9260).
  row_count bigint not null default 0 check (row_count >= 0),
  -- Bumped by every write: a cache key for anything derived from the table's content.
  version bigint not null default 1,
  -- 'api' for tables made by datastore_create, 'load' for tables made from an uploaded file.
  origin text not null default 'api' check (origin in ('api', 'load')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The ingestion queue: one row per file handed to the DataStore. Workers in any process claim queued rows
-- with FOR UPDATE SKIP LOCKED and hold a lease they renew while they work; a row whose lease expired
-- belonged to a crashed worker and is queued again (up to max attempts).
create table opendata.datastore_loads (
  id uuid primary key default gen_random_uuid(),
  resource_id text not null check (resource_id ~ '^[A-Za-z0-9_-]{1,63}$'),
  blob_key text not null,
  format text not null,
  mime_type text not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'superseded')),
  phase text check (phase in ('reading', 'indexing')),
  attempts integer not null default 0,
  lease_token uuid,
  locked_until timestamptz,
  bytes_total bigint,
  bytes_done bigint not null default 0,
  rows_done bigint not null default 0,
  encoding text,
  -- The inferred data dictionary, kept for the report even when the load fails.
  fields jsonb,
  -- The first problems found, [{"line","field","code","params"}]; error_count counts them all.
  errors jsonb not null default '[]',
  error_count integer not null default 0,
  message text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  -- When the new version replaced the old one (readers see it from then on; indexes may follow).
  swapped_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index datastore_loads_resource_idx on opendata.datastore_loads (resource_id, created_at desc);
create index datastore_loads_pending_idx on opendata.datastore_loads (created_at)
  where status in ('queued', 'running');
