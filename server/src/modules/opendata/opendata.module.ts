import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { CitydxModule, PlatformServices } from '../../platform/module-contract';
import type { NotifyApi } from '../notify';
import { Catalog, type CatalogPlatform } from './catalog/catalog';
import { groupActions } from './ckan/actions/group.actions';
import { organizationActions } from './ckan/actions/organization.actions';
import { packageActions } from './ckan/actions/package.actions';
import { resourceActions } from './ckan/actions/resource.actions';
import { siteActions } from './ckan/actions/site.actions';
import type { CkanAction } from './ckan/ckan-action';
import { MAX_UPLOAD_BYTES } from './ckan/ckan-request';
import type { CatalogAccess, DatastoreHooks } from './contracts';
import { createDatastore, type Datastore } from './datastore';
import { createHarvest } from './harvest/harvest.part';
import { loadOpendataDemo } from './opendata.demo';
import { opendataErrors } from './opendata.errors';
import { publicApi } from './opendata.public';
import { portalRoutes } from './portal/portal.routes';
import { createSmsQueries } from './sms/sms.part';
import { UsageCounter } from './portal/usage.repo';

/** What the DataStore contributes: its actions, the hooks the catalog calls, routes and jobs. */
export interface DatastoreParts {
  readonly actions: CkanAction[];
  readonly hooks: DatastoreHooks;
  readonly plugin?: FastifyPluginAsync;
  readonly jobs?: JobDefinition[];
  /** Rows of a public table matching some words (SMS/Zalo answers); absent in stand-ins. */
  readonly lookup?: Datastore['lookup'];
}

export type DatastoreFactory = (access: CatalogAccess) => DatastoreParts;

/** What the module needs from the kernel: the catalog's services, plus the DataStore's. */
export type OpendataPlatform = CatalogPlatform & Pick<PlatformServices, 'database' | 'jobs'>;

export interface OpendataOptions {
  /** notify's inbound router, for questions by SMS and Zalo ("DL dân số Hải Châu"). */
  readonly inbound?: Pick<NotifyApi, 'registerInboundKeyword'>;
  /** Replaces the DataStore (tests use a stand-in); default: the real one over the platform database. */
  readonly datastore?: DatastoreFactory;
  /** Largest resource upload; default 100 MiB (CKAN's ckan.max_resource_size). Tests lower it. */
  readonly maxUploadBytes?: number;
}

/** What other modules may ask of `opendata`. */
export interface OpendataApi {
  /** Who may read or change which resource's data (the catalog's privacy rules). */
  readonly catalogAccess: CatalogAccess;
  /** Public, active datasets. */
  datasetCount(): Promise<number>;
  /** Every CKAN action served, the DataStore's included (for docs and the access test). */
  readonly ckanActions: readonly { readonly name: string; readonly sideEffectFree: boolean }[];
}

function modulePlugin(
  catalog: Catalog,
  actions: readonly CkanAction[],
  usage: UsageCounter,
  audit: CatalogPlatform['audit'],
  options: OpendataOptions,
  datastore: DatastoreParts,
  harvestPlugin: FastifyPluginAsync,
  smsPlugin: FastifyPluginAsync,
): FastifyPluginAsync {
  return async (app) => {
    await app.register(publicApi, {
      catalog,
      actions: () => actions,
      usage,
      maxUploadBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES,
      ...(datastore.plugin ? { datastorePlugin: datastore.plugin } : {}),
    });
    await app.register(portalRoutes, { prefix: '/api/v1/opendata', catalog, usage, audit });
    await app.register(harvestPlugin, { prefix: '/api/v1/opendata/harvest' });
    await app.register(smsPlugin);
  };
}

/** The catalog's CKAN actions, then the DataStore's. */
function allActions(catalog: Catalog, db: CatalogPlatform['db'], datastore: DatastoreParts): CkanAction[] {
  const actions: CkanAction[] = [
    ...packageActions(catalog),
    ...resourceActions(catalog),
    ...organizationActions(catalog),
    ...groupActions(catalog),
    ...siteActions(catalog, db, () => actions),
    ...datastore.actions,
  ];
  return actions;
}

/** The DataStore over the platform's database; it loads files in this process when background work runs here. */
function platformDatastore(platform: OpendataPlatform): DatastoreFactory {
  return (access) =>
    createDatastore({
      db: platform.db,
      database: platform.database,
      blobs: platform.blobs,
      jobs: platform.config?.jobsEnabled ? platform.jobs : undefined,
      logger: platform.logger,
      access,
    });
}

/**
 * The open data module: the catalog (CKAN datasets, resources, organisations = agencies, topic
 * groups), CKAN's Action API v3, PostgreSQL full-text search, DCAT-AP 3 documents and the portal's
 * /api/v1/opendata routes. Mounted at the root (prefix '') because CKAN and DCAT paths are.
 */
export function createOpendataModule(
  platform: OpendataPlatform,
  options: OpendataOptions = {},
): CitydxModule<OpendataApi> {
  const catalog = new Catalog(platform);
  const catalogAccess = catalog.access();
  const datastore = (options.datastore ?? platformDatastore(platform))(catalogAccess);
  catalog.connectDatastore(datastore.hooks);
  const usage = new UsageCounter(platform.db);
  const actions = allActions(catalog, platform.db, datastore);
  const datasetCount = async () =>
    [...(await catalog.datasets.repo.countsByOrg(false)).values()].reduce((a, b) => a + b, 0);

  const harvest = createHarvest({ catalog, db: platform.db, audit: platform.audit, logger: platform.logger });
  const sms = createSmsQueries({
    catalog,
    db: platform.db,
    audit: platform.audit,
    access: catalogAccess,
    lookup: datastore.lookup ?? (async () => undefined),
    ...(options.inbound ? { inbound: options.inbound } : {}),
  });
  const plugin = modulePlugin(
    catalog,
    actions,
    usage,
    platform.audit,
    options,
    datastore,
    harvest.plugin,
    sms.plugin,
  );
  return {
    name: 'opendata',
    prefix: '',
    plugin,
    migrations: { owner: 'opendata', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
    errors: { ...opendataErrors, ...harvest.errors },
    api: { catalogAccess, datasetCount, ckanActions: actions },
    jobs: [...(datastore.jobs ?? []), ...harvest.jobs],
    async loadDemo() {
      await loadOpendataDemo(catalog, platform.logger);
      await sms.loadDemo();
    },
    async figures() {
      return [
        {
          key: 'openDatasets',
          label: { vi: 'Bộ dữ liệu mở', en: 'Open datasets' },
          count: await datasetCount(),
          href: '/data',
        },
      ];
    },
  };
}
