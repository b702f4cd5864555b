import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, json, type TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';
import { fetchDocument, HarvestFetchError } from './fetch-limited';
import { counts, createSource, freePort, HARVEST_API, harvestNow } from './harvest.test-support';

const prefixes = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
`;

function page(n: number, next: string | null, datasets: string): string {
  return `${prefixes}
<https://other.example/catalog> a dcat:Catalog .
<https://other.example/catalog?page=${n}> a hydra:PagedCollection ${next ? `; hydra:next <${next}>` : ''} .
${datasets}`;
}

function dataset(id: string, title: string): string {
  return `<https://other.example/dataset/${id}> a dcat:Dataset ; dct:identifier "${id}" ; dct:title "${title}"@vi ;
  dcat:distribution [ a dcat:Distribution ; dcat:downloadURL <https://other.example/files/${id}.csv> ; dct:format "CSV" ] .
`;
}

/** Another portal's web server, serving fixed documents: paged, broken, slow, or not DCAT at all. */
function otherPortal(): http.Server {
  return http.createServer((request, response) => {
    const send = (status: number, type: string, body: string) =>
      response.writeHead(status, { 'content-type': type }).end(body);
    const base = `http://${request.headers.host ?? ''}`;
    switch (request.url) {
      case '/paged/1':
        return send(
          200,
          'text/turtle',
          page(1, `${base}/paged/2`, dataset('a', 'Bộ A') + dataset('b', 'Bộ B')),
        );
      case '/paged/2':
        // The second page links back to the first: the loop is noticed, not followed.
        return send(
          200,
          'text/turtle',
          page(
            2,
            `${base}/paged/1`,
            `${dataset('c', 'Bộ C')}[] a dcat:Dataset ; dct:title "Không định danh"@vi .`,
          ),
        );
      case '/broken.ttl':
        return send(200, 'text/turtle', `${prefixes}<https://x> a dcat:Dataset ; dct:title "chưa đóng`);
      case '/broken.rdf':
        return send(
          200,
          'application/rdf+xml',
          '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>',
        );
      case '/not-dcat.ttl':
        return send(200, 'text/turtle', '<https://x> <https://y> "z" .');
      case '/html':
        return send(200, 'text/html', '<!doctype html><html><body>Trang chủ</body></html>');
      case '/big':
        return send(200, 'text/turtle', `# ${'x'.repeat(20_000)}`);
      case '/slow':
        setTimeout(() => send(200, 'text/turtle', page(1, null, dataset('s', 'Chậm'))), 1500);
        return undefined;
      default:
        return send(500, 'application/json', '{"success": false}');
    }
  });
}

