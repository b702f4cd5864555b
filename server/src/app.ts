import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createFeedbackModule } from './modules/feedback';
import { createNotifyModule } from './modules/notify';
import { createOpendataModule } from './modules/opendata';
import { createProgramModule } from './modules/program';
import { createSensorsModule } from './modules/sensors';
import { AgenciesService } from './platform/agencies/agencies.service';
import { calendarRoutes, WorkingDayCalendar } from './platform/calendar';
import { AdminUnits, adminUnitsRoutes } from './platform/geo';
import { agenciesRoutes } from './platform/agencies/agencies.routes';
import { AuditLog } from './platform/audit/audit';
import { auditRoutes } from './platform/audit/audit.routes';
import { installAuthHooks, type DeclaredRoute } from './platform/auth/auth.hooks';
import { authRoutes } from './platform/auth/auth.routes';
import { AuthService } from './platform/auth/auth.service';
import { UsersService } from './platform/auth/users.service';
import { usersRoutes } from './platform/auth/users.routes';
import type { Config } from './platform/config';
import type { Database } from './platform/db/database';
import { migrate, type MigrationSource } from './platform/db/migrator';
import { EventBus } from './platform/events/outbox';
import { createBlobStore } from './platform/files/create-blob-store';
import { AppError, type ErrorCatalogue } from './platform/http/app-error';
import { platformErrorHandler } from './platform/http/error-handler';
import { installOpenApi } from './platform/http/openapi';
import { platformErrors } from './platform/http/platform.errors';
import { installValidation } from './platform/http/validation';
import { installWebApp } from './platform/http/web-app';
import { JobScheduler } from './platform/jobs/scheduler';
import { createMqtt } from './platform/mqtt';
import { kernelJobs } from './platform/kernel-jobs';
import type { CitydxModule, PlatformServices, ServiceFigure } from './platform/module-contract';
import { healthRoutes } from './platform/observability/health.routes';
import { createMetrics } from './platform/observability/metrics';
import { platformRoutes } from './platform/platform.routes';
import { kernelErrorCatalogues, kernelMigrations } from './platform/kernel-catalogue';
import { version } from './version';
import { feedbackNotifier } from './wiring/feedback-notifier';
import { sensorsNotifier } from './wiring/sensors-notifier';

export interface CitydxApp {
  readonly app: FastifyInstance;
  readonly platform: PlatformServices;
  readonly modules: readonly CitydxModule[];
  /** Every /api route with its declared access rule (the access test walks them all). */
  readonly routes: readonly DeclaredRoute[];
  /** Starts the background work (outbox dispatcher, job scheduler) when JOBS_ENABLED. */
  startBackground(): Promise<void>;
  close(): Promise<void>;
}

/** Every migration folder in the order they apply: the kernel's, then each module's. */
export function allMigrationSources(modules: readonly CitydxModule[]): MigrationSource[] {
  return [...kernelMigrations, ...modules.map((module) => module.migrations)];
}

/** Every error catalogue, for docs/errors.md. */
export function allErrorCatalogues(modules: readonly CitydxModule[]): Record<string, ErrorCatalogue> {
  return {
    ...kernelErrorCatalogues,
    ...Object.fromEntries(modules.map((module) => [module.name, module.errors])),
  };
}

/**
 * Every domain module, in mount order. Called without services it yields modules good only for
 * reading their static parts (migrations, error catalogues), e.g. in the test global setup.
 */
export function createModules(platform?: PlatformServices): CitydxModule[] {
  const services = platform ?? (unboundServices as PlatformServices);
  const notify = createNotifyModule(services, {
    publicUrl: services.config?.publicUrl ?? '',
    ...services.config?.notify,
  });
  const feedback = createFeedbackModule(services, {
    notifier: feedbackNotifier(notify.api, services.users),
    apiKeys: services.auth,
  });
  return [
    createProgramModule(services),
    notify,
    createOpendataModule(services, { inbound: notify.api }),
    feedback,
    createSensorsModule(services, { notifier: sensorsNotifier(notify.api, services.users) }),
  ];
}

