-- Citizen feedback (phản ánh, kiến nghị): Da Nang's 1022 hub. Reports come in from every channel, are
-- classified, routed to an agency, answered, reviewed, published and rated. See docs/feedback.md.
create schema if not exists feedback;

-- Categories are also the Open311 services (code = service_code). The working-day deadline is per
-- category (QĐ 960/QĐ-UBND: 1 day for emergencies, 3 for urban order, environment and traffic).
create table feedback.categories (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name_vi text not null check (length(name_vi) between 1 and 200),
  name_en text check (length(name_en) <= 200),
  description_vi text check (length(description_vi) <= 2000),
  description_en text check (length(description_en) <= 2000),
  group_code text not null check (length(group_code) between 1 and 60),
  keywords text not null default '' check (length(keywords) <= 500),
  deadline_working_days integer not null check (deadline_working_days between 1 and 60),
  -- Open311 attribute definitions ([{code, datatype, required, description, order, values}]).
  attributes jsonb not null default '[]'::jsonb check (jsonb_typeof(attributes) = 'array'),
  -- How far apart two reports of this category may be and still be suggested as duplicates.
  duplicate_radius_metres integer not null default 200 check (duplicate_radius_metres between 10 and 5000),
  active boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Routing table: category x administrative unit -> agency. A row without a unit is the category's
-- default for every unit that has no row of its own. Refers to platform rows by value (no cross-schema keys).
create table feedback.routes (
  id uuid primary key default gen_random_uuid(),
  category_code text not null references feedback.categories (code) on update cascade on delete cascade,
  admin_unit_code text check (length(admin_unit_code) between 1 and 20),
  agency_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index routes_category_unit_key on feedback.routes (category_code, coalesce(admin_unit_code, '*'));
create index routes_agency_idx on feedback.routes (agency_id);

-- Tracking codes (mã phản ánh) PA-<year>-<number>: one sequence for all years keeps them unique
-- without a per-year counter row that every submission would have to lock.
create sequence feedback.tracking_number_seq;
create function feedback.next_tracking_code(received timestamptz) returns text
  language sql volatile
  as $$
    select 'PA-' || to_char((received at time zone 'UTC') + interval '7 hours', 'YYYY') || '-'
      || lpad(n::text, greatest(6, length(n::text)), '0')
    from (select nextval('feedback.tracking_number_seq') as n) as next_number
  $$;

create table feedback.reports (
  id uuid primary key default gen_random_uuid(),
  tracking_code text not null unique,
  -- Null while an SMS or Zalo message waits for an operator to classify it.
  category_code text references feedback.categories (code) on update cascade,
  status text not null check (status in ('received', 'classified', 'assigned', 'in_progress', 'returned',
    'answered', 'published', 'closed', 'rejected', 'merged', 'reopened')),
  channel text not null check (channel in ('web', 'mobile', 'phone', 'zalo', 'sms', 'email', 'open311')),
  -- Stored exactly as sent (plain text, never HTML); every page escapes it.
  description text not null default '' check (length(description) <= 4000),
  address text check (length(address) <= 500),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  admin_unit_code text,
  -- When the unit was looked up from the map position (a job does it after submission).
  located_at timestamptz,
  agency_id uuid,
  urgent boolean not null default false,
  attributes jsonb not null default '{}'::jsonb,
  -- The reporter: never shown publicly. Phones are stored normalised (0xxxxxxxxx) for caller lookup.
  reporter_name text check (length(reporter_name) <= 200),
  reporter_phone text check (length(reporter_phone) <= 20),
  reporter_email text check (length(reporter_email) <= 254),
  reporter_zalo_id text check (length(reporter_zalo_id) <= 100),
  is_anonymous boolean not null,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  -- Where status changes are sent: the channel the citizen came from.
  notify_channel text check (notify_channel in ('email', 'sms', 'zalo')),
  notify_address text,
  consent_version text,
  -- The channel's own id of the message (Zalo/SMS message id): a retried webhook finds its report.
  external_ref text check (length(external_ref) <= 200),
  submitted_by uuid,
  merged_into_id uuid references feedback.reports (id),
  received_at timestamptz not null default now(),
  classified_at timestamptz,
  assigned_at timestamptz,
  -- Expected answer: from receipt by the category's working days, then the agency's deadline from
  -- assignment (urgent: 1 working day), moved by an approved extension. Overdue is derived from it.
  due_at timestamptz,
  deadline_working_days integer,
  reminded_at timestamptz,
  escalated_at timestamptz,
  extension_days integer check (extension_days between 1 and 60),
  extension_reason text check (length(extension_reason) <= 2000),
  extension_requested_at timestamptz,
  answer text check (length(answer) <= 8000),
  answered_at timestamptz,
  answered_by uuid,
  review_note text check (length(review_note) <= 2000),
  published_at timestamptz,
  closed_at timestamptz,
  -- The latest public explanation of the status (Open311 status_notes).
  status_note text check (length(status_note) <= 2000),
  rejection_reason text check (rejection_reason in ('out_of_scope', 'spam', 'duplicate', 'insufficient_information')),
  rating text check (rating in ('satisfied', 'neutral', 'unsatisfied')),
  rating_comment text check (length(rating_comment) <= 2000),
  rated_at timestamptz,
  reopen_count integer not null default 0,
  follower_count integer not null default 0,
  is_sample boolean not null default false,
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null)),
  check (merged_into_id is null or merged_into_id <> id)
);
-- Open311 GET requests (last 90 days, newest first) and the operators' inbox.
create index reports_received_idx on feedback.reports (received_at desc);
create index reports_category_received_idx on feedback.reports (category_code, received_at desc);
create index reports_status_received_idx on feedback.reports (status, received_at desc);
create index reports_unit_received_idx on feedback.reports (admin_unit_code, received_at desc);
-- Agency queues, the overdue filter and the reminder/escalation jobs.
create index reports_agency_status_idx on feedback.reports (agency_id, status, due_at);
create index reports_open_due_idx on feedback.reports (due_at) where status in ('assigned', 'in_progress');
-- The public board shows published reports only.
create index reports_published_idx on feedback.reports (published_at desc) where published_at is not null;
create index reports_phone_idx on feedback.reports (reporter_phone, received_at desc) where reporter_phone is not null;
create unique index reports_external_ref_key on feedback.reports (channel, external_ref) where external_ref is not null;
create index reports_unlocated_idx on feedback.reports (received_at)
  where latitude is not null and admin_unit_code is null and located_at is null;
