import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { JobDefinition } from '../../../platform/jobs/scheduler';
import type { Catalog } from '../catalog/catalog';
import { CatalogMirror } from './catalog-mirror';
import { defaultFetchLimits, type FetchLimits } from './fetch-limited';
import { harvestErrors } from './harvest.errors';
import { HarvestRepo } from './harvest.repo';
import { harvestRoutes } from './harvest.routes';
import { HarvestService } from './harvest.service';
import { HarvestRunner } from './harvest-runner';
import { sourceReaders } from './readers';

export interface HarvestDeps {
  readonly catalog: Catalog;
  readonly db: Db;
  readonly audit: AuditLog;
  readonly logger: FastifyBaseLogger;
  readonly limits?: FetchLimits;
}

// Sources have their own intervals; the job only looks every minute for those that are due.
const JOB_INTERVAL_SECONDS = 60;

/** Harvesting wired for the module: the /api/v1/opendata/harvest routes, the job, the error catalogue. */
export function createHarvest(deps: HarvestDeps): {
  service: HarvestService;
  plugin: FastifyPluginAsync;
  jobs: JobDefinition[];
  errors: typeof harvestErrors;
} {
  const repo = new HarvestRepo(deps.db);
  const mirror = new CatalogMirror(deps.catalog);
  const runner = new HarvestRunner(
    repo,
    mirror,
    sourceReaders(deps.limits ?? defaultFetchLimits),
    deps.logger,
  );
  const service = new HarvestService(
    deps.db,
    deps.audit,
    repo,
    runner,
    mirror,
    deps.catalog.orgs,
    deps.logger,
  );
  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(harvestRoutes, { harvest: service });
  };
  const job: JobDefinition = {
    name: 'opendata.harvest',
    intervalSeconds: JOB_INTERVAL_SECONDS,
    run: async () => {
      await service.runDue();
    },
  };
  return { service, plugin, jobs: [job], errors: harvestErrors };
}
