import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Database, Db } from '../../../platform/db/database';
import type { BlobStore } from '../../../platform/files/blob-store';
import type { JobDefinition, JobScheduler } from '../../../platform/jobs/scheduler';
import type { CkanAction } from '../ckan/ckan-action';
import type { CatalogAccess, DatastoreHooks } from '../contracts';
import { DatastoreGuards } from './actions/guards';
import { DatastoreLoader } from './ingest/loader';
import { defaultLoadTuning, type LoadTuning } from './ingest/load-run';
import { LoadsRepo } from './ingest/loads.repo';
import { loadsRoutes } from './ingest/loads.routes';
import { tabularFormat } from './ingest/sources';
import { infoAction } from './read/info.action';
import { lookupRows, type LookupRequest, type LookupRow } from './read/lookup';
import { searchAction } from './read/search.action';
import { isResourceId } from './schema/identifiers';
import { TablesRepo } from './schema/tables.repo';
import { searchSqlAction, type SearchSqlLimits } from './sql/search-sql.action';
import { createAction } from './write/create.action';
import { deleteAction, dropResourceTable } from './write/delete.action';
import { upsertAction } from './write/upsert.action';

export interface DatastoreDeps {
  readonly db: Db;
  readonly database: Database;
  readonly blobs: BlobStore;
  /** Given when background work runs in this process: a stored file then starts loading at once. */
  readonly jobs?: JobScheduler;
  readonly logger: FastifyBaseLogger;
  readonly access: CatalogAccess;
  /** Thresholds for tests and benchmarks; production uses the defaults. */
  readonly tuning?: Partial<
    LoadTuning & SearchSqlLimits & { loaderIntervalSeconds: number; maxUnfilteredTextScanRows: number }
  >;
}

export interface Datastore {
  readonly actions: CkanAction[];
  readonly hooks: DatastoreHooks;
  /** Routes for /api/v1/opendata/datastore/*: load progress and load problems. */
  readonly plugin: FastifyPluginAsync;
  readonly jobs: JobDefinition[];
  /** Rows of a public table matching some words, for short answers (SMS/Zalo). */
  lookup(request: LookupRequest): Promise<LookupRow[] | undefined>;
  /** Waits for a load running in the background of this process (on shutdown, in tests). */
  idle(): Promise<void>;
}

interface Parts {
  readonly deps: DatastoreDeps;
  readonly tables: TablesRepo;
  readonly loads: LoadsRepo;
  readonly guards: DatastoreGuards;
}

// Thresholds that depend on the engine, read when first needed (the database may not exist yet when the
// module is created, e.g. to list migrations). PGlite cannot cancel a running statement, so these caps are
// what bound a query's time there.
function searchSqlLimits({ deps }: Parts): SearchSqlLimits {
  const pglite = deps.database.kind === 'pglite';
  return {
    timeoutMs: deps.tuning?.timeoutMs ?? 10_000,
    maxCost: deps.tuning?.maxCost ?? (pglite ? 250_000 : 10_000_000),
  };
}

function maxUnfilteredTextScanRows({ deps }: Parts): number {
  return (
    deps.tuning?.maxUnfilteredTextScanRows ??
    (deps.database.kind === 'pglite' ? 200_000 : Number.POSITIVE_INFINITY)
  );
}

function createActions(parts: Parts): CkanAction[] {
  const { deps, tables, guards } = parts;
  return [
    createAction(deps.db, guards, tables),
    upsertAction(deps.db, guards, tables),
    deleteAction(deps.db, guards, tables),
    infoAction(deps.db, guards),
    searchAction({
      db: deps.db,
      guards,
      access: deps.access,
      tables,
      get maxUnfilteredTextScanRows() {
        return maxUnfilteredTextScanRows(parts);
      },
    }),
    searchSqlAction({
      db: deps.db,
      access: deps.access,
      raw: deps.database,
      get limits() {
        return searchSqlLimits(parts);
      },
    }),
  ];
}

function createHooks({ deps, tables, loads }: Parts, loader: DatastoreLoader): DatastoreHooks {
  const wake = () => {
    if (!deps.jobs) return;
    loader.drain().catch((error: unknown) => deps.logger.error({ err: error }, 'datastore loads failed'));
  };
  return {
    async resourceFileStored(resource) {
      if (!isResourceId(resource.id) || !tabularFormat(resource.format, resource.mimeType)) return;
      await loads.enqueue({
        id: resource.id,
        blobKey: resource.blobKey,
        format: resource.format,
        mimeType: resource.mimeType,
      });
      wake();
    },
    activeResourceIds: (resourceIds) => tables.existing(resourceIds.filter(isResourceId)),
    async resourceDeleted(resourceId) {
      if (!isResourceId(resourceId)) return;
      await loads.cancelForResource(deps.db, resourceId);
      await dropResourceTable(deps.db, tables, resourceId);
    },
  };
}

/**
 * The DataStore (CKAN's tabular data API): one table per resource in schema opendata_datastore, loaded
 * in the background from CSV, XLSX or JSON files, searched through the CKAN actions datastore_*.
 */
export function createDatastore(deps: DatastoreDeps): Datastore {
  const tables = new TablesRepo(deps.db);
  const loads = new LoadsRepo(deps.db);
  const parts: Parts = { deps, tables, loads, guards: new DatastoreGuards(deps.access, tables) };
  const loader = new DatastoreLoader({
    db: deps.db,
    get kind() {
      return deps.database.kind;
    },
    raw: deps.database,
    blobs: deps.blobs,
    logger: deps.logger,
    tables,
    loads,
    tuning: { ...defaultLoadTuning, ...deps.tuning },
  });
  return {
    actions: createActions(parts),
    hooks: createHooks(parts, loader),
    plugin: async (app) => {
      await app.register(loadsRoutes, { loads, access: deps.access });
    },
    jobs: [loader.job(deps.tuning?.loaderIntervalSeconds ?? 5)],
    lookup: (request) => lookupRows({ db: deps.db, tables, access: deps.access }, request),
    idle: () => loader.idle(),
  };
}
