import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAuthHooks } from '../../../platform/auth/auth.hooks';
import type { AuthService } from '../../../platform/auth/auth.service';
import type { Database } from '../../../platform/db/database';
import { migrate } from '../../../platform/db/migrator';
import { AppError } from '../../../platform/http/app-error';
import { platformErrorHandler } from '../../../platform/http/error-handler';
import { platformErrors } from '../../../platform/http/platform.errors';
import { installOpenApi } from '../../../platform/http/openapi';
import { installValidation } from '../../../platform/http/validation';
import type { CitydxModule, PlatformServices } from '../../../platform/module-contract';
import { createMetrics } from '../../../platform/observability/metrics';
import { healthRoutes } from '../../../platform/observability/health.routes';
import { buildFeedback, type FeedbackApi } from '../feedback.module';
import type { FeedbackServices } from '../feedback.services';
import type { FeedbackNotifier } from '../notifier.port';

export interface AssembledFeedback {
  readonly app: FastifyInstance;
  readonly module: CitydxModule<FeedbackApi>;
  readonly services: FeedbackServices;
}

/**
 * Until app.ts mounts the module, tests, the crash test and the benchmark serve it from a Fastify
 * instance assembled the way app.ts assembles the real one (validation, error handler, rate limit,
 * authentication and access rules, /healthz), over the kernel services of a real app. The feedback
 * migrations are applied here; once app.ts lists them this is a no-op.
 */
export async function assembleFeedbackApp(
  platform: PlatformServices & { readonly auth: AuthService },
  notifier: FeedbackNotifier,
  options: {
    database: Database;
    version?: string;
    /** Adds routes before the app is ready (the benchmark's transfer baseline). */
    extraRoutes?: (app: FastifyInstance) => void;
  },
): Promise<AssembledFeedback> {
  const { module, services } = buildFeedback(platform, { notifier, apiKeys: platform.auth });
  await migrate(platform.db, [module.migrations]);
  const app = Fastify({
    logger: false,
    bodyLimit: platform.config.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
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
  installAuthHooks(app, platform.auth);
  await installOpenApi(app, { version: options.version ?? 'test', publicUrl: platform.config.publicUrl });
  const metrics = createMetrics();
  await app.register(healthRoutes, {
    database: options.database,
    registry: metrics.registry,
    version: options.version ?? 'test',
  });
  await app.register(module.plugin, { prefix: module.prefix });
  options.extraRoutes?.(app);
  await app.ready();
  return { app, module, services };
}
