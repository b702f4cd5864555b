import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';

type Pkg = {
  id: string;
  name: string;
  title: string;
  state: string;
  private: boolean;
  metadata_modified: string;
  tags: { name: string }[];
  organization: { name: string; title: string };
  resources: { id: string; datastore_active: boolean }[];
  license_title: string;
  isopen: boolean;
};

describe('CKAN Action API: envelope, errors and the dataset lifecycle', () => {
  let t: TestApp;
  let f: OpendataFixture;

  beforeAll(async () => {
    t = await buildOpendataTestApp({ PUBLIC_URL: 'https://data.example.vn' });
    f = await opendataFixture(t);
  });
  afterAll(() => t.close());

  it('answers {help, success, result} with an absolute help link, on /api/3/action and /api/action', async () => {
    for (const prefix of ['/api/3/action', '/api/action']) {
      const response = await callAction(t, 'package_list', {}, { method: 'GET', prefix });
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({
        help: 'https://data.example.vn/api/3/action/help_show?name=package_list',
        success: true,
        result: [],
      });
    }
    expect(json(await t.citydx.app.inject({ method: 'GET', url: '/api/3' }))).toEqual({ version: 3 });
    expect(json(await t.citydx.app.inject({ method: 'GET', url: '/api' }))).toEqual({ version: 3 });
  });

  it("refuses what CKAN refuses, in CKAN's words and statuses", async () => {
    const unknown = await callAction(t, 'no_such_action');
    expect([unknown.statusCode, json(unknown)]).toEqual([
      400,
      'Bad request - Action name not known: no_such_action',
    ]);
    const getWrite = await callAction(t, 'package_create', { name: 'x' }, { method: 'GET' });
    expect([getWrite.statusCode, json(getWrite)]).toEqual([
      400,
      'Bad request - JSON Error: Invalid request. Please use POST method for your request',
    ]);
    const malformed = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/3/action/package_show',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(json<string>(malformed)).toMatch(/^Bad request - JSON Error: Error decoding JSON data/);
    const notDict = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/3/action/package_show',
      headers: { 'content-type': 'application/json' },
      payload: '[1, 2]',
    });
    expect([notDict.statusCode, json(notDict)]).toEqual([
      400,
      'Bad request - JSON Error: Request data JSON decoded to [1,2] but it needs to be a dictionary.',
    ]);
    const missing = await callAction(t, 'package_show', { id: 'khong-co' });
    expect(missing.statusCode).toBe(404);
    expect(json<Envelope>(missing)).toMatchObject({
      success: false,
      error: { __type: 'Not Found Error', message: 'Not found' },
    });
    const badToken = await callAction(t, 'package_list', {}, { token: 'cdx_not_a_token' });
    expect(badToken.statusCode).toBe(403);
    expect(json<Envelope>(badToken).error.__type).toBe('Authorization Error');
    const badRows = await callAction(t, 'package_search', { rows: 'many' }, { method: 'GET' });
    expect([badRows.statusCode, json<Envelope>(badRows).error]).toEqual([
      409,
      { rows: ['Invalid integer'], __type: 'Validation Error' },
    ]);
    const badSort = await callAction(
      t,
      'package_search',
      { sort: 'title_string sideways' },
      { method: 'GET' },
    );
    expect([badSort.statusCode, json<Envelope>(badSort).error.__type]).toEqual([400, 'Search Query Error']);
  });

  it('creates, shows, patches, updates and deletes a dataset, with validation and history', async () => {
    const payload = {
      name: 'dan-so-2024',
      title: 'Dân số Đà Nẵng 2024',
      notes: 'Số liệu dân số theo phường.',
      owner_org: f.agencyA.name,
      license_id: 'cc-by-4.0',
      tags: [{ name: 'dân số' }, { name: 'thống kê' }],
      extras: [{ key: 'nguon', value: 'Cục Thống kê' }],
      resources: [{ name: 'Bảng CSV', url: 'https://example.vn/dan-so.csv' }],
    };
    const created = await callAction(t, 'package_create', payload, { token: f.publisherA });
    expect(created.statusCode).toBe(200);
    const pkg = json<Envelope<Pkg>>(created).result;
    expect(pkg).toMatchObject({
      name: 'dan-so-2024',
      state: 'active',
      private: false,
      license_title: 'Creative Commons Attribution 4.0',
      isopen: true,
      organization: { name: f.agencyA.name },
    });
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(pkg.resources).toHaveLength(1);
    expect(pkg.resources[0]?.datastore_active).toBe(false);

    const duplicate = await callAction(t, 'package_create', payload, { token: f.publisherA });
    expect([duplicate.statusCode, json<Envelope>(duplicate).error]).toEqual([
      409,
      { name: ['That URL is already in use.'], __type: 'Validation Error' },
    ]);
    const invalid = await callAction(
      t,
      'package_create',
      { name: 'Không Hợp Lệ', owner_org: f.agencyA.name },
      { token: f.publisherA },
    );
    expect(json<Envelope>(invalid).error).toEqual({
      name: ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'],
      __type: 'Validation Error',
    });
    const otherOrg = await callAction(
      t,
      'package_create',
      { ...payload, name: 'khac', owner_org: f.agencyB.id },
      { token: f.publisherA },
    );
    expect([otherOrg.statusCode, json<Envelope>(otherOrg).error.__type]).toEqual([
      403,
      'Authorization Error',
    ]);

    const patched = json<Envelope<Pkg>>(
      await callAction(
        t,
        'package_patch',
        { id: pkg.id, title: 'Dân số 2024 (đã sửa)' },
        { token: f.publisherA },
      ),
    ).result;
    expect(patched).toMatchObject({ title: 'Dân số 2024 (đã sửa)', name: 'dan-so-2024' });
    expect(patched.tags.map((tag) => tag.name)).toEqual(['dân số', 'thống kê']);
    const updated = json<Envelope<Pkg>>(
      await callAction(
        t,
        'package_update',
        { id: pkg.id, name: 'dan-so-2024', title: 'Thay hết', owner_org: f.agencyA.id },
        { token: f.publisherA },
      ),
    ).result;
    expect(updated.tags).toEqual([]);
    expect(updated.resources).toHaveLength(1);

    const deleted = await callAction(t, 'package_delete', { id: pkg.id }, { token: f.publisherA });
    expect(json<Envelope>(deleted)).toMatchObject({ success: true, result: null });
    expect((await callAction(t, 'package_show', { id: pkg.id }, { method: 'GET' })).statusCode).toBe(404);
    expect(
      json<Envelope<Pkg>>(await callAction(t, 'package_show', { id: pkg.id }, { token: f.publisherA })).result
        .state,
    ).toBe('deleted');

    const history = json<{
      items: { action: string; actor: string | null; summary: Record<string, unknown> }[];
    }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `/api/v1/opendata/datasets/${pkg.id}/history`,
        headers: { authorization: f.publisherA },
      }),
    );
    expect(history.items.map((item) => item.action)).toEqual([
      'opendata.dataset.deleted',
      'opendata.dataset.updated',
      'opendata.dataset.updated',
      'opendata.dataset.created',
    ]);
    expect(history.items[0]?.actor).toMatch(/@test\.citydx$/);
    // A patch lists what the editor changed, not values derived from it (the organisation's title).
    for (const item of history.items.filter((entry) => entry.action === 'opendata.dataset.updated'))
      expect(Object.keys(item.summary)).not.toContain('orgTitle');
  });
});