// Factories only keep references to the services; nothing is called until a request arrives.
const unboundServices: Partial<PlatformServices> = {};

/**
 * The composition root: builds the kernel services, creates each module with what it needs, mounts
 * every route, and returns the Fastify instance ready to listen (or to `inject` in tests).
 */
export async function buildApp(options: {
  config: Config;
  database: Database;
  logger?: FastifyBaseLogger | boolean;
}): Promise<CitydxApp> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
  const logger = app.log;
  const db = database.db;
  const audit = new AuditLog(db);
  const events = new EventBus(db, logger, config.outboxPollMs);
  const jobs = new JobScheduler(db, logger);
  const auth = new AuthService(db, audit, config.auth);
  const users = new UsersService(db, audit);
  const agencies = new AgenciesService(db, audit);
  const calendar = new WorkingDayCalendar(db, audit);
  const adminUnits = new AdminUnits(db);
  const blobs = createBlobStore(config.blobs);
  const metrics = createMetrics();
  const mqtt = createMqtt(config.mqtt, config.host, logger, metrics.registry);
  const platform = {
    config,
    database,
    db,
    logger,
    audit,
    events,
    jobs,
    blobs,
    agencies,
    calendar,
    adminUnits,
    auth,
    users,
    mqtt,
  };
  const modules = createModules(platform);
  for (const job of [...kernelJobs({ db, audit, auth }), ...modules.flatMap((module) => module.jobs ?? [])])
    jobs.register(job);

  installValidation(app);
  app.setErrorHandler(platformErrorHandler);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        platformErrors.RATE_LIMITED,
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        { retryAfter: context.after },
      ),
  });
  const routes = installAuthHooks(app, auth);
  metrics.install(app);
  await installOpenApi(app, { version, publicUrl: config.publicUrl });

  const figures = async (): Promise<ServiceFigure[]> => {
    const kernelFigures: ServiceFigure[] = [
      {
        key: 'agencies',
        label: { vi: 'Cơ quan, đơn vị', en: 'Agencies' },
        count: await agencies.count(),
        href: '/agencies',
      },
    ];
    const moduleFigures = await Promise.all(
      modules.map((module) => module.figures?.() ?? Promise.resolve([])),
    );
    return [...kernelFigures, ...moduleFigures.flat()].filter((figure) => figure.count > 0);
  };

  await app.register(healthRoutes, { database, registry: metrics.registry, version });
  await app.register(authRoutes, {
    prefix: '/api/v1/auth',
    auth,
    sessionTtlHours: config.auth.sessionTtlHours,
    cookieSecure: config.auth.cookieSecure,
    loginRatePerMinute: config.auth.loginRatePerMinute,
  });
  await app.register(usersRoutes, { prefix: '/api/v1/users', users });
  await app.register(agenciesRoutes, { prefix: '/api/v1/agencies', agencies });
  await app.register(adminUnitsRoutes, { prefix: '/api/v1', adminUnits });
  await app.register(calendarRoutes, { prefix: '/api/v1/calendar', calendar });
  await app.register(auditRoutes, { prefix: '/api/v1/audit', audit });
  await app.register(platformRoutes, { prefix: '/api/v1/platform', figures, jobs, version });
  for (const module of modules) await app.register(module.plugin, { prefix: module.prefix });
  await installWebApp(app, config.webDistDir);
  await app.ready();

  return {
    app,
    platform,
    modules,
    routes,
    async startBackground() {
      // MQTT is ingest, not a job: every process takes its share (MQTT_SHARED_GROUP).
      await mqtt.start();
      if (!config.jobsEnabled) return;
      await audit.ensurePartitions(db);
      events.start();
      await jobs.start();
    },
    async close() {
      await Promise.all([events.stop(), jobs.stop()]);
      await app.close();
      await mqtt.close();
    },
  };
}

/** Applies every pending migration of the kernel and the modules. */
export async function migrateAll(database: Database, modules: readonly CitydxModule[]): Promise<string[]> {
  return migrate(database.db, allMigrationSources(modules));
}
