-- Administrative units (province > district > ward/commune), effective-dated: one row is one version
-- of a unit, valid from valid_from to valid_to inclusive (null = still valid). The same official code
-- can name different units at different dates (after 1 July 2025 many GSO ward codes were reused for
-- the merged wards), so a unit is identified by (code, valid_from) and looked up by (code, date).
-- parent_code names the parent by code; it resolves to the parent valid at the same date.
create table platform.admin_units (
  id uuid primary key default gen_random_uuid(),
  code text not null check (length(code) between 1 and 20),
  name_vi text not null,
  name_en text,
  level text not null check (level in ('province', 'district', 'ward', 'commune', 'township', 'special_zone')),
  parent_code text,
  valid_from date not null,
  valid_to date,
  centroid_lat double precision check (centroid_lat between -90 and 90),
  centroid_lon double precision check (centroid_lon between -180 and 180),
  -- A GeoJSON Polygon or MultiPolygon ([lon, lat] positions, RFC 7946) when a citable source has one.
  geometry jsonb check (geometry is null or geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
  -- Where the row's facts come from (see docs/data-sources/admin-units-and-agencies.md).
  source text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (code, valid_from),
  check (valid_to is null or valid_to >= valid_from),
  check ((centroid_lat is null) = (centroid_lon is null))
);

-- "Units valid at date D" filters on both ends of the validity range.
create index admin_units_validity_idx on platform.admin_units (valid_from, valid_to);
create index admin_units_parent_idx on platform.admin_units (parent_code, valid_from);
create index admin_units_level_idx on platform.admin_units (level, valid_from);
-- Diacritic-free name search ("hai chau" finds "Phường Hải Châu", "da nang" finds "Đà Nẵng").
create index admin_units_name_search_idx on platform.admin_units using gin (platform.search_key(name_vi) gin_trgm_ops);
