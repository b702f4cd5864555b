import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';

type SearchResult = {
  count: number;
  results: { name: string }[];
  sort: string;
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
};

describe('package_search: accent-free full text, ranking, filters and facets', () => {
  let t: TestApp;
  let f: OpendataFixture;
  const search = async (params: Record<string, unknown>, token?: string) =>
    json<Envelope<SearchResult>>(
      await callAction(t, 'package_search', params, { method: 'GET', ...(token ? { token } : {}) }),
    ).result;

  beforeAll(async () => {
    t = await buildOpendataTestApp();
    f = await opendataFixture(t);
    await callAction(t, 'group_create', { name: 'population', title: 'Dân số' }, { token: f.admin });
    const create = (payload: Record<string, unknown>, token = f.publisherA) =>
      callAction(t, 'package_create', payload, { token });
    await create({
      name: 'ghi-chu-dan-so',
      title: 'Lao động việc làm',
      notes: 'Có nhắc tới dân số trong mô tả.',
      owner_org: f.agencyA.name,
      tags: [{ name: 'lao động' }],
      license_id: 'cc0-1.0',
    });
    await create({
      name: 'dan-so-da-nang',
      title: 'Dân số Đà Nẵng',
      owner_org: f.agencyA.name,
      tags: [{ name: 'dân số' }],
      groups: [{ name: 'population' }],
      license_id: 'cc-by-4.0',
      resources: [{ url: 'https://x.vn/a.csv' }],
    });
    await create(
      {
        name: 'benh-vien',
        title: 'Bệnh viện công lập',
        owner_org: f.agencyB.name,
        tags: [{ name: 'y tế' }, { name: 'dân số' }],
        license_id: 'cc-by-4.0',
        resources: [{ url: 'https://x.vn/b.json' }],
      },
      f.publisherB,
    );
    await create(
      { name: 'du-lieu-rieng', title: 'Dân số nội bộ', owner_org: f.agencyB.name, private: true },
      f.publisherB,
    );
    for (let i = 0; i < 12; i += 1)
      await create({ name: `mau-${i}`, title: `Bộ mẫu ${i}`, owner_org: f.agencyA.name });
  });
  afterAll(() => t.close());

  it('finds Vietnamese text typed without diacritics and ranks title matches first', async () => {
    const found = await search({ q: 'dan so' });
    expect(found.results.map((r) => r.name)).toEqual(['dan-so-da-nang', 'benh-vien', 'ghi-chu-dan-so']);
    expect(found.count).toBe(3);
    expect(found.sort).toBe('score desc, metadata_modified desc');
    // "Đà Nẵng" is in this title and in both agencies' names: the title match ranks first.
    const city = await search({ q: 'da nang' });
    expect(city.results[0]?.name).toBe('dan-so-da-nang');
    expect(city.count).toBe(15);
    expect((await search({ q: 'Sở Y tế' })).results.map((r) => r.name)).toEqual(['benh-vien']);
  });

  it('filters with fq on tags, organization, groups, res_format and license_id', async () => {
    const names = async (fq: string) => (await search({ fq, rows: 100 })).results.map((r) => r.name).sort();
    expect(await names('tags:"dân số"')).toEqual(['benh-vien', 'dan-so-da-nang']);
    expect(await names(`organization:${f.agencyB.name}`)).toEqual(['benh-vien']);
    expect(await names('groups:population')).toEqual(['dan-so-da-nang']);
    expect(await names('res_format:CSV')).toEqual(['dan-so-da-nang']);
    expect(await names(`license_id:cc-by-4.0 AND organization:${f.agencyA.name}`)).toEqual([
      'dan-so-da-nang',
    ]);
    const bad = await callAction(t, 'package_search', { fq: 'colour:red' }, { method: 'GET' });
    expect([bad.statusCode, json<Envelope>(bad).error.__type]).toEqual([400, 'Search Query Error']);
  });

  it('counts facets over every match and orders search_facets items as CKAN does', async () => {
    const found = await search({
      q: 'dan so',
      rows: 0,
      'facet.field': ['tags', 'organization', 'license_id'],
    });
    expect(found.results).toEqual([]);
    expect(found.facets.tags).toEqual({ 'dân số': 2, 'lao động': 1, 'y tế': 1 });
    expect(found.facets.organization).toEqual({ [f.agencyA.name]: 2, [f.agencyB.name]: 1 });
    expect(found.search_facets.tags?.items.map((i) => i.name)).toEqual(['y tế', 'lao động', 'dân số']);
    expect(found.search_facets.license_id?.items[0]).toEqual({
      name: 'cc0-1.0',
      display_name: 'Creative Commons CCZero 1.0',
      count: 1,
    });
    const limited = await search({ q: 'dan so', rows: 0, 'facet.field': '["tags"]', 'facet.limit': 1 });
    expect(limited.facets.tags).toEqual({ 'dân số': 2 });
  });

  it('pages with rows (capped at 1000) and start, and sorts by name or title', async () => {
    expect((await search({})).results).toHaveLength(10);
    const all = await search({ rows: 5000 });
    expect([all.count, all.results.length]).toEqual([15, 15]);
    const byName = await search({ sort: 'name asc', rows: 2, start: 1 });
    expect(byName.results.map((r) => r.name)).toEqual(['dan-so-da-nang', 'ghi-chu-dan-so']);
    const negative = await callAction(t, 'package_search', { rows: -1 }, { method: 'GET' });
    expect(json<Envelope>(negative).error).toEqual({
      rows: ['Must be a natural number'],
      __type: 'Validation Error',
    });
  });

  it('shows private datasets only to their editors, and only when include_private is set', async () => {
    expect((await search({ q: 'noi bo' })).count).toBe(0);
    expect((await search({ q: 'noi bo', include_private: true })).count).toBe(0);
    expect((await search({ q: 'noi bo', include_private: true }, f.publisherA)).count).toBe(0);
    expect((await search({ q: 'noi bo', include_private: true }, f.publisherB)).count).toBe(1);
    expect((await search({ q: 'noi bo', include_private: true }, f.admin)).count).toBe(1);
  });

  // Filters and facets read copies kept on the dataset row (202611230450_search_facet_arrays): every
  // write that changes tags, resources or groups must bring them along.
  it('keeps filters and facets current through tag, resource and group changes', async () => {
    const asPublisher = { token: f.publisherA };
    await callAction(t, 'group_create', { name: 'tam-thoi', title: 'Tạm thời' }, { token: f.admin });
    await callAction(
      t,
      'package_create',
      {
        name: 'kiem-tra-mang',
        title: 'Kiểm tra mảng',
        owner_org: f.agencyA.name,
        tags: [{ name: 'cũ' }],
        groups: [{ name: 'tam-thoi' }],
        resources: [{ url: 'https://x.vn/c.csv', format: 'CSV' }],
      },
      asPublisher,
    );
    const facets = async () =>
      (await search({ q: 'kiem tra mang', 'facet.field': ['tags', 'res_format', 'groups'] })).facets;
    const names = async (fq: string) => (await search({ fq, rows: 100 })).results.map((r) => r.name);
    expect(await facets()).toEqual({ tags: { cũ: 1 }, res_format: { CSV: 1 }, groups: { 'tam-thoi': 1 } });

    await callAction(t, 'package_patch', { id: 'kiem-tra-mang', tags: [{ name: 'mới' }] }, asPublisher);
    const added = json<Envelope<{ id: string }>>(
      await callAction(
        t,
        'resource_create',
        { package_id: 'kiem-tra-mang', url: 'https://x.vn/d.json', format: 'JSON' },
        asPublisher,
      ),
    ).result;
    expect(await facets()).toEqual({
      tags: { mới: 1 },
      res_format: { CSV: 1, JSON: 1 },
      groups: { 'tam-thoi': 1 },
    });
    expect(await names('tags:cũ')).toEqual([]);
    expect(await names('res_format:json')).toEqual(['kiem-tra-mang', 'benh-vien']);

    await callAction(t, 'resource_delete', { id: added.id }, asPublisher);
    await callAction(t, 'group_delete', { id: 'tam-thoi' }, { token: f.admin });
    expect(await facets()).toEqual({ tags: { mới: 1 }, res_format: { CSV: 1 }, groups: {} });
    expect(await names('res_format:json')).toEqual(['benh-vien']);
    expect(await names('groups:tam-thoi')).toEqual([]);
  });

  it('suggests titles for the search box by similarity, accents optional', async () => {
    const response = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/opendata/suggest?q=benh vien',
    });
    expect(json<{ name: string }[]>(response).map((s) => s.name)).toEqual(['benh-vien']);
    const fuzzy = json<{ name: string }[]>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/opendata/suggest?q=dan so da nag' }),
    );
    expect(fuzzy[0]?.name).toBe('dan-so-da-nang');
    const hidden = json<{ name: string }[]>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/opendata/suggest?q=noi bo' }),
    );
    expect(hidden).toEqual([]);
  });
});
