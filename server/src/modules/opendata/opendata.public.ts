import cors from '@fastify/cors';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Catalog } from './catalog/catalog';
import type { CkanAction } from './ckan/ckan-action';
import { ckanRoutes } from './ckan/ckan.routes';
import { dcatRoutes } from './dcat/dcat.routes';
import { downloadRoutes } from './portal/download.routes';
import type { UsageCounter } from './portal/usage.repo';

// The paths browser clients of other sites call: CKAN's API, DCAT documents and file downloads.
const openPaths = [/^\/api\/3(\/|$|\?)/, /^\/api\/action\//, /^\/api(\?|$)/, /^\/catalog\./, /^\/dataset\//];

function corsFor(request: FastifyRequest) {
  if (!openPaths.some((pattern) => pattern.test(request.url))) return { origin: false };
  // Any origin: callers authenticate with an API token header, never with cookies (no credentials).
  return {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'X-CKAN-API-Key', 'Content-Type'],
    maxAge: 86_400,
  };
}

export interface PublicApiOptions {
  readonly catalog: Catalog;
  readonly actions: () => readonly CkanAction[];
  readonly usage: UsageCounter;
  readonly maxUploadBytes: number;
  readonly datastorePlugin?: FastifyPluginAsync;
}

/**
 * Everything other sites and CKAN clients use, with CORS for every origin (CKAN's
 * ckan.cors.origin_allow_all): the Action API, DCAT-AP documents, file downloads and the
 * DataStore's own routes. @fastify/cors answers preflights through an OPTIONS catch-all route; the
 * delegator above keeps it to these paths (elsewhere a preflight is a plain 404).
 */
export const publicApi: FastifyPluginAsync<PublicApiOptions> = async (app, options) => {
  await app.register(cors, {
    delegator: (
      request: FastifyRequest,
      callback: (error: Error | null, options: ReturnType<typeof corsFor>) => void,
    ) => callback(null, corsFor(request)),
  });
  await app.register(ckanRoutes, {
    actions: options.actions(),
    baseUrl: options.catalog.baseUrl,
    usage: options.usage,
    maxUploadBytes: options.maxUploadBytes,
  });
  await app.register(dcatRoutes, { catalog: options.catalog });
  await app.register(downloadRoutes, { catalog: options.catalog, usage: options.usage });
  if (options.datastorePlugin)
    await app.register(options.datastorePlugin, { prefix: '/api/v1/opendata/datastore' });
};
