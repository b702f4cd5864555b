import { Type } from 'typebox';
import type { Registry } from 'prom-client';
import type { Database } from '../db/database';
import type { TypedPlugin } from '../http/typed-plugin';

export interface HealthOptions {
  readonly database: Database;
  readonly registry: Registry;
  readonly version: string;
}

/** Liveness (/healthz: the process answers), readiness (/readyz: the database answers) and /metrics. */
export const healthRoutes: TypedPlugin<HealthOptions> = async (app, { database, registry, version }) => {
  const tags = ['operations'];

  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, version }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Readiness: the database answers',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await database.ping();
        return { status: 'ready' as const, database: database.kind };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.status(503).send({ status: 'unavailable' as const, database: database.kind });
      }
    },
  );

  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { tags, summary: 'Prometheus metrics', hide: true } },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
};