create index reports_merged_into_idx on feedback.reports (merged_into_id) where merged_into_id is not null;

-- Every transition and note, append-only and time-ordered (identity id, BRIN on occurred_at).
create table feedback.report_history (
  id bigint generated always as identity primary key,
  report_id uuid not null references feedback.reports (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  action text not null,
  from_status text,
  to_status text not null,
  actor_id uuid,
  actor_label text not null,
  agency_id uuid,
  note text check (length(note) <= 8000),
  -- Shown to the citizen, on the board and in Open311 servicerequestupdates.
  is_public boolean not null default true
);
create index report_history_report_idx on feedback.report_history (report_id, id);
create index report_history_occurred_idx on feedback.report_history using brin (occurred_at);

create table feedback.photos (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references feedback.reports (id) on delete cascade,
  -- 'report': sent by the citizen or operator; 'fix': the agency's photo of the fix.
  kind text not null check (kind in ('report', 'fix')),
  -- The original stays private; the public copy is re-encoded without EXIF (no GPS position).
  original_key text not null,
  public_key text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0),
  width integer,
  height integer,
  uploaded_by uuid,
  created_at timestamptz not null default now()
);
create index photos_report_idx on feedback.photos (report_id, created_at);

-- Citizens who follow a report instead of filing a duplicate; they are told of each status change.
create table feedback.followers (
  report_id uuid not null references feedback.reports (id) on delete cascade,
  channel text not null check (channel in ('email', 'sms', 'zalo')),
  address text not null check (length(address) between 3 and 254),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  created_at timestamptz not null default now(),
  primary key (report_id, channel, address)
);

-- Secrets a citizen holds for their report (SHA-256 only): 'owner' comes with the tracking code
-- (photos, rating); 'rating' travels in the message that carries the published answer.
create table feedback.citizen_tokens (
  token_hash text primary key,
  report_id uuid not null references feedback.reports (id) on delete cascade,
  purpose text not null check (purpose in ('owner', 'rating')),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index citizen_tokens_report_idx on feedback.citizen_tokens (report_id);
