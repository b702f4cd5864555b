import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../../test/app';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';

const SECRET = 'sms-webhook-test-secret';

describe('open data by SMS: the DL keyword through the real webhook, router and outbox', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let resourceId: string;
  let sequence = 0;

  // The gateway's signed request (see docs/notify.md: HMAC-SHA256 over "<unix seconds>.<body>").
  async function sms(text: string): Promise<string> {
    sequence += 1;
    const payload = JSON.stringify({
      from: '0905 111 222',
      text,
      receivedAt: new Date().toISOString(),
      messageId: `dl-${sequence}-${Date.now()}`,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = crypto.createHmac('sha256', SECRET).update(`${timestamp}.${payload}`).digest('hex');
    const response = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/notify/inbound/sms',
      payload,
      headers: {
        'content-type': 'application/json',
        'x-citydx-timestamp': timestamp,
        'x-citydx-signature': `sha256=${signature}`,
      },
    });
    expect(response.statusCode).toBe(200);
    const outbox = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/notify/messages?channel=sms&limit=1',
      headers: { authorization: f.admin },
    });
    return json<{ items: { body: string }[] }>(outbox).items[0]?.body ?? '';
  }

  beforeAll(async () => {
    t = await buildTestApp({ SMS_WEBHOOK_SECRET: SECRET, PUBLIC_URL: 'https://data.danang.test' });
    f = await opendataFixture(t);
    await callAction(
      t,
      'package_create',
      {
        name: 'dan-so-theo-phuong',
        title: 'Dân số theo phường',
        owner_org: f.agencyA.name,
        tags: [{ name: 'dân số' }],
        license_id: 'cc-by-4.0',
        resources: [{ url: 'https://x.vn/dan-so.csv', name: 'dan-so.csv', format: 'CSV' }],
      },
      { token: f.publisherA },
    );
    const shown = json<Envelope<{ resources: { id: string }[] }>>(
      await callAction(t, 'package_show', { id: 'dan-so-theo-phuong' }, { method: 'GET' }),
    );
    resourceId = shown.result.resources[0]?.id ?? '';
    const created = await callAction(
      t,
      'datastore_create',
      {
        resource_id: resourceId,
        fields: [
          { id: 'phuong', type: 'text' },
          { id: 'dan_so', type: 'int' },
        ],
        records: [
          { phuong: 'Hải Châu', dan_so: 201234 },
          { phuong: 'Thanh Khê', dan_so: 185000 },
        ],
      },
      { token: f.publisherA },
    );
    expect(created.statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it('answers with the best matching public datasets and short links that redirect to their page', async () => {
    const reply = await sms('DL dan so');
    expect(reply).toContain('Dân số theo phường');
    expect(reply).toContain('https://data.danang.test/d/dan-so-theo-phuong');
    const redirect = await t.citydx.app.inject({ method: 'GET', url: '/d/dan-so-theo-phuong' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/data/dataset/dan-so-theo-phuong');
  });

  it('answers with a value once a publisher registers the topic, diacritics or not', async () => {
    const body = {
      topic: 'Dân số',
      resourceId,
      matchField: 'phuong',
      valueField: 'dan_so',
      unit: 'người',
      label: 'Dân số (dữ liệu thử)',
      labelEn: 'Population (test data)',
    };
    const registered = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/opendata/sms-answers',
      headers: { authorization: f.publisherA },
      payload: body,
    });
    expect(registered.statusCode).toBe(201);
    expect(json<{ topic: string }>(registered).topic).toBe('dan so');
    expect(await sms('DL dân số Hải Châu')).toBe('Dân số (dữ liệu thử)\nHải Châu: 201.234 người');
    expect(await sms('dl DAN SO thanh khe')).toContain('Thanh Khê: 185.000 người');
    // Words that match no row: the datasets instead.
    expect(await sms('DL dân số Hòa Vang')).toContain('/d/dan-so-theo-phuong');
    const again = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/opendata/sms-answers',
      headers: { authorization: f.publisherA },
      payload: { ...body, topic: 'dan  SO' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses answers over columns that do not exist, or by a publisher of another agency', async () => {
    const base = {
      topic: 'so ho',
      resourceId,
      matchField: 'phuong',
      unit: null,
      label: 'Số hộ',
      labelEn: null,
    };
    const missing = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/opendata/sms-answers',
      headers: { authorization: f.publisherA },
      payload: { ...base, valueField: 'so_ho' },
    });
    expect(missing.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(missing).error.code).toBe('OPENDATA_SMS_ANSWER_COLUMNS');
    const stranger = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/opendata/sms-answers',
      headers: { authorization: f.publisherB },
      payload: { ...base, valueField: 'dan_so' },
    });
    expect(stranger.statusCode).toBe(403);
  });

  it('tells the sender how to ask when only the keyword arrives, and when nothing matches', async () => {
    expect(await sms('DL')).toContain('DL <từ khóa>');
    expect(await sms('DL xyzzy plugh')).toContain('Không tìm thấy dữ liệu');
  });
});
