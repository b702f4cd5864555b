import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { CitydxModule } from '../../platform/module-contract';
import { Catalog, type CatalogPlatform } from './catalog/catalog';
import { groupActions } from './ckan/actions/group.actions';
import { organizationActions } from './ckan/actions/organization.actions';
import { packageActions } from './ckan/actions/package.actions';
import { resourceActions } from './ckan/actions/resource.actions';
import { siteActions } from './ckan/actions/site.actions';
import type { CkanAction } from './ckan/ckan-action';
import { MAX_UPLOAD_BYTES } from './ckan/ckan-request';
import type { CatalogAccess, DatastoreHooks } from './contracts';
import { loadOpendataDemo } from './opendata.demo';
import { opendataErrors } from './opendata.errors';
import { publicApi } from './opendata.public';
import { portalRoutes } from './portal/portal.routes';
import { UsageCounter } from './portal/usage.repo';

/** What the DataStore contributes: its actions, the hooks the catalog calls, routes and jobs. */
export interface DatastoreParts {
  readonly actions: CkanAction[];
  readonly hooks: DatastoreHooks;
  readonly plugin?: FastifyPluginAsync;
  readonly jobs?: JobDefinition[];
}

export type DatastoreFactory = (access: CatalogAccess) => DatastoreParts;

export interface OpendataOptions {
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
  datastore: DatastoreParts | undefined,
): FastifyPluginAsync {
  return async (app) => {
    await app.register(publicApi, {
      catalog,
      actions: () => actions,
      usage,
      maxUploadBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES,
      ...(datastore?.plugin ? { datastorePlugin: datastore.plugin } : {}),
    });
    await app.register(portalRoutes, { prefix: '/api/v1/opendata', catalog, usage, audit });
  };
}

/** The catalog's CKAN actions, then the DataStore's. */
function allActions(
  catalog: Catalog,
  db: CatalogPlatform['db'],
  datastore: DatastoreParts | undefined,
): CkanAction[] {
  const actions: CkanAction[] = [
    ...packageActions(catalog),
    ...resourceActions(catalog),
    ...organizationActions(catalog),
    ...groupActions(catalog),
    ...siteActions(catalog, db, () => actions),
    ...(datastore?.actions ?? []),
  ];
  return actions;
}

/**
 * The open data module: the catalog (CKAN datasets, resources, organisations = agencies, topic
 * groups), CKAN's Action API v3, PostgreSQL full-text search, DCAT-AP 3 documents and the portal's
 * /api/v1/opendata routes. Mounted at the root (prefix '') because CKAN and DCAT paths are.
 */
export function createOpendataModule(
  platform: CatalogPlatform,
  options: OpendataOptions = {},
): CitydxModule<OpendataApi> {
  const catalog = new Catalog(platform);
  const catalogAccess = catalog.access();
  const datastore = options.datastore?.(catalogAccess);
  if (datastore) catalog.connectDatastore(datastore.hooks);
  const usage = new UsageCounter(platform.db);
  const actions = allActions(catalog, platform.db, datastore);
  const datasetCount = async () =>
    [...(await catalog.datasets.repo.countsByOrg(false)).values()].reduce((a, b) => a + b, 0);

  const plugin = modulePlugin(catalog, actions, usage, platform.audit, options, datastore);
  return {
    name: 'opendata',
    prefix: '',
    plugin,
    migrations: { owner: 'opendata', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
    errors: opendataErrors,
    api: { catalogAccess, datasetCount, ckanActions: actions },
    jobs: datastore?.jobs ?? [],
    async loadDemo() {
      await loadOpendataDemo(catalog, platform.logger);
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
