import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { createModules, type CitydxApp } from '../../app';
import { buildTestApp, type TestApp } from '../../../test/app';
import { createTestDatabase } from '../../../test/database';
import { AgenciesService } from '../../platform/agencies/agencies.service';
import { agenciesRoutes } from '../../platform/agencies/agencies.routes';
import { AuditLog } from '../../platform/audit/audit';
import { installAuthHooks } from '../../platform/auth/auth.hooks';
import { AuthService } from '../../platform/auth/auth.service';
import { UsersService } from '../../platform/auth/users.service';
import { loadConfig } from '../../platform/config';
import { migrate } from '../../platform/db/migrator';
import { EventBus } from '../../platform/events/outbox';
import { createBlobStore } from '../../platform/files/create-blob-store';
import { platformErrorHandler } from '../../platform/http/error-handler';
import { installOpenApi } from '../../platform/http/openapi';
import { installValidation } from '../../platform/http/validation';
import { installWebApp } from '../../platform/http/web-app';
import { JobScheduler } from '../../platform/jobs/scheduler';
import { createOpendataModule, type OpendataOptions } from './opendata.module';

/**
 * Test app with the opendata module. Once app.ts mounts the module this is buildTestApp(); until
 * then it builds the kernel the way app.ts does and mounts the module on it (delete this fallback
 * when the wiring lands). `options` force the fallback (a DataStore stand-in, a small upload limit).
 */
export async function buildOpendataTestApp(
  env: Record<string, string> = {},
  options: OpendataOptions = {},
): Promise<TestApp> {
  const wired = createModules().some((module) => module.name === 'opendata');
  if (wired && !options.datastore && !options.maxUploadBytes) return buildTestApp(env);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-opendata-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    ...env,
  });
  const database = await createTestDatabase();
  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimitBytes,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
  const db = database.db;
  const audit = new AuditLog(db);
  const auth = new AuthService(db, audit, config.auth);
  const users = new UsersService(db, audit);
  const agencies = new AgenciesService(db, audit);
  const platform = {
    config,
    database,
    db,
    logger: app.log,
    audit,
    agencies,
    auth,
    users,
    events: new EventBus(db, app.log, config.outboxPollMs),
    jobs: new JobScheduler(db, app.log),
    blobs: createBlobStore(config.blobs),
  };
  const module = createOpendataModule(platform, options);
  if (!wired) await migrate(db, [module.migrations]);
  installValidation(app);
  app.setErrorHandler(platformErrorHandler);
  await app.register(cookie);
  const routes = installAuthHooks(app, auth);
  await installOpenApi(app, { version: 'test', publicUrl: config.publicUrl });
  await app.register(agenciesRoutes, { prefix: '/api/v1/agencies', agencies });
  await app.register(module.plugin, { prefix: module.prefix });
  await installWebApp(app, config.webDistDir);
  await app.ready();
  const citydx = {
    app,
    platform,
    modules: [module],
    routes,
    startBackground: async () => undefined,
    close: () => app.close(),
  };
  return {
    citydx: citydx as unknown as CitydxApp,
    database,
    async close() {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
