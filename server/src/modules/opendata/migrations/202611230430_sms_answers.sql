-- Answers to SMS/Zalo questions from a DataStore table: "DL dân số Hải Châu" picks the answer whose topic
-- words ("dan so") occur in the question, then looks the remaining words up in match_field and replies
-- with value_field of the matching rows.
create table opendata.sms_answers (
  id uuid primary key default gen_random_uuid(),
  -- Words that select this answer, folded (no diacritics, lower case, single spaces): "dan so".
  topic text not null unique check (topic <> '' and topic = lower(topic)),
  resource_id uuid not null references opendata.resources (id) on delete cascade,
  match_field text not null,
  value_field text not null,
  unit text,
  label text not null,
  label_en text,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);
