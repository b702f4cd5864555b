import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../notify.types';
import { buildNotifyTestApp, type NotifyTestApp } from '../testing/notify-test-app';
import { startProviderServer, type ProviderServer } from '../testing/provider-server';
import { signedSmsRequest } from '../testing/webhook-signing';

const SECRET = 'sms-webhook-secret';
type Result = {
  received: boolean;
  duplicate: boolean;
  inboundId: string | null;
  replyMessageId: string | null;
};
type ErrorBody = { error: { code: string } };

describe('POST /api/v1/notify/inbound/sms', () => {
  let gateway: ProviderServer;
  let t: NotifyTestApp;
  let admin: string;
  const tracked: InboundMessage[] = [];
  const reported: InboundMessage[] = [];

  beforeAll(async () => {
    gateway = await startProviderServer({ status: 200, body: { id: 'gw' } });
    t = await buildNotifyTestApp(
      { sms: { gatewayUrl: gateway.url }, smsWebhookSecret: SECRET, webhookRatePerMinute: 40 },
      (api) => {
        api.registerTemplates({
          'feedback.update': { vi: { text: 'Cập nhật {n}' }, en: { text: 'Update {n}' } },
        });
        api.registerInboundKeyword(
          ['TRACUU', 'TRACKING'],
          async (message) => {
            tracked.push(message);
            return {
              vi: `Phản ánh ${message.argument}: đang xử lý.`,
              en: `Report ${message.argument}: in progress.`,
            };
          },
          { description: { vi: 'TRACUU <mã>: tra cứu phản ánh', en: 'TRACUU <code>: track a report' } },
        );
        api.registerInboundKeyword('LOI', async (message, context) => {
          // Writes in its own transaction, then fails: the write must be undone.
          await context.executor.transaction().execute(async (trx) => {
            await api.send(trx, {
              recipient: { channel: 'sms', address: message.from, locale: 'vi' },
              template: 'feedback.update',
              topic: 'feedback.update',
              reference: { type: 'test', id: 'rolled-back' },
            });
            throw new Error('handler bug');
          });
        });
        api.setInboundFallback(async (message) => {
          reported.push(message);
          return 'Đã tiếp nhận phản ánh của bạn.';
        });
      },
    );
    admin = await t.bearer([{ role: 'system_admin', agencyId: null }]);
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  const post = (request: { payload: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', url: '/api/v1/notify/inbound/sms', ...request });
  const sms = (text: string, extra: Record<string, unknown> = {}) =>
    post(
      signedSmsRequest(SECRET, {
        from: '0905 123 456',
        text,
        receivedAt: new Date().toISOString(),
        ...extra,
      }),
    );
  const lastSms = () => gateway.requests.at(-1)?.body as { to: string; text: string } | undefined;
  // Deliveries of one batch run concurrently: look for a text among everything the gateway received.
  const smsTexts = () => gateway.requests.map((request) => (request.body as { text: string }).text);

  it('routes a keyword to its handler and replies by SMS to the sender', async () => {
    const response = await sms('tra cứu PA-2026-000123');
    expect(response.statusCode).toBe(200);
    // "tra" is not a keyword: the whole text went to the fallback.
    expect(reported.at(-1)?.text).toBe('tra cứu PA-2026-000123');
    const keyword = await sms('Tracuu PA-2026-000123', { id: 'gw-in-1' });
    const body = keyword.json<Result>();
    expect(body).toMatchObject({ received: true, duplicate: false });
    expect(tracked.at(-1)).toMatchObject({
      channel: 'sms',
      from: '+84905123456',
      keyword: 'TRACUU',
      argument: 'PA-2026-000123',
      id: body.inboundId,
    });
    await t.deliver();
    expect(lastSms()).toMatchObject({ to: '+84905123456', text: 'Phản ánh PA-2026-000123: đang xử lý.' });
    const again = await sms('Tracuu PA-2026-000123', { id: 'gw-in-1' });
    expect(again.json<Result>()).toMatchObject({ duplicate: true, inboundId: null, replyMessageId: null });
    expect(tracked.filter((message) => message.argument === 'PA-2026-000123')).toHaveLength(1);
  });

  it('refuses bad signatures, missing or old timestamps, and an unconfigured secret', async () => {
    const good = signedSmsRequest(SECRET, {
      from: '0905123456',
      text: 'x',
      receivedAt: new Date().toISOString(),
    });
    const forged = await post({
      ...good,
      headers: { ...good.headers, 'x-citydx-signature': 'sha256=' + '0'.repeat(64) },
    });
    expect([forged.statusCode, forged.json<ErrorBody>().error.code]).toEqual([
      401,
      'NOTIFY_WEBHOOK_SIGNATURE_INVALID',
    ]);
    const tampered = await post({ ...good, payload: good.payload.replace('"x"', '"y"') });
    expect(tampered.statusCode).toBe(401);
    const { 'x-citydx-timestamp': _dropped, ...noTimestamp } = good.headers;
    expect((await post({ ...good, headers: noTimestamp })).statusCode).toBe(401);
    const old = signedSmsRequest(
      SECRET,
      { from: '0905123456', text: 'x', receivedAt: new Date().toISOString() },
      Math.floor(Date.now() / 1000) - 7200,
    );
    const replayed = await post(old);
    expect([replayed.statusCode, replayed.json<ErrorBody>().error.code]).toEqual([
      401,
      'NOTIFY_WEBHOOK_EXPIRED',
    ]);
    const wrongSecret = await post(
      signedSmsRequest('another', { from: '0905123456', text: 'x', receivedAt: new Date().toISOString() }),
    );
    expect(wrongSecret.statusCode).toBe(401);
    const unconfigured = await buildNotifyTestApp({});
    try {
      const refused = await unconfigured.app.inject({
        method: 'POST',
        url: '/api/v1/notify/inbound/sms',
        ...good,
      });
      expect([refused.statusCode, refused.json<ErrorBody>().error.code]).toEqual([
        403,
        'NOTIFY_WEBHOOK_NOT_CONFIGURED',
      ]);
    } finally {
      await unconfigured.close();
    }
  });

  it('validates a signed body with 4xx answers, never 5xx', async () => {
    const missing = await post(
      signedSmsRequest(SECRET, { from: '0905123456', receivedAt: new Date().toISOString() }),
    );
    expect([missing.statusCode, missing.json<ErrorBody>().error.code]).toEqual([
      400,
      'PLATFORM_VALIDATION_FAILED',
    ]);
    const badPhone = await post(
      signedSmsRequest(SECRET, { from: 'abc', text: 'x', receivedAt: new Date().toISOString() }),
    );
    expect([badPhone.statusCode, badPhone.json<ErrorBody>().error.code]).toEqual([
      400,
      'NOTIFY_WEBHOOK_PAYLOAD_INVALID',
    ]);
    const malformed = await post({ payload: '{"from": ', headers: { 'content-type': 'application/json' } });
    expect([malformed.statusCode, malformed.json<ErrorBody>().error.code]).toEqual([
      400,
      'PLATFORM_MALFORMED_JSON',
    ]);
  });

  it('STOP opts the sender out (HUY inside a report does not); START opts back in', async () => {
    const notify = () =>
      t.module.api.send(t.database.db, {
        recipient: { channel: 'sms', address: '+84905123456', locale: 'vi' },
        template: 'feedback.update',
        params: { n: 1 },
        topic: 'feedback.update',
      });
    await sms('Hủy bỏ rác ở kiệt 12 Lê Duẩn giúp tôi');
    expect(reported.at(-1)?.text).toBe('Hủy bỏ rác ở kiệt 12 Lê Duẩn giúp tôi');
    expect((await notify()).status).toBe('queued');
    await sms('STOP');
    await t.deliver();
    expect(smsTexts()).toContainEqual(expect.stringContaining('Bạn đã ngừng nhận tin nhắn thông báo'));
    expect((await notify()).status).toBe('suppressed');
    await sms('BATDAU');
    expect((await notify()).status).toBe('queued');
    await sms('hủy'); // the Vietnamese keyword, written with its accent
    expect((await notify()).status).toBe('suppressed');
    await sms('BATDAU');
    expect((await notify()).status).toBe('queued');
  });

  it('keeps the message and apologises when a handler fails, undoing its writes', async () => {
    const response = await sms('LOI 1');
    expect(response.statusCode).toBe(200);
    await t.deliver();
    expect(smsTexts()).toContainEqual(expect.stringContaining('Hệ thống chưa xử lý được tin nhắn của bạn'));
    const rolledBack = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notify/messages?referenceType=test&referenceId=rolled-back',
      headers: { authorization: admin },
    });
    expect(rolledBack.json<{ total: number }>().total).toBe(0);
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notify/inbound?q=LOI',
      headers: { authorization: admin },
    });
    expect(log.json<{ items: { keyword: string; handledBy: string }[] }>().items[0]).toMatchObject({
      keyword: 'LOI',
      handledBy: 'error',
    });
  });

  it('rate-limits the webhook per client', async () => {
    const limited = await buildNotifyTestApp({ smsWebhookSecret: SECRET, webhookRatePerMinute: 2 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const request = signedSmsRequest(SECRET, {
          from: '0905123456',
          text: `x${i}`,
          receivedAt: new Date().toISOString(),
        });
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/v1/notify/inbound/sms', ...request }))
            .statusCode,
        );
      }
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
