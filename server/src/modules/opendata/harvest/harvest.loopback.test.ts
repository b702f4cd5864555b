import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';
import { counts, createSource, freePort, harvestNow } from './harvest.test-support';

interface Pkg {
  id: string;
  name: string;
  title: string;
  state: string;
  private: boolean;
  license_id: string | null;
  organization: { name: string } | null;
  tags: { name: string }[];
  extras: { key: string; value: string }[];
  resources: { id: string; url: string; format: string; name: string }[];
}

const extra = (pkg: Pkg, key: string) => pkg.extras.find((entry) => entry.key === key)?.value;

/**
 * Issue #4: a second citydx instance listens on loopback with its own database; the first harvests it
 * through the CKAN Action API and through its DCAT catalog, then again after the source changed.
 */
describe('harvesting another citydx instance over loopback', () => {
  let source: TestApp;
  let local: TestApp;
  let remote: OpendataFixture;
  let here: OpendataFixture;
  let sourceUrl: string;

  const publish = async (payload: Record<string, unknown>) => {
    const response = await callAction(source, 'package_create', payload, { token: remote.publisherA });
    expect(response.statusCode, response.body).toBe(200);
    return json<Envelope<Pkg>>(response).result;
  };
  const showLocal = async (id: string, token?: string) => {
    const response = await callAction(local, 'package_show', { id }, token ? { token } : {});
    return { status: response.statusCode, pkg: json<Envelope<Pkg>>(response).result };
  };

  beforeAll(async () => {
    const port = await freePort();
    sourceUrl = `http://127.0.0.1:${port}`;
    source = await buildOpendataTestApp({ PUBLIC_URL: sourceUrl });
    remote = await opendataFixture(source);
    await source.citydx.app.listen({ port, host: '127.0.0.1' });
    local = await buildOpendataTestApp();
    here = await opendataFixture(local);

    await publish({
      name: 'diem-wifi',
      title: 'Điểm WiFi công cộng',
      notes: 'Các điểm phát WiFi miễn phí',
      owner_org: remote.agencyA.name,
      license_id: 'cc-by-4.0',
      frequency: 'MONTHLY',
      tags: [{ name: 'wifi' }, { name: 'hạ tầng số' }],
      resources: [
        { name: 'Danh sách', url: 'https://files.example.vn/wifi.csv', format: 'CSV' },
        { name: 'Bản đồ', url: 'https://files.example.vn/wifi.geojson', format: 'GeoJSON' },
      ],
    });
    await publish({
      name: 'benh-vien',
      title: 'Bệnh viện công lập',
      owner_org: remote.agencyA.name,
      resources: [{ name: 'CSV', url: 'https://files.example.vn/benh-vien.csv', format: 'CSV' }],
    });
    await publish({
      name: 'luong-noi-bo',
      title: 'Bảng lương nội bộ',
      owner_org: remote.agencyA.name,
      private: true,
      resources: [{ name: 'XLSX', url: 'https://files.example.vn/luong.xlsx', format: 'XLSX' }],
    });
  });
  afterAll(async () => {
    await local?.close();
    await source?.close();
  });

  it('mirrors the public datasets of a CKAN source, never the private one, then skips what did not change', async () => {
    const ckan = await createSource(local, here.admin, {
      name: 'citydx-khac',
      title: 'Cổng dữ liệu thứ hai',
      type: 'ckan',
      url: `${sourceUrl}/`,
      organizationId: here.agencyA.id,
    });
    const first = await harvestNow(local, here.admin, ckan.id);
    expect(first.status).toBe('succeeded');
    expect(counts(first)).toEqual({ created: 2, updated: 0, deleted: 0, unchanged: 0, failed: 0 });

    const { status, pkg } = await showLocal('diem-wifi');
    expect(status).toBe(200);
    expect(pkg).toMatchObject({
      title: 'Điểm WiFi công cộng',
      license_id: 'cc-by-4.0',
      private: false,
      organization: { name: here.agencyA.name },
    });
    expect(pkg.tags.map((tag) => tag.name).sort()).toEqual(['hạ tầng số', 'wifi']);
    expect(pkg.resources.map((resource) => resource.url)).toEqual([
      'https://files.example.vn/wifi.csv',
      'https://files.example.vn/wifi.geojson',
    ]);
    expect(extra(pkg, 'harvest_source')).toBe('citydx-khac');
    expect(extra(pkg, 'harvest_url')).toBe(`${sourceUrl}/dataset/diem-wifi`);
    const remoteWifi = json<Envelope<Pkg>>(
      await callAction(source, 'package_show', { id: 'diem-wifi' }),
    ).result;
    expect(extra(pkg, 'harvest_original_id')).toBe(remoteWifi.id);

    // The private dataset is invisible to the anonymous harvester, so it exists nowhere here.
    expect((await showLocal('luong-noi-bo', here.admin)).status).toBe(404);
    const search = json<Envelope<{ count: number; results: Pkg[] }>>(
      await callAction(
        local,
        'package_search',
        { q: 'lương nội bộ', include_private: true },
        { token: here.admin },
      ),
    ).result;
    expect(search.count).toBe(0);

    const again = await harvestNow(local, here.admin, ckan.id);
    expect(counts(again)).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 2, failed: 0 });
  });

  it('refuses local edits of a harvested dataset', async () => {
    const patch = await callAction(
      local,
      'package_patch',
      { id: 'diem-wifi', title: 'Sửa tại chỗ' },
      { token: here.publisherA },
    );
    expect(patch.statusCode).toBe(403);
    expect(json<Envelope>(patch).error.message).toContain('harvested');
    const { pkg } = await showLocal('diem-wifi');
    const resource = await callAction(
      local,
      'resource_patch',
      { id: pkg.resources[0]?.id, name: 'Đổi tên' },
      { token: here.publisherA },
    );
    expect(resource.statusCode).toBe(403);
    const remove = await callAction(local, 'package_delete', { id: 'diem-wifi' }, { token: here.admin });
    expect(remove.statusCode).toBe(403);
  });

  it('mirrors the same source through its DCAT catalog in Turtle, JSON-LD and RDF/XML', async () => {
    for (const format of ['ttl', 'jsonld', 'rdf']) {
      const dcat = await createSource(local, here.admin, {
        name: `dcat-${format}`,
        type: 'dcat',
        url: `${sourceUrl}/catalog.${format}`,
        organizationId: here.agencyB.id,
      });
      const run = await harvestNow(local, here.admin, dcat.id);
      expect({ format, ...counts(run), error: run.error }).toEqual({
        format,
        created: 2,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        failed: 0,
        error: null,
      });
      const again = await harvestNow(local, here.admin, dcat.id);
      expect({ format, ...counts(again) }).toMatchObject({ format, unchanged: 2, created: 0, updated: 0 });
    }
    const found = json<Envelope<{ count: number; results: Pkg[] }>>(
      await callAction(local, 'package_search', { fq: `organization:${here.agencyB.name}`, rows: 20 }),
    ).result;
    expect(found.count).toBe(6);
    const wifi = found.results.filter((pkg) => pkg.title === 'Điểm WiFi công cộng');
    expect(wifi).toHaveLength(3);
    for (const pkg of wifi) {
      expect(pkg.resources.map((resource) => resource.url).sort()).toEqual([
        'https://files.example.vn/wifi.csv',
        'https://files.example.vn/wifi.geojson',
      ]);
      expect(pkg.tags.map((tag) => tag.name).sort()).toEqual(['hạ tầng số', 'wifi']);
      expect(pkg.license_id).toBe('cc-by-4.0');
      expect(extra(pkg, 'harvest_url')).toBe(`${sourceUrl}/data/diem-wifi`);
    }
    // Names come from the titles; clashes take the source's name as a suffix.
    expect(wifi.map((pkg) => pkg.name).sort()).toEqual([
      'diem-wifi-cong-cong',
      'diem-wifi-cong-cong-dcat-jsonld',
      'diem-wifi-cong-cong-dcat-rdf',
    ]);
  });

  it('updates, deletes and adds after the source changed, by CKAN and by DCAT', async () => {
    const before = (await showLocal('diem-wifi')).pkg;
    await callAction(
      source,
      'package_patch',
      { id: 'diem-wifi', title: 'Điểm WiFi miễn phí', notes: 'Cập nhật 2026' },
      { token: remote.publisherA },
    );
    await callAction(source, 'package_delete', { id: 'benh-vien' }, { token: remote.publisherA });
    await publish({ name: 'truong-hoc', title: 'Trường học', owner_org: remote.agencyA.name });

    const sources = json<{ items: { id: string; name: string }[] }>(
      await local.citydx.app.inject({
        method: 'GET',
        url: '/api/v1/opendata/harvest/sources',
        headers: { authorization: here.admin },
      }),
    ).items;
    const byName = (name: string) => sources.find((entry) => entry.name === name)?.id ?? '';

    const ckanRun = await harvestNow(local, here.admin, byName('citydx-khac'));
    expect(counts(ckanRun)).toEqual({ created: 1, updated: 1, deleted: 1, unchanged: 0, failed: 0 });
    const after = (await showLocal('diem-wifi')).pkg;
    expect(after.title).toBe('Điểm WiFi miễn phí');
    // The same resource URLs keep their local ids: links to them stay valid.
    expect(after.resources.map((resource) => resource.id)).toEqual(
      before.resources.map((resource) => resource.id),
    );
    expect((await showLocal('benh-vien')).status).toBe(404);
    expect((await showLocal('benh-vien', here.admin)).pkg.state).toBe('deleted');
    expect((await showLocal('truong-hoc')).pkg.organization?.name).toBe(here.agencyA.name);

    const dcatRun = await harvestNow(local, here.admin, byName('dcat-ttl'));
    expect(counts(dcatRun)).toEqual({ created: 1, updated: 1, deleted: 1, unchanged: 0, failed: 0 });

    const runs = json<{ items: { status: string }[]; total: number }>(
      await local.citydx.app.inject({
        method: 'GET',
        url: `/api/v1/opendata/harvest/sources/${byName('citydx-khac')}/runs`,
        headers: { authorization: here.admin },
      }),
    );
    expect(runs.total).toBe(3);
    expect(runs.items.every((run) => run.status === 'succeeded')).toBe(true);
  });

  it('brings a dataset back when it reappears on the source', async () => {
    const sources = json<{ items: { id: string; name: string }[] }>(
      await local.citydx.app.inject({
        method: 'GET',
        url: '/api/v1/opendata/harvest/sources',
        headers: { authorization: here.admin },
      }),
    ).items;
    await callAction(
      source,
      'package_patch',
      { id: 'benh-vien', state: 'active' },
      { token: remote.publisherA },
    );
    const id = sources.find((entry) => entry.name === 'citydx-khac')?.id ?? '';
    const run = await harvestNow(local, here.admin, id);
    expect(counts(run)).toMatchObject({ created: 0, updated: 1, deleted: 0 });
    expect((await showLocal('benh-vien')).pkg.state).toBe('active');
  });
});
