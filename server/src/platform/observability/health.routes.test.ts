import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/app';

describe('operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('/healthz and /readyz answer', async () => {
    expect(json(await t.citydx.app.inject({ method: 'GET', url: '/healthz' }))).toMatchObject({
      status: 'ok',
    });
    const ready = await t.citydx.app.inject({ method: 'GET', url: '/readyz' });
    expect(json(ready)).toEqual({ status: 'ready', database: t.database.kind });
  });

  it('/metrics exposes request durations by route pattern in Prometheus text', async () => {
    await t.citydx.app.inject({ method: 'GET', url: '/api/v1/agencies' });
    const metrics = await t.citydx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain(
      'citydx_http_request_duration_seconds_count{method="GET",route="/api/v1/agencies",status="200"} 1',
    );
  });

  it('/docs serves the API explorer and /docs/json the OpenAPI 3.1 document', async () => {
    const page = await t.citydx.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    const spec = json<{ openapi: string; paths: Record<string, unknown> }>(
      await t.citydx.app.inject({ method: 'GET', url: '/docs/json' }),
    );
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/agencies');
  });

  it('without a web build, pages explain how to build it and API paths stay JSON', async () => {
    const page = await t.citydx.app.inject({ method: 'GET', url: '/console/users' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
  });
});
