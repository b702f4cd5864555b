import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifyTestApp, type NotifyTestApp } from './testing/notify-test-app';

type Message = { id: string; status: string; channel: string; body: string; subject: string | null };
type Page = { items: Message[]; total: number };
type ErrorBody = { error: { code: string } };

describe('/api/v1/notify console and opt-out routes', () => {
  let t: NotifyTestApp;
  let admin: string;
  let operator: string;
  let viewer: string;

  beforeAll(async () => {
    t = await buildNotifyTestApp({}, (api) =>
      api.registerTemplates({
        'feedback.status_changed': {
          vi: { subject: 'Phản ánh {code}', text: 'Phản ánh {code} tại {place} đã được cập nhật.' },
          en: { subject: 'Report {code}', text: 'Report {code} at {place} was updated.' },
        },
      }),
    );
    admin = await t.bearer([{ role: 'system_admin', agencyId: null }]);
    operator = await t.bearer([{ role: 'call_center_operator', agencyId: null }]);
    viewer = await t.bearer([{ role: 'viewer', agencyId: null }]);
  });
  afterAll(() => t.close());

  const get = (url: string, authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/notify${url}`,
      headers: authorization ? { authorization } : {},
    });
  const email = (address: string, code: string) =>
    t.module.api.send(t.database.db, {
      recipient: { channel: 'email', address, locale: 'vi' },
      template: 'feedback.status_changed',
      params: { code, place: 'Đà Nẵng' },
      topic: 'feedback.status_changed',
      reference: { type: 'feedback_report', id: code },
    });

  it('shows the outbox log to operators only, searchable without accents', async () => {
    const { id } = await email('lan@example.vn', 'PA-9');
    expect((await get('/messages')).statusCode).toBe(401);
    expect((await get('/messages', viewer)).statusCode).toBe(403);
    const found = (await get('/messages?q=da nang&channel=email&status=queued', operator)).json<Page>();
    expect(found.items.map((item) => item.id)).toEqual([id]);
    expect(found.items[0]?.body).toBe(
      'Phản ánh PA-9 tại Đà Nẵng đã được cập nhật.\n\n--\nBạn không muốn nhận loại thông báo này nữa? Mở liên kết: [opt-out link]',
    );
    expect(
      (await get('/messages?referenceType=feedback_report&referenceId=PA-9', operator)).json<Page>().total,
    ).toBe(1);
    expect((await get('/messages?status=unknown', operator)).statusCode).toBe(400);
    expect((await get('/messages/summary', operator)).json()).toMatchObject({ queued: 1 });
  });

  it('sends a failed message again, and only a failed or suppressed one', async () => {
    const failed = await t.module.api.send(t.database.db, {
      recipient: { channel: 'sms', address: 'not a phone', locale: 'vi' },
      template: 'feedback.status_changed',
      params: { code: 'PA-10', place: 'Hải Châu' },
      topic: 'feedback.status_changed',
    });
    const retry = (id: string, authorization = operator) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/notify/messages/${id}/retry`,
        headers: { authorization },
      });
    expect((await retry(failed.id, viewer)).statusCode).toBe(403);
    const again = await retry(failed.id);
    expect([again.statusCode, again.json<Message>().status]).toEqual([200, 'queued']);
    const twice = await retry(failed.id);
    expect([twice.statusCode, twice.json<ErrorBody>().error.code]).toEqual([
      409,
      'NOTIFY_MESSAGE_NOT_RETRYABLE',
    ]);
    const missing = await retry('3f0c1d2e-4b5a-4c6d-8e7f-901234567890');
    expect([missing.statusCode, missing.json<ErrorBody>().error.code]).toEqual([
      404,
      'NOTIFY_MESSAGE_NOT_FOUND',
    ]);
  });

  it('lets administrators send a test message through a channel', async () => {
    const send = (authorization: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/notify/messages/test',
        headers: { authorization },
        payload,
      });
    expect((await send(operator, { channel: 'sms', address: '0905123456' })).statusCode).toBe(403);
    const sent = await send(admin, { channel: 'sms', address: '0905123456' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json<Message>().body).toBe(
      'Tin nhắn thử nghiệm từ hệ thống thông báo TP Đà Nẵng: kênh sms đã hoạt động.',
    );
    const bad = await send(admin, { channel: 'sms', address: 'abc' });
    expect([bad.statusCode, bad.json<ErrorBody>().error.code]).toEqual([400, 'NOTIFY_ADDRESS_INVALID']);
  });

  it('reads and changes a recipient’s preferences (staff)', async () => {
    const put = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/notify/preferences',
        headers: { authorization: operator },
        payload,
      });
    const changed = await put({ channel: 'sms', address: '0905 111 222', topic: '*', optedOut: true });
    expect(changed.json()).toMatchObject({
      channel: 'sms',
      address: '+84905111222',
      optOuts: [{ topic: '*', source: 'staff' }],
    });
    expect(
      (await put({ channel: 'sms', address: '0905111222', topic: 'Not A Topic', optedOut: true })).statusCode,
    ).toBe(400);
    await put({ channel: 'sms', address: '+84905111222', topic: '*', optedOut: false });
    expect((await get('/preferences?channel=sms&address=0905111222', operator)).json()).toMatchObject({
      optOuts: [],
    });
  });

  it('opts out with the e-mail link: JSON for clients, a page for browsers, one-click POST for mail apps', async () => {
    await email('binh@example.vn', 'PA-11');
    const messages = (await get('/messages?q=binh', operator)).json<Page>();
    expect(messages.total).toBe(1);
    const token = await t.database.db
      .withTables<{ 'notify.recipients': { address: string; opt_out_token: string } }>()
      .selectFrom('notify.recipients')
      .select('opt_out_token')
      .where('address', '=', 'binh@example.vn')
      .executeTakeFirstOrThrow();
    const link = `/opt-out?token=${token.opt_out_token}&topic=feedback.status_changed`;
    const json = await get(link);
    expect(json.json()).toEqual({
      channel: 'email',
      address: 'b***@example.vn',
      topic: 'feedback.status_changed',
      optedOut: true,
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/notify/opt-out?token=${token.opt_out_token}`,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
    });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Địa chỉ b***@example.vn sẽ không nhận thêm thông báo nào qua kênh này.');
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notify${link}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect((await email('binh@example.vn', 'PA-12')).status).toBe('suppressed');
    const unknown = await get('/opt-out?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect([unknown.statusCode, unknown.json<ErrorBody>().error.code]).toEqual([
      404,
      'NOTIFY_OPT_OUT_TOKEN_UNKNOWN',
    ]);
    expect((await get('/opt-out')).statusCode).toBe(400);
  });

  it('documents every route in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith('/api/v1/notify'))
        .sort(),
    ).toEqual([
      '/api/v1/notify/inbound',
      '/api/v1/notify/inbound/sms',
      '/api/v1/notify/inbound/zalo',
      '/api/v1/notify/messages',
      '/api/v1/notify/messages/summary',
      '/api/v1/notify/messages/test',
      '/api/v1/notify/messages/{id}',
      '/api/v1/notify/messages/{id}/retry',
      '/api/v1/notify/opt-out',
      '/api/v1/notify/preferences',
    ]);
  });
});
