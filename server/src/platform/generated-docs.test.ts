import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allErrorCatalogues, createModules } from '../app';
import { renderEnvExample } from './config';
import { renderErrorsDoc } from './http/errors-doc';
import { buildTestApp } from '../../test/app';

// Generated artefacts are committed so that readers and reviewers see them; these tests fail when the
// committed copy drifts from the code. Regenerate with `npm run docs:generate`.
describe('committed generated files match the code', () => {
  it('docs/errors.md lists every error code', async () => {
    const committed = await fs.readFile('docs/errors.md', 'utf8');
    expect(committed).toBe(renderErrorsDoc(allErrorCatalogues(createModules())));
  });

  it('error codes are unique across the platform', () => {
    const codes = Object.values(allErrorCatalogues(createModules())).flatMap((catalogue) =>
      Object.values(catalogue).map((d) => d.code),
    );
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('.env.example documents every variable', async () => {
    expect(await fs.readFile('.env.example', 'utf8')).toBe(renderEnvExample());
  });

  it('docs/openapi.json is the OpenAPI 3.1 document the server serves', async () => {
    const t = await buildTestApp({ PUBLIC_URL: 'http://localhost:8080' });
    try {
      const served = await t.citydx.app.inject({ method: 'GET', url: '/docs/json' });
      expect(served.statusCode).toBe(200);
      const committed = JSON.parse(await fs.readFile('docs/openapi.json', 'utf8')) as { openapi: string };
      expect(committed.openapi).toBe('3.1.0');
      expect(committed).toEqual(JSON.parse(served.body));
    } finally {
      await t.close();
    }
  });
});
