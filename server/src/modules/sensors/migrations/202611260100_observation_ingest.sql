-- Ingest throughput (issue #5): the foreign keys of sensors.observations checked every row with its own
-- trigger call and index probe (EXPLAIN ANALYZE of a 1,000-row batch: 7.6 of 13 ms went to the two
-- constraint triggers, 1,000 calls each), although a batch names a handful of datastreams and features.
-- The insert statement (observations.repo.ts, insertObservations) now checks them once per batch: it
-- locks the batch's datastreams and features FOR KEY SHARE until it commits (what the constraint
-- triggers did row by row) and stores only the rows whose both exist, so a concurrent delete either
-- waits for the batch and then removes its rows too, or goes first and the batch refuses those rows.
-- The ON DELETE CASCADE the constraints gave is kept by the statement-level triggers below.
alter table sensors.observations drop constraint observations_datastream_id_fkey;
alter table sensors.observations drop constraint observations_feature_of_interest_id_fkey;

create function sensors.delete_observations_of_datastreams() returns trigger language plpgsql as $$
begin
  delete from sensors.observations o using gone where o.datastream_id = gone.id;
  return null;
end $$;
create trigger datastreams_delete_observations after delete on sensors.datastreams
  referencing old table as gone for each statement execute function sensors.delete_observations_of_datastreams();

create function sensors.delete_observations_of_features() returns trigger language plpgsql as $$
begin
  delete from sensors.observations o using gone where o.feature_of_interest_id = gone.id;
  return null;
end $$;
create trigger features_of_interest_delete_observations after delete on sensors.features_of_interest
  referencing old table as gone for each statement execute function sensors.delete_observations_of_features();
