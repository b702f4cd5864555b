import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestDatabase } from '../../../../test/database';
import { AuditLog, systemActor } from '../../../platform/audit/audit';
import { installAuthHooks } from '../../../platform/auth/auth.hooks';
import { AuthService } from '../../../platform/auth/auth.service';
import { Principal } from '../../../platform/auth/principal';
import type { RoleGrant } from '../../../platform/auth/roles';
import { UsersService } from '../../../platform/auth/users.service';
import { loadConfig } from '../../../platform/config';
import type { Database } from '../../../platform/db/database';
import { migrate } from '../../../platform/db/migrator';
import { AppError } from '../../../platform/http/app-error';
import { platformErrorHandler } from '../../../platform/http/error-handler';
import { installOpenApi } from '../../../platform/http/openapi';
import { platformErrors } from '../../../platform/http/platform.errors';
import { installValidation } from '../../../platform/http/validation';
import type { CitydxModule } from '../../../platform/module-contract';
import { createNotifyModule, type NotifyApi } from '../notify.module';
import type { NotifyOptions } from '../notify.options';

const systemPrincipal = new Principal(
  '00000000-0000-0000-0000-000000000000',
  'system',
  'system',
  [{ role: 'system_admin', agencyId: null }],
  'token',
  null,
);

export interface NotifyTestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly module: CitydxModule<NotifyApi>;
  /** Runs the delivery job once, as the scheduler would. */
  deliver(): Promise<void>;
  /** A staff API token with these roles, as an Authorization header value. */
  bearer(grants: RoleGrant[]): Promise<string>;
  close(): Promise<void>;
}

// The kernel's request machinery, as app.ts installs it: validation, errors, auth hooks, rate limits.
async function mountOnKernel(module: CitydxModule, auth: AuthService): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
  installValidation(app);
  await installOpenApi(app, { version: 'test', publicUrl: 'http://localhost' });
  app.setErrorHandler(platformErrorHandler);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(platformErrors.RATE_LIMITED, {}, { retryAfter: context.after }),
  });
  installAuthHooks(app, auth);
  await app.register(module.plugin, { prefix: module.prefix });
  await app.ready();
  return app;
}

function tokenFactory(database: Database, audit: AuditLog, auth: AuthService) {
  let sequence = 0;
  return async (grants: RoleGrant[]): Promise<string> => {
    sequence += 1;
    const email = `notify${sequence}.${Date.now()}@test.citydx`;
    const users = new UsersService(database.db, audit);
    const password = 'correct horse battery staple';
    const account = { email, displayName: email, locale: 'vi' as const, password, grants };
    const { user } = await users.create(systemPrincipal, account, systemActor);
    const principal = new Principal(user.id, email, email, grants, 'token', null);
    return `Bearer ${(await auth.createToken(principal, 'test', null, systemActor)).token}`;
  };
}

/**
 * The notify module on the kernel's real validation, error, access and rate-limit machinery, mounted
 * on its own (as app.ts will mount it) on a migrated test database. Its migrations are applied here
 * because the test template is migrated only with the modules app.ts already wires.
 */
export async function buildNotifyTestApp(
  options: Partial<NotifyOptions> = {},
  configure?: (api: NotifyApi) => void,
): Promise<NotifyTestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ DATA_DIR: '/tmp/citydx-notify-test', LOG_LEVEL: 'silent' });
  const audit = new AuditLog(database.db);
  const auth = new AuthService(database.db, audit, config.auth);
  const logger = Fastify({ logger: false }).log;
  const module = createNotifyModule(
    { db: database.db, audit, logger },
    { publicUrl: 'https://citydx.test', ...options },
  );
  await migrate(database.db, [module.migrations]);
  configure?.(module.api);
  const app = await mountOnKernel(module, auth);
  return {
    app,
    database,
    module,
    async deliver() {
      for (const job of module.jobs ?? []) await job.run();
    },
    bearer: tokenFactory(database, audit, auth),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
