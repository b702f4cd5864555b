import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifyTestApp, type NotifyTestApp } from '../testing/notify-test-app';
import { startSmtpInbox, type SmtpInbox } from '../testing/smtp-inbox';

type Detail = {
  status: string;
  attempts: number;
  provider: string;
  providerMessageId: string | null;
  lastError: string | null;
};

describe('e-mail over SMTP', () => {
  let inbox: SmtpInbox;
  let t: NotifyTestApp;
  let admin: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox({ user: 'citydx', pass: 's3cret' }, ['khong-ton-tai@example.vn']);
    t = await buildNotifyTestApp(
      {
        email: {
          smtpUrl: `smtp://citydx:s3cret@127.0.0.1:${inbox.port}`,
          from: 'Cổng Đà Nẵng <no-reply@danang.test>',
        },
      },
      (api) =>
        api.registerTemplates({
          'feedback.status_changed': {
            vi: {
              subject: 'Phản ánh {code}: {status}',
              text: 'Chào {name},\n\nPhản ánh {code} đã chuyển sang trạng thái “{status}”.\nXem: https://citydx.test/tra-cuu/{code}',
            },
            en: {
              subject: 'Report {code}: {status}',
              text: 'Hello {name},\n\nReport {code} is now “{status}”.',
            },
          },
        }),
    );
    admin = await t.bearer([{ role: 'system_admin', agencyId: null }]);
  });
  afterAll(async () => {
    await t?.close();
    await inbox?.close();
  });

  const detail = async (id: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/notify/messages/${id}`,
        headers: { authorization: admin },
      })
    ).json<Detail>();

  it('delivers a Vietnamese e-mail to a real SMTP server, with escaped HTML and one-click unsubscribe', async () => {
    const { id, status } = await t.module.api.send(t.database.db, {
      recipient: { channel: 'email', address: 'Lan.Nguyen@Example.VN', locale: 'vi', name: 'Nguyễn Thị Lan' },
      template: 'feedback.status_changed',
      params: { name: 'Lan <b>', code: 'PA-2026-000123', status: 'Đã xử lý xong' },
      topic: 'feedback.status_changed',
    });
    expect(status).toBe('queued');
    await t.deliver();
    const [mail] = await inbox.waitFor(1);
    expect(mail?.subject).toBe('Phản ánh PA-2026-000123: Đã xử lý xong');
    expect(mail?.from?.value).toEqual([{ name: 'Cổng Đà Nẵng', address: 'no-reply@danang.test' }]);
    expect(mail?.to && 'value' in mail.to ? mail.to.value : []).toEqual([
      { name: 'Nguyễn Thị Lan', address: 'lan.nguyen@example.vn' },
    ]);
    expect(mail?.text).toContain(
      'Chào Lan <b>,\n\nPhản ánh PA-2026-000123 đã chuyển sang trạng thái “Đã xử lý xong”.',
    );
    expect(mail?.html).toContain('<p>Chào Lan &lt;b&gt;,</p>');
    expect(mail?.html).toContain('<a href="https://citydx.test/tra-cuu/PA-2026-000123">');
    const header = (name: string) =>
      mail?.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
    const unsubscribe = header('list-unsubscribe');
    expect(unsubscribe).toMatch(
      /^<https:\/\/citydx\.test\/api\/v1\/notify\/opt-out\?token=[\w-]+&topic=feedback\.status_changed>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail?.text).toContain(unsubscribe.slice(1, -1));
    const sent = await detail(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, provider: 'smtp', lastError: null });
    expect(sent.providerMessageId).toBe(mail?.messageId);
  });

  it('fails at once, without retrying, when the server refuses the mailbox (550)', async () => {
    const { id } = await t.module.api.send(t.database.db, {
      recipient: { channel: 'email', address: 'khong-ton-tai@example.vn', locale: 'en' },
      template: 'feedback.status_changed',
      params: { name: 'X', code: 'PA-1', status: 'closed' },
      topic: 'feedback.status_changed',
    });
    await t.deliver();
    const failed = await detail(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, provider: 'smtp' });
    expect(failed.lastError).toMatch(/550/);
  });

  it('records an address that cannot be valid as failed instead of throwing into the caller', async () => {
    const result = await t.module.api.send(t.database.db, {
      recipient: { channel: 'email', address: 'no at sign', locale: 'vi' },
      template: 'feedback.status_changed',
      params: {},
      topic: 'feedback.status_changed',
    });
    expect(result.status).toBe('failed');
    expect((await detail(result.id)).lastError).toBe('invalid email address');
  });
});
