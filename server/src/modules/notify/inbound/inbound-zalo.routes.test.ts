import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../notify.types';
import { buildNotifyTestApp, type NotifyTestApp } from '../testing/notify-test-app';
import { startProviderServer, type ProviderServer } from '../testing/provider-server';
import { signedZaloEvent } from '../testing/webhook-signing';

const KEYS = { appId: '1234567890123456789', oaSecretKey: 'oa-secret-key' };
const USER = '8402937164525372818';
type Result = {
  received: boolean;
  duplicate: boolean;
  ignored?: string;
  inboundId: string | null;
  replyMessageId: string | null;
};
type ErrorBody = { error: { code: string } };

const text = (body: string, msgId: string) => ({
  event_name: 'user_send_text',
  sender: { id: USER },
  recipient: { id: '579745863508352884' },
  message: { msg_id: msgId, text: body },
});

describe('POST /api/v1/notify/inbound/zalo', () => {
  let zalo: ProviderServer;
  let t: NotifyTestApp;
  const reported: InboundMessage[] = [];

  beforeAll(async () => {
    zalo = await startProviderServer({
      status: 200,
      body: { error: 0, message: 'Success', data: { message_id: 'z1' } },
    });
    t = await buildNotifyTestApp(
      { zalo: { apiUrl: zalo.url, accessToken: 'oa-token' }, zaloWebhook: KEYS },
      (api) => {
        api.registerInboundKeyword(
          'TRACUU',
          async (message) => `Phản ánh ${message.argument}: đã xử lý xong.`,
        );
        api.setInboundFallback(async (message) => {
          reported.push(message);
          return {
            vi: 'Cảm ơn bạn, phản ánh đã được tiếp nhận.',
            en: 'Thank you, your report was received.',
          };
        });
      },
    );
  });
  afterAll(async () => {
    await t?.close();
    await zalo?.close();
  });

  const post = (request: { payload: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', url: '/api/v1/notify/inbound/zalo', ...request });

  it('verifies X-ZEvent-Signature, routes the text, and replies to the Zalo user', async () => {
    const response = await post(signedZaloEvent(KEYS, text('TRACUU PA-2026-000777', 'm-1')));
    expect(response.statusCode).toBe(200);
    expect(response.json<Result>()).toMatchObject({ received: true, duplicate: false });
    await t.deliver();
    const sent = zalo.requests.at(-1);
    expect(sent?.url).toBe('/v3.0/oa/message/cs');
    expect(sent?.body).toEqual({
      recipient: { user_id: USER },
      message: { text: 'Phản ánh PA-2026-000777: đã xử lý xong.' },
    });
    const redelivered = await post(signedZaloEvent(KEYS, text('TRACUU PA-2026-000777', 'm-1')));
    expect(redelivered.json<Result>().duplicate).toBe(true);
  });

  it('turns a shared location and a photo into fallback messages', async () => {
    const location = await post(
      signedZaloEvent(KEYS, {
        event_name: 'user_send_location',
        sender: { id: USER },
        message: {
          msg_id: 'm-2',
          attachments: [
            { type: 'location', payload: { coordinates: { latitude: '16.0544', longitude: '108.2022' } } },
          ],
        },
      }),
    );
    expect(location.statusCode).toBe(200);
    expect(reported.at(-1)).toMatchObject({
      channel: 'zalo',
      from: USER,
      text: '',
      location: { latitude: 16.0544, longitude: 108.2022 },
    });
    await post(
      signedZaloEvent(KEYS, {
        event_name: 'user_send_image',
        sender: { id: USER },
        message: {
          msg_id: 'm-3',
          text: 'Ổ gà trên đường Nguyễn Văn Linh',
          attachments: [
            {
              type: 'image',
              payload: {
                url: 'https://photo.zalo.example/abc.jpg',
                thumbnail: 'https://photo.zalo.example/t.jpg',
              },
            },
          ],
        },
      }),
    );
    expect(reported.at(-1)).toMatchObject({
      text: 'Ổ gà trên đường Nguyễn Văn Linh',
      location: null,
      attachments: [{ type: 'image', url: 'https://photo.zalo.example/abc.jpg' }],
    });
  });

  it('acknowledges events that carry no message', async () => {
    const follow = await post(signedZaloEvent(KEYS, { event_name: 'follow', follower: { id: USER } }));
    expect(follow.json<Result>()).toMatchObject({ received: true, ignored: 'follow', inboundId: null });
  });

  it('refuses a wrong signature, another app id, an old event, and an unconfigured OA', async () => {
    const good = signedZaloEvent(KEYS, text('xin chào', 'm-4'));
    const forged = await post({
      ...good,
      headers: { ...good.headers, 'x-zevent-signature': 'mac=deadbeef' },
    });
    expect([forged.statusCode, forged.json<ErrorBody>().error.code]).toEqual([
      401,
      'NOTIFY_WEBHOOK_SIGNATURE_INVALID',
    ]);
    const unsigned = await post({ ...good, headers: { 'content-type': 'application/json' } });
    expect(unsigned.statusCode).toBe(401);
    const otherApp = await post(signedZaloEvent({ ...KEYS, appId: '999' }, text('x', 'm-5')));
    expect(otherApp.statusCode).toBe(401);
    const wrongKey = await post(
      signedZaloEvent({ ...KEYS, oaSecretKey: 'app-secret-instead' }, text('x', 'm-6')),
    );
    expect(wrongKey.statusCode).toBe(401);
    const old = await post(signedZaloEvent(KEYS, text('x', 'm-7'), Date.now() - 2 * 3600 * 1000));
    expect([old.statusCode, old.json<ErrorBody>().error.code]).toEqual([401, 'NOTIFY_WEBHOOK_EXPIRED']);
    const noSender = await post(
      signedZaloEvent(KEYS, { event_name: 'user_send_text', message: { msg_id: 'm-8', text: 'x' } }),
    );
    expect([noSender.statusCode, noSender.json<ErrorBody>().error.code]).toEqual([
      400,
      'NOTIFY_WEBHOOK_PAYLOAD_INVALID',
    ]);
    const bare = await buildNotifyTestApp({});
    try {
      const refused = await bare.app.inject({ method: 'POST', url: '/api/v1/notify/inbound/zalo', ...good });
      expect(refused.statusCode).toBe(403);
    } finally {
      await bare.close();
    }
  });
});

describe('inbound messages without a fallback handler', () => {
  it('answer with the list of keywords, in the language last used with the sender', async () => {
    const zalo = await startProviderServer({ status: 200, body: { error: 0, data: { message_id: 'z' } } });
    const t = await buildNotifyTestApp(
      { zalo: { apiUrl: zalo.url, accessToken: 'oa-token' }, zaloWebhook: KEYS },
      (api) =>
        api.registerInboundKeyword('TRACUU', async () => 'ok', {
          description: { vi: 'TRACUU <mã>: tra cứu phản ánh', en: 'TRACUU <code>: track a report' },
        }),
    );
    try {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/notify/inbound/zalo',
        ...signedZaloEvent(KEYS, text('alo alo', 'h-1')),
      });
      await t.deliver();
      const reply = (zalo.requests.at(-1)?.body as { message: { text: string } }).message.text;
      expect(reply.split('\n')).toEqual([
        'Hệ thống chưa hiểu tin nhắn của bạn. Các cú pháp được hỗ trợ:',
        '- STOP hoặc HUY: ngừng nhận tin nhắn thông báo',
        '- BATDAU hoặc START: nhận lại tin nhắn thông báo',
        '- TROGIUP hoặc HELP: xem các cú pháp',
        '- TRACUU <mã>: tra cứu phản ánh',
      ]);
      // Once the city has written to the user in English, the help comes in English.
      await t.module.api.send(t.database.db, {
        recipient: { channel: 'zalo', address: USER, locale: 'en' },
        template: 'notify.test',
        params: { channel: 'zalo' },
        topic: 'notify.test',
      });
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/notify/inbound/zalo',
        ...signedZaloEvent(KEYS, text('hello?', 'h-2')),
      });
      await t.deliver();
      const texts = zalo.requests.map(
        (request) => (request.body as { message: { text: string } }).message.text,
      );
      expect(texts).toContainEqual(
        expect.stringMatching(/^We could not understand your message\. You can send:\n- STOP or HUY/),
      );
    } finally {
      await t.close();
      await zalo.close();
    }
  });
});
