/**
 * The DataStore's public door inside the opendata module: opendata.module.ts creates it and wires its
 * actions into the CKAN dispatcher, its hooks into the catalog, its plugin under
 * /api/v1/opendata/datastore and its jobs into the scheduler.
 * @packageDocumentation
 */
export { createDatastore, type Datastore, type DatastoreDeps } from './datastore.module';
export { LOADER_JOB } from './ingest/loader';
export type { LookupRequest, LookupRow } from './read/lookup';
