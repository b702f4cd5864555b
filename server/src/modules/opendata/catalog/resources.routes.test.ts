import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import type { DatastoreHooks } from '../contracts';
import type { OpendataApi } from '../opendata.module';
import { buildOpendataTestApp } from '../opendata.test-app';
import {
  callAction,
  multipartBody,
  opendataFixture,
  type Envelope,
  type OpendataFixture,
} from '../testing/fixtures';

type ResourceDict = {
  id: string;
  package_id: string;
  url: string;
  url_type: string | null;
  format: string;
  mimetype: string | null;
  size: number;
  hash: string;
  datastore_active: boolean;
};

/** A DataStore stand-in: records what the catalog tells it and reports CSVs as loaded. */
function recordingDatastore() {
  const stored: string[] = [];
  const deleted: string[] = [];
  const hooks: DatastoreHooks = {
    resourceFileStored: async (resource) => {
      stored.push(resource.id);
    },
    activeResourceIds: async (ids) =>
      new Set(ids.filter((id) => stored.includes(id) && !deleted.includes(id))),
    resourceDeleted: async (id) => {
      deleted.push(id);
    },
  };
  return { stored, deleted, factory: () => ({ actions: [], hooks }) };
}

describe('resource uploads: multipart, size limit, hash, format, download, DataStore hooks', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let datasetId: string;
  let privateId: string;
  const datastore = recordingDatastore();
  const csv = 'phuong,dan_so\r\nHải Châu,201000\r\nSơn Trà,150000\r\n';

  const upload = (
    fields: Record<string, string>,
    file: { name: string; type: string; content: string | Buffer },
    token = f.publisherA,
    action = 'resource_create',
  ) => {
    const body = multipartBody(fields, { field: 'upload', ...file });
    return t.citydx.app.inject({
      method: 'POST',
      url: `/api/3/action/${action}`,
      headers: { ...body.headers, authorization: token },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    t = await buildOpendataTestApp(
      { PUBLIC_URL: 'https://data.example.vn' },
      { datastore: datastore.factory, maxUploadBytes: 64 * 1024 },
    );
    f = await opendataFixture(t);
    const make = async (name: string, isPrivate: boolean) =>
      json<Envelope<{ id: string }>>(
        await callAction(
          t,
          'package_create',
          { name, owner_org: f.agencyA.name, private: isPrivate },
          { token: f.publisherA },
        ),
      ).result.id;
    datasetId = await make('dan-so-phuong', false);
    privateId = await make('noi-bo', true);
  });
  afterAll(() => t.close());

  it('stores an upload with its size, sha256 and detected format, and serves it back', async () => {
    const response = await upload(
      { package_id: datasetId, name: 'Dân số theo phường' },
      { name: 'dân số phường.csv', type: 'application/octet-stream', content: csv },
    );
    expect(response.statusCode).toBe(200);
    const resource = json<Envelope<ResourceDict>>(response).result;
    expect(resource).toMatchObject({
      package_id: datasetId,
      url_type: 'upload',
      format: 'CSV',
      mimetype: 'text/csv',
      size: Buffer.byteLength(csv),
      hash: crypto.createHash('sha256').update(csv).digest('hex'),
      datastore_active: true,
    });
    expect(resource.url).toBe(
      `https://data.example.vn/dataset/${datasetId}/resource/${resource.id}/download/dan-so-phuong.csv`,
    );
    expect(datastore.stored).toEqual([resource.id]);
    const download = await t.citydx.app.inject({ method: 'GET', url: new URL(resource.url).pathname });
    expect([download.statusCode, download.body, download.headers['content-type']]).toEqual([
      200,
      csv,
      'text/csv',
    ]);
    const stats = json<{ downloads: number; resources: number }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/opendata/stats' }),
    );
    expect(stats).toMatchObject({ downloads: 1, resources: 1 });
  });

  it("refuses a file over the limit with CKAN's validation error, and anonymous or foreign uploads", async () => {
    const big = await upload(
      { package_id: datasetId },
      { name: 'big.csv', type: 'text/csv', content: Buffer.alloc(64 * 1024 + 1, 'a') },
    );
    expect([big.statusCode, json<Envelope>(big).error]).toEqual([
      409,
      { upload: ['File upload too large'], __type: 'Validation Error' },
    ]);
    const foreign = await upload(
      { package_id: datasetId },
      { name: 'x.csv', type: 'text/csv', content: csv },
      f.publisherB,
    );
    expect(json<Envelope>(foreign).error.__type).toBe('Authorization Error');
    const anonymous = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      ...multipartBody(
        { package_id: datasetId },
        { field: 'upload', name: 'x.csv', type: 'text/csv', content: csv },
      ),
    });
    expect(anonymous.statusCode).toBe(403);
  });

  it('replaces the file on resource_update, drops DataStore tables on delete', async () => {
    const created = json<Envelope<ResourceDict>>(
      await upload(
        { package_id: datasetId },
        { name: 'a.json', type: 'application/json', content: '{"a":1}' },
      ),
    ).result;
    expect([created.format, created.datastore_active]).toEqual(['JSON', false]);
    const replaced = json<Envelope<ResourceDict>>(
      await upload(
        { id: created.id },
        { name: 'b.csv', type: 'text/csv', content: 'a\n1\n' },
        f.publisherA,
        'resource_update',
      ),
    ).result;
    expect([replaced.format, replaced.size, replaced.datastore_active]).toEqual(['CSV', 4, true]);
    await callAction(t, 'resource_delete', { id: created.id }, { token: f.publisherA });
    expect(datastore.deleted).toContain(created.id);
    expect((await callAction(t, 'resource_show', { id: created.id }, { method: 'GET' })).statusCode).toBe(
      404,
    );
  });

  it('keeps private datasets invisible everywhere to the wrong caller', async () => {
    const secret = json<Envelope<ResourceDict>>(
      await upload({ package_id: privateId }, { name: 's.csv', type: 'text/csv', content: csv }),
    ).result;
    const path = new URL(secret.url).pathname;
    const asAnonymous = [
      await callAction(t, 'package_show', { id: privateId }, { method: 'GET' }),
      await callAction(t, 'resource_show', { id: secret.id }, { method: 'GET' }),
      await t.citydx.app.inject({ method: 'GET', url: path }),
      await t.citydx.app.inject({ method: 'GET', url: `/dataset/${privateId}.ttl` }),
      await t.citydx.app.inject({ method: 'GET', url: `/api/v1/opendata/datasets/${privateId}/history` }),
    ];
    expect(asAnonymous.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
    const asOtherPublisher = await callAction(t, 'resource_show', { id: secret.id }, { token: f.publisherB });
    expect(asOtherPublisher.statusCode).toBe(404);
    expect(
      (await t.citydx.app.inject({ method: 'GET', url: path, headers: { authorization: f.publisherA } }))
        .statusCode,
    ).toBe(200);
    expect(json<Envelope<string[]>>(await callAction(t, 'package_list')).result).toEqual(['dan-so-phuong']);
    const catalog = await t.citydx.app.inject({ method: 'GET', url: '/catalog.ttl' });
    expect(catalog.body).not.toContain(privateId);
    const access = t.citydx.modules.find((m) => m.name === 'opendata')?.api as OpendataApi;
    expect(await access.catalogAccess.readableResource(null, secret.id)).toBeUndefined();
    expect((await access.catalogAccess.readableResourceIds(null)).has(secret.id)).toBe(false);
  });
});
