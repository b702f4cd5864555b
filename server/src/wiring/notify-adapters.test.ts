import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../test/app';
import { loadKernelDemo, loadReferenceData } from '../platform/kernel-demo';

const SECRET = 'wiring-test-sms-secret';

interface Message {
  channel: string;
  address: string;
  template: string;
  subject: string | null;
  body: string;
}

/** feedback ↔ notify through the real adapter (server/src/wiring): what a citizen actually receives. */
describe('the notify adapters of the composition root', () => {
  let t: TestApp;
  let admin: string;

  const outbox = async (query: string) =>
    json<{ items: Message[] }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `/api/v1/notify/messages?${query}`,
        headers: { authorization: admin },
      }),
    ).items;

  beforeAll(async () => {
    t = await buildTestApp({ SMS_WEBHOOK_SECRET: SECRET });
    const platform = t.citydx.platform;
    await loadReferenceData(platform);
    await loadKernelDemo(platform);
    await t.citydx.modules.find((module) => module.name === 'feedback')?.loadDemo?.();
    admin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token}`;
  });
  afterAll(() => t?.close());

  it('sends the acknowledgement of a web report by e-mail, rendered from feedback’s template', async () => {
    const response = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/reports',
      payload: {
        categoryCode: 've-sinh-moi-truong',
        description: 'Rác tồn đọng trước chợ Hàn, bốc mùi.',
        address: 'Chợ Hàn, Hải Châu',
        contact: { name: 'Nguyễn Văn A', email: 'wiring@example.vn' },
        consent: true,
      },
    });
    expect(response.statusCode).toBe(201);
    const { trackingCode } = json<{ trackingCode: string }>(response);
    await t.citydx.platform.events.dispatchPending();
    const sent = await outbox('channel=email&q=wiring@example.vn');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ address: 'wiring@example.vn', template: 'feedback.received' });
    expect(`${sent[0]?.subject} ${sent[0]?.body}`).toContain(trackingCode);
  });

  it('files an SMS as a report through notify’s webhook and replies with the code on SMS', async () => {
    const payload = JSON.stringify({
      from: '0905 333 444',
      text: 'Đèn đường hỏng cả dãy trên đường Bạch Đằng từ tối qua',
      receivedAt: new Date().toISOString(),
      messageId: `wiring-${Date.now()}`,
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
    const replies = await outbox('channel=sms&q=905333444');
    const code = /PA-\d{4}-\d{6,}/.exec(replies.map((message) => message.body).join(' '))?.[0];
    expect(code).toBeDefined();
    const tracked = await t.citydx.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${code}` });
    expect(json<{ channel: string }>(tracked).channel).toBe('sms');
  });
});
