import * as CkanApi from 'ckanapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import { opendataFixture, type OpendataFixture } from '../testing/fixtures';

type Portal = InstanceType<typeof CkanApi.Portal>;

/** The npm CKAN client (ckanapi, by DataShades) against the server listening on a real port. */
describe('a CKAN client from npm talks to citydx', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let anonymous: Portal;
  let publisher: Portal;

  beforeAll(async () => {
    t = await buildOpendataTestApp();
    f = await opendataFixture(t);
    await t.citydx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.citydx.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    anonymous = new CkanApi.Portal(`http://127.0.0.1:${port}`);
    publisher = anonymous.withToken(f.publisherA);
  });
  afterAll(() => t.close());

  it('pings, publishes, uploads, searches and reads back', async () => {
    expect(await anonymous.action.status_show()).toMatchObject({ locale_default: 'vi' });
    const created = (await publisher.action.package_create({
      name: 'diem-wifi',
      title: 'Điểm WiFi công cộng',
      owner_org: f.agencyA.name,
      tags: [{ name: 'wifi' }],
    })) as { id: string; name: string };
    expect(created.name).toBe('diem-wifi');

    const form = new FormData();
    form.append('package_id', created.id);
    form.append('name', 'Danh sách điểm WiFi');
    form.append(
      'upload',
      new Blob(['ten,phuong\nCông viên Biển Đông,Sơn Trà\n'], { type: 'text/csv' }),
      'wifi.csv',
    );
    const resource = (await publisher.action.resource_create(form)) as {
      format: string;
      url_type: string;
      size: number;
    };
    expect(resource).toMatchObject({ format: 'CSV', url_type: 'upload' });

    const found = (await anonymous.action.package_search({ q: 'diem wifi', 'facet.field': ['tags'] })) as {
      count: number;
      results: { name: string; num_resources: number }[];
      facets: Record<string, Record<string, number>>;
    };
    expect(found.count).toBe(1);
    expect(found.results[0]).toMatchObject({ name: 'diem-wifi', num_resources: 1 });
    expect(found.facets.tags).toEqual({ wifi: 1 });
    expect(await anonymous.action.package_list()).toEqual(['diem-wifi']);
    expect(await anonymous.action.organization_list()).toContain(f.agencyA.name);
    expect(await anonymous.documentation(new CkanApi.Action('package_search'))).toMatch(/search/i);
  });

  it('surfaces CKAN errors the way the client expects', async () => {
    await expect(anonymous.action.package_show({ id: 'khong-ton-tai' })).rejects.toMatchObject({
      __type: 'Not Found Error',
    });
    await expect(anonymous.action.package_create({ name: 'an-danh' })).rejects.toMatchObject({
      __type: 'Authorization Error',
    });
  });
});
