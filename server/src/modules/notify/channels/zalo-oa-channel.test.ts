import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifyTestApp, type NotifyTestApp } from '../testing/notify-test-app';
import { startProviderServer, type ProviderServer } from '../testing/provider-server';

type Detail = {
  status: string;
  attempts: number;
  provider: string;
  providerMessageId: string | null;
  lastError: string | null;
};

describe('Zalo OA messages', () => {
  let zalo: ProviderServer;
  let t: NotifyTestApp;
  let admin: string;

  beforeAll(async () => {
    zalo = await startProviderServer({
      status: 200,
      body: { error: 0, message: 'Success', data: { message_id: 'zmsg-1', user_id: '8402937164525372818' } },
    });
    t = await buildNotifyTestApp(
      { zalo: { apiUrl: zalo.url, accessToken: 'oa-token' }, delivery: { retryBaseSeconds: 1 } },
      (api) =>
        api.registerTemplates({
          'feedback.resolved': {
            vi: { text: 'Phản ánh {code} đã được xử lý xong. Cảm ơn bạn!' },
            en: { text: 'Report {code} has been resolved. Thank you!' },
          },
        }),
    );
    admin = await t.bearer([{ role: 'system_admin', agencyId: null }]);
  });
  afterAll(async () => {
    await t?.close();
    await zalo?.close();
  });

  const detail = async (id: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/notify/messages/${id}`,
        headers: { authorization: admin },
      })
    ).json<Detail>();
  const send = () =>
    t.module.api.send(t.database.db, {
      recipient: { channel: 'zalo', address: '8402937164525372818', locale: 'vi' },
      template: 'feedback.resolved',
      params: { code: 'PA-2026-000123' },
      topic: 'feedback.resolved',
    });

  it('sends a customer-service text message in the OA API v3 shape', async () => {
    const { id } = await send();
    await t.deliver();
    const request = zalo.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v3.0/oa/message/cs');
    expect(request?.headers.access_token).toBe('oa-token');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.body).toEqual({
      recipient: { user_id: '8402937164525372818' },
      message: { text: 'Phản ánh PA-2026-000123 đã được xử lý xong. Cảm ơn bạn!' },
    });
    expect(await detail(id)).toMatchObject({
      status: 'sent',
      provider: 'zalo-oa',
      providerMessageId: 'zmsg-1',
    });
  });

  it('retries an expired access token (-216, HTTP 200) and gives up on a final error', async () => {
    zalo.queue({ status: 200, body: { error: -216, message: 'Access token is invalid' } });
    const expired = await send();
    await t.deliver();
    const waiting = await detail(expired.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toBe('Zalo OA error -216: Access token is invalid');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.deliver();
    expect(await detail(expired.id)).toMatchObject({ status: 'sent', attempts: 2 });

    zalo.queue({ status: 200, body: { error: -213, message: 'User has not followed the OA' } });
    const final = await send();
    await t.deliver();
    expect(await detail(final.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });
});