describe('harvest sources: validation, access, unreachable and malformed sources, paging', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let portal: http.Server;
  let portalUrl: string;
  let adminB: string;

  beforeAll(async () => {
    t = await buildOpendataTestApp();
    f = await opendataFixture(t);
    adminB = (await createUserWithToken(t.citydx, [{ role: 'agency_admin', agencyId: f.agencyB.id }])).token;
    portal = otherPortal();
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => portal.close(resolve));
  });

  const post = (token: string, payload: Record<string, unknown>) =>
    t.citydx.app.inject({
      method: 'POST',
      url: `${HARVEST_API}/sources`,
      headers: { authorization: token },
      payload,
    });
  const dcatSource = (name: string, url: string) =>
    createSource(t, f.admin, { name, type: 'dcat', url, organizationId: f.agencyA.id });

  it('refuses source URLs that are not plain http(s)', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://other.example/catalog',
      'http://user:pass@other.example/',
      'không phải url',
    ]) {
      const response = await post(f.admin, { name: 'xau', type: 'ckan', url, organizationId: f.agencyA.id });
      expect({
        url,
        status: response.statusCode,
        code: json<{ error: { code: string } }>(response).error.code,
      }).toEqual({
        url,
        status: 400,
        code: 'OPENDATA_HARVEST_URL_INVALID',
      });
    }
    const created = await dcatSource('tot', `${portalUrl}/paged/1`);
    const patch = await t.citydx.app.inject({
      method: 'PATCH',
      url: `${HARVEST_API}/sources/${created.id}`,
      headers: { authorization: f.admin },
      payload: { url: 'javascript:alert(1)' },
    });
    expect(patch.statusCode).toBe(400);
    expect(
      (await post(f.admin, { name: 'tot', type: 'dcat', url: portalUrl, organizationId: f.agencyA.id }))
        .statusCode,
    ).toBe(409);
    const unknownOrg = await post(f.admin, {
      name: 'khong-co-co-quan',
      type: 'ckan',
      url: portalUrl,
      organizationId: '3f0c1d2e-4b5a-4c6d-8e7f-901234567890',
    });
    expect(json<{ error: { code: string } }>(unknownOrg).error.code).toBe(
      'OPENDATA_HARVEST_ORGANIZATION_NOT_FOUND',
    );
    const badType = await post(f.admin, {
      name: 'loai-la',
      type: 'oai-pmh',
      url: portalUrl,
      organizationId: f.agencyA.id,
    });
    expect(badType.statusCode).toBe(400);
  });

  it('lets an agency admin manage only the sources of their agency', async () => {
    const other = await post(adminB, {
      name: 'cua-a',
      type: 'ckan',
      url: portalUrl,
      organizationId: f.agencyA.id,
    });
    expect(json<{ error: { code: string } }>(other).error.code).toBe('OPENDATA_HARVEST_FORBIDDEN');
    expect(
      (await post(adminB, { name: 'cua-b', type: 'ckan', url: portalUrl, organizationId: f.agencyB.id }))
        .statusCode,
    ).toBe(201);
    const list = json<{ items: { name: string }[] }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `${HARVEST_API}/sources`,
        headers: { authorization: adminB },
      }),
    );
    expect(list.items.map((source) => source.name)).toEqual(['cua-b']);
    const publisher = await post(f.publisherA, {
      name: 'x1',
      type: 'ckan',
      url: portalUrl,
      organizationId: f.agencyA.id,
    });
    expect(publisher.statusCode).toBe(403);
  });

  it('follows Hydra pages, stops at a loop, reports a dataset it cannot track and goes on', async () => {
    const paged = await dcatSource('phan-trang', `${portalUrl}/paged/1`);
    const run = await harvestNow(t, f.admin, paged.id);
    expect(run.status).toBe('partial');
    expect(counts(run)).toEqual({ created: 3, updated: 0, deleted: 0, unchanged: 0, failed: 1 });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatchObject({ title: 'Không định danh' });
    expect(run.errors[0]?.message).toContain('dct:identifier');
    const dict = json<Envelope<{ resources: { url: string; format: string }[] }>>(
      await callAction(t, 'package_show', { id: 'bo-c' }),
    ).result;
    expect(dict.resources).toMatchObject([{ url: 'https://other.example/files/c.csv', format: 'CSV' }]);
  });

  it('records a run that cannot read its source as failed, with the reason, and deletes nothing', async () => {
    const closedPort = await freePort();
    const cases: [string, 'ckan' | 'dcat', string, RegExp][] = [
      ['khong-toi-duoc', 'ckan', `http://127.0.0.1:${closedPort}`, /ECONNREFUSED/],
      ['loi-may-chu', 'ckan', `${portalUrl}/ckan`, /HTTP 500/],
      ['turtle-hong', 'dcat', `${portalUrl}/broken.ttl`, /malformed turtle/],
      ['rdfxml-hong', 'dcat', `${portalUrl}/broken.rdf`, /malformed RDF\/XML/],
      ['khong-phai-dcat', 'dcat', `${portalUrl}/not-dcat.ttl`, /not a DCAT catalog/],
      ['trang-html', 'dcat', `${portalUrl}/html`, /malformed/],
    ];
    for (const [name, type, url, reason] of cases) {
      const source = await createSource(t, f.admin, { name, type, url, organizationId: f.agencyA.id });
      const run = await harvestNow(t, f.admin, source.id);
      expect({ name, status: run.status }).toEqual({ name, status: 'failed' });
      expect(run.error).toMatch(reason);
    }
    // A source whose mirrors exist, then cannot be read: the mirrors stay.
    const sources = json<{ items: { id: string; name: string }[] }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `${HARVEST_API}/sources`,
        headers: { authorization: f.admin },
      }),
    ).items;
    const paged = sources.find((source) => source.name === 'phan-trang')?.id ?? '';
    await t.citydx.app.inject({
      method: 'PATCH',
      url: `${HARVEST_API}/sources/${paged}`,
      headers: { authorization: f.admin },
      payload: { url: `${portalUrl}/broken.ttl` },
    });
    const broken = await harvestNow(t, f.admin, paged);
    expect(broken).toMatchObject({ status: 'failed', deleted: 0 });
    expect((await callAction(t, 'package_show', { id: 'bo-a' })).statusCode).toBe(200);
  });

  it('runs one harvest of a source at a time', async () => {
    const slow = await dcatSource('cham', `${portalUrl}/slow`);
    const first = await t.citydx.app.inject({
      method: 'POST',
      url: `${HARVEST_API}/sources/${slow.id}/runs`,
      headers: { authorization: f.admin },
    });
    expect(first.statusCode).toBe(202);
    const second = await t.citydx.app.inject({
      method: 'POST',
      url: `${HARVEST_API}/sources/${slow.id}/runs`,
      headers: { authorization: f.admin },
    });
    expect(second.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(second).error.code).toBe('OPENDATA_HARVEST_RUN_IN_PROGRESS');
    const shown = json<{ running: boolean }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `${HARVEST_API}/sources/${slow.id}`,
        headers: { authorization: f.admin },
      }),
    );
    expect(shown.running).toBe(true);
  });

  it('runs due sources from the job, and deleting a source deletes its mirrors', async () => {
    const due = await dcatSource('theo-lich', `${portalUrl}/paged/1`);
    await t.citydx.platform.jobs.sync();
    await t.citydx.platform.jobs.runNow('opendata.harvest');
    const runs = json<{ items: { trigger: string; created: number }[] }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `${HARVEST_API}/sources/${due.id}/runs`,
        headers: { authorization: f.admin },
      }),
    ).items;
    expect(runs).toMatchObject([{ trigger: 'schedule', created: 3 }]);
    const visible = async () =>
      json<Envelope<{ count: number }>>(await callAction(t, 'package_search', { q: 'Bộ', rows: 0 })).result
        .count;
    const before = await visible();
    const removed = await t.citydx.app.inject({
      method: 'DELETE',
      url: `${HARVEST_API}/sources/${due.id}`,
      headers: { authorization: f.admin },
    });
    expect(removed.statusCode).toBe(204);
    expect(await visible()).toBe(before - 3);
    const gone = await t.citydx.app.inject({
      method: 'GET',
      url: `${HARVEST_API}/sources/${due.id}`,
      headers: { authorization: f.admin },
    });
    expect(gone.statusCode).toBe(404);
  });

  it('fetches with a time limit and a size limit', async () => {
    await expect(
      fetchDocument(`${portalUrl}/big`, '*/*', { timeoutMs: 5000, maxBytes: 1000 }),
    ).rejects.toThrow(/larger than 1000 bytes/);
    await expect(
      fetchDocument(`${portalUrl}/slow`, '*/*', { timeoutMs: 100, maxBytes: 1000 }),
    ).rejects.toThrow(/no answer within the time limit/);
    await expect(
      fetchDocument('file:///etc/passwd', '*/*', { timeoutMs: 100, maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(HarvestFetchError);
  });
});
