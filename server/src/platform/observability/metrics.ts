import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per app instance (tests build several apps in one process). */
export function createMetrics(): { registry: Registry; install(app: FastifyInstance): void } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'citydx_' });
  const duration = new Histogram({
    name: 'citydx_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    install(app) {
      app.addHook('onResponse', async (request, reply) => {
        // The route pattern, not the raw URL, keeps label cardinality bounded.
        const route = request.routeOptions.url ?? 'unmatched';
        duration.observe(
          { method: request.method, route, status: String(reply.statusCode) },
          reply.elapsedTime / 1000,
        );
      });
    },
  };
}
