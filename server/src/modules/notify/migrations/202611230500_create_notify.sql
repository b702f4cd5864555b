-- Outbound messages (the outbox), their delivery attempts, recipients' opt-outs and the inbound SMS and
-- Zalo messages that citizens send to the city.
create schema if not exists notify;

create table notify.messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('email', 'sms', 'zalo', 'web')),
  -- Normalised: lower-case e-mail, E.164 phone (+84…), Zalo user id (digits), or a web user id.
  address text not null check (length(address) between 1 and 320),
  recipient_name text,
  locale text not null check (locale in ('vi', 'en')),
  template text not null,
  topic text not null,
  -- Rendered when the caller's transaction committed: the log shows exactly what was (to be) sent.
  subject text,
  body text not null,
  sms_segments integer check (sms_segments > 0),
  opt_out_url text,
  -- Who the message is about (another module's row, referred to by value: no cross-schema keys).
  reference_type text,
  reference_id text,
  idempotency_key text unique,
  status text not null default 'queued'
    check (status in ('queued', 'sending', 'sent', 'failed', 'suppressed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  -- While status = 'sending': until when the claiming process owns the message, and its claim.
  lease_until timestamptz,
  claim_token uuid,
  provider text,
  provider_message_id text,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz
);
create index messages_due_idx on notify.messages (next_attempt_at) where status = 'queued';
create index messages_lease_idx on notify.messages (lease_until) where status = 'sending';
create index messages_created_idx on notify.messages (created_at desc);
create index messages_reference_idx on notify.messages (reference_type, reference_id);
create index messages_search_idx on notify.messages
  using gin (platform.search_key(address || ' ' || coalesce(subject, '') || ' ' || body) gin_trgm_ops);

create table notify.delivery_attempts (
  id bigint generated always as identity primary key,
  message_id uuid not null references notify.messages (id) on delete cascade,
  attempt integer not null check (attempt > 0),
  claim_token uuid not null,
  provider text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  -- null while the attempt runs; 'abandoned' when its process died and the lease expired.
  outcome text check (outcome in ('sent', 'retry', 'failed', 'suppressed', 'abandoned')),
  provider_message_id text,
  error text
);
create index delivery_attempts_message_idx on notify.delivery_attempts (message_id, attempt);

-- One row per address ever written to: the language last used and the token of its opt-out link.
create table notify.recipients (
  channel text not null check (channel in ('email', 'sms', 'zalo', 'web')),
  address text not null,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  -- Random 256 bits; it only lets its holder stop messages to this address, so it is kept as is (the
  -- link in each e-mail must carry it).
  opt_out_token text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (channel, address)
);

-- topic '*' stops every topic on the channel.
create table notify.opt_outs (
  channel text not null check (channel in ('email', 'sms', 'zalo', 'web')),
  address text not null,
  topic text not null,
  source text not null check (source in ('keyword', 'link', 'staff')),
  created_at timestamptz not null default now(),
  primary key (channel, address, topic)
);

create table notify.inbound_messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms', 'zalo')),
  sender text not null,
  text text not null default '',
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  attachments jsonb not null default '[]'::jsonb,
  received_at timestamptz not null,
  -- The provider's message id, or a hash of the signed body: a webhook delivered twice is stored once.
  dedupe_key text not null,
  keyword text,
  handled_by text check (handled_by in ('keyword', 'fallback', 'help', 'error')),
  reply_message_id uuid references notify.messages (id),
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  unique (channel, dedupe_key),
  check ((latitude is null) = (longitude is null))
);
create index inbound_messages_created_idx on notify.inbound_messages (created_at desc);
create index inbound_messages_sender_idx on notify.inbound_messages (channel, sender);
