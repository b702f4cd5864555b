import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import type { OpendataApi } from '../opendata.module';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';

const catalogWrites = ['package', 'resource', 'organization', 'group'].flatMap((entity) =>
  ['create', 'update', 'patch', 'delete'].map((verb) => `${entity}_${verb}`),
);

/**
 * The action routes are declared public (CKAN authorises per action), so this walks every write
 * action, the DataStore's included: anonymous callers get 403 Authorization Error, and a signed-in
 * viewer without a publishing role gets 403 on every catalog write.
 */
describe('every CKAN write action authorises its caller', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let writes: string[];

  beforeAll(async () => {
    t = await buildOpendataTestApp();
    f = await opendataFixture(t);
    const api = t.citydx.modules.find((module) => module.name === 'opendata')?.api as OpendataApi;
    writes = api.ckanActions.filter((action) => !action.sideEffectFree).map((action) => action.name);
    expect(writes).toEqual(expect.arrayContaining(catalogWrites));
  });
  afterAll(() => t.close());

  it('refuses anonymous callers on every write action with 403 Authorization Error', async () => {
    const failures: string[] = [];
    for (const name of writes) {
      const response = await callAction(t, name, {
        id: 'x',
        name: 'ten-moi',
        package_id: 'x',
        owner_org: f.agencyA.name,
      });
      const body = json<Envelope>(response);
      if (response.statusCode !== 403 || body.success || body.error.__type !== 'Authorization Error')
        failures.push(`${name} -> ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a viewer without a publishing role on every catalog write', async () => {
    const failures: string[] = [];
    for (const name of catalogWrites) {
      const response = await callAction(
        t,
        name,
        { id: 'x', name: 'ten-moi', package_id: 'x', owner_org: f.agencyA.name },
        { token: f.viewer },
      );
      if (response.statusCode !== 403) failures.push(`${name} -> ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps organisation and group writes for system admins, mapped onto the kernel agencies', async () => {
    const created = await callAction(
      t,
      'organization_create',
      { name: 'so-moi', title: 'Sở Mới' },
      { token: f.admin },
    );
    expect(json<Envelope<{ name: string; title: string }>>(created).result).toMatchObject({
      name: 'so-moi',
      title: 'Sở Mới',
    });
    expect((await t.citydx.platform.agencies.findByCode('SO-MOI'))?.nameVi).toBe('Sở Mới');
    const patched = await callAction(
      t,
      'organization_patch',
      { id: 'so-moi', title: 'Sở Mới (đổi tên)' },
      { token: f.admin },
    );
    expect(json<Envelope<{ title: string }>>(patched).result.title).toBe('Sở Mới (đổi tên)');
    const listed = json<Envelope<{ name: string; package_count: number }[]>>(
      await callAction(t, 'organization_list', { all_fields: true, sort: 'name asc' }, { method: 'GET' }),
    ).result;
    expect(listed.map((org) => org.name)).toEqual(['skhcn', 'so-moi', 'syt']);
    expect(
      json<Envelope>(await callAction(t, 'organization_delete', { id: 'so-moi' }, { token: f.admin }))
        .success,
    ).toBe(true);
    expect((await callAction(t, 'organization_show', { id: 'so-moi' }, { method: 'GET' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await callAction(
          t,
          'group_create',
          { name: 'moi-truong', title: 'Môi trường' },
          { token: f.publisherA },
        )
      ).statusCode,
    ).toBe(403);
    const group = await callAction(
      t,
      'group_create',
      { name: 'moi-truong', title: 'Môi trường' },
      { token: f.admin },
    );
    expect(json<Envelope<{ name: string; package_count: number }>>(group).result).toMatchObject({
      name: 'moi-truong',
      package_count: 0,
    });
    expect(json<Envelope<string[]>>(await callAction(t, 'group_list', {}, { method: 'GET' })).result).toEqual(
      ['moi-truong'],
    );
  });

  it('answers CORS preflights and GETs from any origin on the CKAN and DCAT paths only', async () => {
    const preflight = await t.citydx.app.inject({
      method: 'OPTIONS',
      url: '/api/3/action/package_create',
      headers: {
        origin: 'https://app.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain(
      'authorization',
    );
    const get = await t.citydx.app.inject({
      method: 'GET',
      url: '/catalog.ttl',
      headers: { origin: 'https://app.example.org' },
    });
    expect(get.headers['access-control-allow-origin']).toBe('*');
    const portal = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/opendata/stats',
      headers: { origin: 'https://app.example.org' },
    });
    expect(portal.headers['access-control-allow-origin']).toBeUndefined();
    expect(json<{ apiCalls: number }>(portal).apiCalls).toBeGreaterThan(0);
  });

  it('documents the CKAN, DCAT and portal routes in the OpenAPI document', async () => {
    const document = json<{ paths: Record<string, unknown> }>(
      await t.citydx.app.inject({ method: 'GET', url: '/docs/json' }),
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/3/action/{name}',
        '/catalog.ttl',
        '/dataset/{file}',
        '/api/v1/opendata/stats',
      ]),
    );
  });
});
