import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifyTestApp, type NotifyTestApp } from '../testing/notify-test-app';
import { startProviderServer, type ProviderServer } from '../testing/provider-server';

type Detail = {
  status: string;
  attempts: number;
  nextAttemptAt: string;
  updatedAt: string;
  provider: string;
  providerMessageId: string | null;
  lastError: string | null;
  smsSegments: number | null;
  history: { attempt: number; outcome: string; error: string | null }[];
};

describe('SMS through the HTTP gateway', () => {
  let gateway: ProviderServer;
  let t: NotifyTestApp;
  let admin: string;

  beforeAll(async () => {
    gateway = await startProviderServer({ status: 202, body: { id: 'gw-1' } });
    t = await buildNotifyTestApp(
      {
        sms: { gatewayUrl: `${gateway.url}/v1/sms`, apiKey: 'k-123', sender: 'DANANG' },
        delivery: { retryBaseSeconds: 1, maxAttempts: 3 },
      },
      (api) =>
        api.registerTemplates({
          'feedback.received': {
            vi: { text: 'Phản ánh {code} đã được tiếp nhận. Tra cứu: gửi TRACUU {code} đến 8088.' },
            en: { text: 'Report {code} received. Reply TRACUU {code} to 8088 to track it.' },
          },
        }),
    );
    admin = await t.bearer([{ role: 'system_admin', agencyId: null }]);
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  const detail = async (id: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/notify/messages/${id}`,
        headers: { authorization: admin },
      })
    ).json<Detail>();
  const send = (address: string) =>
    t.module.api.send(t.database.db, {
      recipient: { channel: 'sms', address, locale: 'vi' },
      template: 'feedback.received',
      params: { code: 'PA-2026-000123' },
      topic: 'feedback.received',
    });

  it('POSTs { to, text, sender, reference } with the API key, and keeps the gateway id', async () => {
    const { id } = await send('0905 123 456');
    await t.deliver();
    const request = gateway.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/sms');
    expect(request?.headers['x-api-key']).toBe('k-123');
    expect(request?.headers['idempotency-key']).toBe(id);
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.body).toEqual({
      to: '+84905123456',
      text: 'Phản ánh PA-2026-000123 đã được tiếp nhận. Tra cứu: gửi TRACUU PA-2026-000123 đến 8088.',
      sender: 'DANANG',
      reference: id,
    });
    expect(await detail(id)).toMatchObject({
      status: 'sent',
      provider: 'http-sms',
      providerMessageId: 'gw-1',
      smsSegments: 2,
    });
  });

  it('retries with back-off after a gateway failure, then succeeds', async () => {
    gateway.queue({ status: 503, body: { error: 'busy' } });
    const { id } = await send('+84905000001');
    const before = gateway.requests.length;
    await t.deliver();
    const waiting = await detail(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toMatch(/HTTP 503/);
    expect(Date.parse(waiting.nextAttemptAt) - Date.parse(waiting.updatedAt)).toBeGreaterThanOrEqual(1000);
    await t.deliver();
    expect(gateway.requests.length).toBe(before + 1); // not yet due: no second request
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.deliver();
    expect(gateway.requests.length).toBe(before + 2);
    const sent = await detail(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent.history.map((attempt) => attempt.outcome)).toEqual(['retry', 'sent']);
  });

  it('gives up after the last attempt, and at once on a request the gateway calls wrong (400)', async () => {
    gateway.queue({ status: 500, body: {} }, { status: 500, body: {} }, { status: 500, body: {} });
    const exhausted = await send('+84905000002');
    for (let round = 0; round < 3; round += 1) {
      // Back-off doubles: 1 s after the first failure, 2 s after the second.
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, round === 1 ? 1100 : 2100));
      await t.deliver();
    }
    expect(await detail(exhausted.id)).toMatchObject({ status: 'failed', attempts: 3 });
    gateway.queue({ status: 400, body: { error: 'invalid number' } });
    const refused = await send('+84905000003');
    await t.deliver();
    const failed = await detail(refused.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('invalid number');
  }, 20_000);
});
