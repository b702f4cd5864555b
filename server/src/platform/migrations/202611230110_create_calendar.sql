-- Yearly government decisions that override the computed working-day calendar, one row per day.
-- The statutory holidays (Labour Code 2019 art. 112) are computed in code (platform/calendar); this
-- table holds what the Prime Minister and the Ministry of Home Affairs decide each year: the exact
-- Tết days, the second National Day, swapped working days. Editable by system administrators.
create table platform.calendar_decisions (
  day date primary key,
  -- day_off: a holiday, compensatory or swapped day off.
  -- working_day: a swapped working Saturday, or a computed day off that the decision cancels.
  kind text not null check (kind in ('day_off', 'working_day')),
  name_vi text not null check (length(btrim(name_vi)) > 0),
  name_en text,
  -- The decision that makes it so, e.g. 'Thông báo 9441/TB-BNV ngày 16/10/2025'. Required: a
  -- deadline that moves must be traceable to a legal act.
  legal_basis text not null check (length(btrim(legal_basis)) > 0),
  source_url text check (source_url is null or source_url ~ '^https?://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table platform.calendar_decisions is
  'Yearly decisions overriding the computed working-day calendar (see docs/data-sources/calendar.md)';
