import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

type Report = {
  id: string;
  trackingCode: string;
  status: string;
  agencyId: string | null;
  dueAt: string | null;
  extension: unknown;
  reviewNote: string | null;
};
type ErrorBody = { error: { code: string } };

describe('hub and agency workflow: merge, reject, return, extension, send back, reopen', () => {
  let f: FeedbackTestApp;
  let operator: string;
  let sxdOfficer: string;
  let otherOfficer: string;
  let sxd: string;
  let snnmt: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    sxd = (await f.agency('SXD')).id;
    snnmt = (await f.agency('SNNMT')).id;
    sxdOfficer = await f.staff([{ role: 'officer', agencyId: sxd }]);
    otherOfficer = await f.staff([{ role: 'officer', agencyId: snnmt }]);
  });
  afterAll(() => f.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object, auth = operator) =>
    f.app.inject({
      method,
      url: `/api/v1/feedback${url}`,
      headers: auth ? { authorization: auth } : {},
      ...(payload ? { payload } : {}),
    });
  const file = async (description: string, contact?: object) => {
    const response = await call(
      'POST',
      '/reports',
      {
        categoryCode: 'giao-thong',
        description,
        location: { latitude: 16.0612, longitude: 108.2231 },
        ...(contact ? { contact, consent: true } : {}),
      },
      '',
    );
    const body = json<{ trackingCode: string; ownerToken: string }>(response);
    const report = await f.services.ctx.reports.findByCode(body.trackingCode);
    return { ...body, id: report?.id ?? '' };
  };
  const toAnswered = async (id: string) => {
    await call('POST', `/hub/reports/${id}/transfer`, { agencyId: sxd });
    return call('POST', `/agency/reports/${id}/respond`, { answer: 'Đã vá ổ gà.' }, sxdOfficer);
  };

  it('suggests likely duplicates nearby, lets a citizen follow instead, and merges a duplicate', async () => {
    const original = await file('Ổ gà rất lớn trước số 12 Bạch Đằng', { email: 'first@example.vn' });
    const similar = json<{ trackingCode: string; distanceMetres: number }[]>(
      await call(
        'GET',
        '/reports/similar?category=giao-thong&lat=16.0613&lon=108.2232&text=o ga lon Bach Dang',
        undefined,
        '',
      ),
    );
    expect(similar[0]?.trackingCode).toBe(original.trackingCode);
    expect(similar[0]?.distanceMetres).toBeLessThan(50);
    const follow = await call(
      'POST',
      `/reports/${original.trackingCode}/follow`,
      { channel: 'email', address: 'Neighbour@Example.vn' },
      '',
    );
    expect(json<{ added: boolean }>(follow).added).toBe(true);
    const duplicate = await file('Ổ gà Bạch Đằng chưa sửa', { email: 'second@example.vn' });
    const merged = await call('POST', `/hub/reports/${duplicate.id}/merge`, { into: original.trackingCode });
    expect(json<Report>(merged).status).toBe('merged');
    expect((await call('POST', `/hub/reports/${original.id}/merge`, { into: original.id })).statusCode).toBe(
      422,
    );
    await toAnswered(original.id);
    await call('POST', `/hub/reports/${original.id}/review`, { decision: 'approve' });
    for (const address of ['first@example.vn', 'neighbour@example.vn', 'second@example.vn'])
      expect(f.notifier.to(address).map((m) => m.template)).toContain('feedback.answer_published');
  });

  it('keeps agencies to their own reports and lets them return one as not theirs', async () => {
    const report = await file('Biển báo bị gãy ở ngã tư');
    await call('POST', `/hub/reports/${report.id}/transfer`, { agencyId: sxd });
    const foreign = await call('POST', `/agency/reports/${report.id}/respond`, { answer: 'x' }, otherOfficer);
    expect([foreign.statusCode, json<ErrorBody>(foreign).error.code]).toEqual([
      403,
      'FEEDBACK_OUTSIDE_SCOPE',
    ]);
    const returned = json<Report>(
      await call(
        'POST',
        `/agency/reports/${report.id}/return`,
        { reason: 'Thuộc Sở Nông nghiệp và Môi trường' },
        sxdOfficer,
      ),
    );
    expect(returned).toMatchObject({ status: 'returned', agencyId: null });
    const inbox = json<{ items: Report[] }>(await call('GET', '/hub/inbox?status=returned'));
    expect(inbox.items.map((r) => r.id)).toContain(report.id);
    const reassigned = json<Report>(
      await call('POST', `/hub/reports/${report.id}/transfer`, {
        agencyId: snnmt,
        note: 'Chuyển đúng đơn vị',
      }),
    );
    expect(reassigned).toMatchObject({ status: 'assigned', agencyId: snnmt });
  });

  it('moves the deadline only when the hub approves an extension', async () => {
    const report = await file('Đèn tín hiệu hỏng ở ngã ba');
    const assigned = json<Report>(
      await call('POST', `/hub/reports/${report.id}/transfer`, { agencyId: sxd }),
    );
    const asked = json<Report>(
      await call(
        'POST',
        `/agency/reports/${report.id}/extension`,
        { days: 5, reason: 'Chờ nhà thầu thay thiết bị' },
        sxdOfficer,
      ),
    );
    expect(asked.extension).toMatchObject({ days: 5 });
    expect(asked.dueAt).toBe(assigned.dueAt);
    const twice = await call(
      'POST',
      `/agency/reports/${report.id}/extension`,
      { days: 2, reason: 'Lần nữa' },
      sxdOfficer,
    );
    expect(json<ErrorBody>(twice).error.code).toBe('FEEDBACK_EXTENSION_PENDING');
    const approved = json<Report>(
      await call('POST', `/hub/reports/${report.id}/extension`, { approve: true }),
    );
    expect(approved.extension).toBeNull();
    expect(new Date(approved.dueAt ?? 0).getTime()).toBeGreaterThan(
      new Date(assigned.dueAt ?? 0).getTime() + 5 * 86_400_000,
    );
  });

  it('sends an answer back with a note, and refuses steps out of order', async () => {
    const report = await file('Mặt đường lún sụt', { email: 'c@example.vn' });
    const early = await call('POST', `/hub/reports/${report.id}/review`, { decision: 'approve' });
    expect([early.statusCode, json<ErrorBody>(early).error.code]).toEqual([
      409,
      'FEEDBACK_INVALID_TRANSITION',
    ]);
    await toAnswered(report.id);
    expect(
      (await call('POST', `/hub/reports/${report.id}/review`, { decision: 'send_back' })).statusCode,
    ).toBe(400);
    const back = json<Report>(
      await call('POST', `/hub/reports/${report.id}/review`, {
        decision: 'send_back',
        note: 'Cần ảnh sau khi sửa',
      }),
    );
    expect(back).toMatchObject({ status: 'in_progress', reviewNote: 'Cần ảnh sau khi sửa' });
    expect(f.notifier.to('c@example.vn').filter((m) => m.params.status === 'Đang xử lý')).toHaveLength(0);
  });

  it('lets only one of two simultaneous reviews through', async () => {
    const report = await file('Cống thoát nước tắc');
    await toAnswered(report.id);
    const [first, second] = await Promise.all([
      call('POST', `/hub/reports/${report.id}/review`, { decision: 'approve' }),
      call('POST', `/hub/reports/${report.id}/review`, { decision: 'approve' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
  });

  it('reopens on an unsatisfied rating within the window, only records it after', async () => {
    const report = await file('Vỉa hè vỡ', { email: 'd@example.vn' });
    await toAnswered(report.id);
    await call('POST', `/hub/reports/${report.id}/review`, { decision: 'approve' });
    const wrongToken = await call(
      'POST',
      `/reports/${report.trackingCode}/rating`,
      { rating: 'unsatisfied', token: 'x'.repeat(43) },
      '',
    );
    expect(wrongToken.statusCode).toBe(403);
    const reopened = await call(
      'POST',
      `/reports/${report.trackingCode}/rating`,
      { rating: 'unsatisfied', comment: 'Vẫn còn', token: report.ownerToken },
      '',
    );
    expect(json<Report>(reopened).status).toBe('reopened');
    await toAnswered(report.id);
    await call('POST', `/hub/reports/${report.id}/review`, { decision: 'approve' });
    await sql`update feedback.reports set published_at = now() - interval '30 days', rated_at = now() - interval '31 days' where id = ${report.id}`.execute(
      f.t.database.db,
    );
    const late = await call(
      'POST',
      `/reports/${report.trackingCode}/rating`,
      { rating: 'unsatisfied', token: report.ownerToken },
      '',
    );
    expect(json<Report>(late).status).toBe('closed');
    const again = await call(
      'POST',
      `/reports/${report.trackingCode}/rating`,
      { rating: 'satisfied', token: report.ownerToken },
      '',
    );
    expect(json<ErrorBody>(again).error.code).toBe('FEEDBACK_ALREADY_RATED');
  });
});
