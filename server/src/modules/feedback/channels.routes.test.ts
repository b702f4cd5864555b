import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

type StaffReport = {
  id: string;
  trackingCode: string;
  status: string;
  channel: string;
  isAnonymous: boolean;
  reporter: { phone: string | null };
  notify: { channel: string; address: string } | null;
};

describe('reports over SMS, Zalo and the call centre', () => {
  let f: FeedbackTestApp;
  let operator: string;
  let smsCode: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
  });
  afterAll(() => f.close());

  const staff = (method: 'GET' | 'POST', url: string, payload?: object, auth = operator) =>
    f.app.inject({
      method,
      url: `/api/v1/feedback${url}`,
      headers: { authorization: auth },
      ...(payload ? { payload } : {}),
    });

  it('files an SMS as a report and replies with the tracking code, once per message id', async () => {
    const sms = {
      channel: 'sms' as const,
      from: '+84 905 111 222',
      text: 'Đèn đường Lê Duẩn tắt cả tuần nay, rất tối.',
      messageId: 'sms-1',
    };
    const reply = await f.notifier.receive(sms);
    smsCode = /PA-\d{4}-\d{6}/.exec(reply?.text ?? '')?.[0] ?? '';
    expect(smsCode).not.toBe('');
    const again = await f.notifier.receive(sms);
    expect(again?.text).toContain(smsCode);
    const inbox = json<{ items: StaffReport[] }>(await staff('GET', '/hub/inbox?channel=sms'));
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      status: 'received',
      reporter: { phone: '0905111222' },
      notify: { channel: 'sms', address: '0905111222' },
    });
  });

  it('answers a status query by tracking code, and helps with a message too short to be a report', async () => {
    expect(
      (
        await f.notifier.receive({
          channel: 'sms',
          from: '0905111222',
          text: `TRA ${smsCode}`,
          messageId: 'sms-2',
        })
      )?.text,
    ).toContain('Đã tiếp nhận');
    expect(
      (
        await f.notifier.receive({
          channel: 'sms',
          from: '0905111222',
          text: 'PA-2026-999999',
          messageId: 'sms-3',
        })
      )?.text,
    ).toContain('khong tim thay');
    expect(
      (await f.notifier.receive({ channel: 'sms', from: '0905111222', text: 'alo', messageId: 'sms-4' }))
        ?.text,
    ).toContain('10');
  });

  it('shows the caller their earlier reports while the operator types a new one', async () => {
    const earlier = json<StaffReport[]>(await staff('GET', '/hub/callers/0905%20111%20222/reports'));
    expect(earlier.map((r) => r.trackingCode)).toEqual([smsCode]);
    const entered = await staff('POST', '/hub/reports', {
      channel: 'phone',
      categoryCode: 'khan-cap',
      description: 'Cây đổ chắn đường Trần Phú sau mưa lớn.',
      address: 'Trần Phú, Hải Châu',
      contact: { name: 'Lê C', phone: '0905111222' },
      urgent: true,
      consentGiven: true,
    });
    expect(entered.statusCode).toBe(201);
    expect(json<StaffReport>(entered)).toMatchObject({
      channel: 'phone',
      status: 'classified',
      notify: { channel: 'sms' },
    });
    expect(json<StaffReport[]>(await staff('GET', '/hub/callers/0905111222/reports'))).toHaveLength(2);
    const anonymous = await f.app.inject({
      method: 'GET',
      url: '/api/v1/feedback/hub/callers/0905111222/reports',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('places a report sent with a map position in its administrative unit, after the fact', async () => {
    await f.t.citydx.platform.adminUnits.loadSeed(f.t.database.db, [
      {
        code: '99001',
        name_vi: 'Phường Thử nghiệm',
        level: 'ward',
        parent_code: '48',
        valid_from: '2025-07-01',
        valid_to: null,
        centroid: { lat: 16.06, lon: 108.22 },
        source: 'test',
      },
    ]);
    const reply = await f.notifier.receive({
      channel: 'zalo',
      from: 'zalo-user-7',
      text: 'Cây xanh gãy cành trước nhà văn hóa.',
      messageId: 'z-loc',
      location: { latitude: 16.061, longitude: 108.221 },
    });
    const code = /PA-\d{4}-\d{6}/.exec(reply?.text ?? '')?.[0] ?? '';
    expect((await f.services.ctx.reports.findByCode(code))?.adminUnitCode).toBeNull();
    await f.module.jobs?.find((job) => job.name === 'feedback.locate_reports')?.run();
    expect((await f.services.ctx.reports.findByCode(code))?.adminUnitCode).toBe('99001');
  });

  it('takes a Zalo report through to a published answer the citizen rates by replying', async () => {
    const reply = await f.notifier.receive({
      channel: 'zalo',
      from: 'zalo-user-42',
      text: 'Nắp cống vỡ trên đường Hùng Vương, nguy hiểm cho xe máy.',
      messageId: 'z-1',
    });
    const code = /PA-\d{4}-\d{6}/.exec(reply?.text ?? '')?.[0] ?? '';
    const report = await f.services.ctx.reports.findByCode(code);
    const id = report?.id ?? '';
    await f.t.citydx.platform.events.dispatchPending(); // the acknowledgement
    await staff('POST', `/hub/reports/${id}/classify`, {
      categoryCode: 'ha-tang-do-thi',
      adminUnitCode: '20242',
    });
    const sxd = await f.agency('SXD');
    await staff('POST', `/hub/reports/${id}/transfer`, { agencyId: sxd.id });
    const officer = await f.staff([{ role: 'officer', agencyId: sxd.id }]);
    await staff('POST', `/agency/reports/${id}/respond`, { answer: 'Đã thay nắp cống mới.' }, officer);
    expect(
      json<StaffReport>(await staff('POST', `/hub/reports/${id}/review`, { decision: 'approve' })).status,
    ).toBe('published');
    const toCitizen = f.notifier.to('zalo-user-42');
    expect(toCitizen.map((m) => m.template)).toEqual([
      'feedback.received',
      'feedback.status_changed',
      'feedback.answer_published',
    ]);
    const [, , published] = toCitizen;
    expect(published && f.notifier.text(published)).toContain(code);
    const stranger = await f.notifier.receive({
      channel: 'zalo',
      from: 'someone-else',
      text: `DG ${code} 3`,
      messageId: 'z-2',
    });
    expect(stranger?.text).not.toContain('cam on');
    const rated = await f.notifier.receive({
      channel: 'zalo',
      from: 'zalo-user-42',
      text: `DG ${code} 1 cảm ơn`,
      messageId: 'z-3',
    });
    expect(rated?.text).toContain('cam on');
    expect((await f.services.ctx.reports.findById(id))?.status).toBe('closed');
  });
});
