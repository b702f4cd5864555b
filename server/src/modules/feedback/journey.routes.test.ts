import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

type Submitted = { trackingCode: string; ownerToken: string; status: string; dueAt: string | null };
type StaffReport = {
  id: string;
  trackingCode: string;
  status: string;
  agencyId: string | null;
  dueAt: string | null;
  reporter: { email: string | null };
};
type PublicDetail = {
  status: string;
  description: string | null;
  answer: string | null;
  history: { status: string }[];
};

describe('a report from the web, routed by the hub, answered by a ward, published and rated', () => {
  let f: FeedbackTestApp;
  let operator: string;
  let wardOfficer: string;
  let wardId: string;
  let submitted: Submitted;
  let reportId: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    wardId = (await f.agency('UBND-P-HAI-CHAU')).id;
    wardOfficer = await f.staff([{ role: 'officer', agencyId: wardId }]);
  });
  afterAll(() => f.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: unknown, auth?: string) =>
    f.app.inject({
      method,
      url: `/api/v1/feedback${url}`,
      ...(payload ? { payload: payload as object } : {}),
      headers: auth ? { authorization: auth } : {},
    });

  it('lists the categories with their working-day deadlines', async () => {
    const categories = json<{ code: string; deadlineWorkingDays: number }[]>(await api('GET', '/categories'));
    expect(categories.find((c) => c.code === 'khan-cap')?.deadlineWorkingDays).toBe(1);
    expect(categories.find((c) => c.code === 've-sinh-moi-truong')?.deadlineWorkingDays).toBe(3);
  });

  it('files a report and returns a tracking code; the citizen is told by e-mail', async () => {
    const response = await api('POST', '/reports', {
      categoryCode: 've-sinh-moi-truong',
      description: 'Rác <b>tồn đọng</b> trước chợ Hàn, bốc mùi.',
      location: { latitude: 16.068, longitude: 108.224 },
      adminUnitCode: '20242',
      contact: { name: 'Nguyễn Văn A', email: 'a@example.vn' },
      consent: true,
    });
    expect(response.statusCode).toBe(201);
    submitted = json<Submitted>(response);
    expect(submitted.trackingCode).toMatch(/^PA-\d{4}-\d{6}$/);
    expect(submitted.ownerToken.length).toBeGreaterThan(20);
    // The acknowledgement follows the report's outbox event (the dispatcher's work in a running app).
    expect(f.notifier.to('a@example.vn')).toEqual([]);
    await f.t.citydx.platform.events.dispatchPending();
    expect(f.notifier.to('a@example.vn').map((m) => m.template)).toEqual(['feedback.received']);
  });

  it('lets anyone track it by code without seeing the text or the reporter before publication', async () => {
    const response = await api('GET', `/reports/${submitted.trackingCode}`);
    expect(response.statusCode).toBe(200);
    expect(json<PublicDetail>(response)).toMatchObject({ status: 'received', description: null });
    expect(response.body).not.toContain('a@example.vn');
    expect(response.body).not.toContain('Nguyễn Văn A');
  });

  it('shows it in the hub inbox with the contact, and transfers it by the routing table', async () => {
    const inbox = json<{ items: StaffReport[] }>(
      await api('GET', '/hub/inbox?status=received', undefined, operator),
    );
    const item = inbox.items.find((r) => r.trackingCode === submitted.trackingCode);
    expect(item?.reporter.email).toBe('a@example.vn');
    reportId = item?.id ?? '';
    const suggestion = json<{ agencyId: string }>(
      await api('GET', `/hub/reports/${reportId}/routing-suggestion`, undefined, operator),
    );
    expect(suggestion.agencyId).toBe(wardId);
    const transferred = json<StaffReport>(
      await api('POST', `/hub/reports/${reportId}/transfer`, {}, operator),
    );
    expect(transferred).toMatchObject({ status: 'assigned', agencyId: wardId });
    expect(new Date(transferred.dueAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });

  it("appears in the ward's queue; the ward accepts and answers", async () => {
    const queue = json<{ items: StaffReport[] }>(await api('GET', '/agency/queue', undefined, wardOfficer));
    expect(queue.items.map((r) => r.id)).toContain(reportId);
    expect((await api('POST', `/agency/reports/${reportId}/accept`, {}, wardOfficer)).statusCode).toBe(200);
    const answered = await api(
      'POST',
      `/agency/reports/${reportId}/respond`,
      { answer: 'Đã thu gom rác và nhắc nhở tiểu thương.' },
      wardOfficer,
    );
    expect(json<StaffReport>(answered).status).toBe('answered');
  });

  it('publishes the answer after review and sends it with a rating link', async () => {
    const reviewed = await api('POST', `/hub/reports/${reportId}/review`, { decision: 'approve' }, operator);
    expect(json<StaffReport>(reviewed).status).toBe('published');
    const answerMessage = f.notifier
      .to('a@example.vn')
      .find((m) => m.template === 'feedback.answer_published');
    expect(String(answerMessage?.params.ratingUrl)).toContain('token=');
    const board = await api('GET', '/board/reports');
    expect(board.body).toContain(submitted.trackingCode);
    expect(board.body).toContain('Rác <b>tồn đọng</b>');
    expect(board.body).not.toContain('a@example.vn');
  });

  it('takes a satisfied rating, closes the report and counts it on time in the league table', async () => {
    const rated = await api('POST', `/reports/${submitted.trackingCode}/rating`, {
      rating: 'satisfied',
      token: submitted.ownerToken,
    });
    expect(json<{ status: string }>(rated).status).toBe('closed');
    const league = json<
      { agencyId: string; received: number; onTime: number; satisfactionPercent: number }[]
    >(await api('GET', '/board/league'));
    expect(league.find((row) => row.agencyId === wardId)).toMatchObject({
      received: 1,
      onTime: 1,
      satisfactionPercent: 100,
    });
  });

  it('wrote each step to the outbox and the audit log, in order', async () => {
    const events = await sql<{ type: string }>`select type from platform.outbox_events
      where payload->>'reportId' = ${reportId} order by id`.execute(f.t.database.db);
    expect(events.rows.map((e) => e.type)).toEqual([
      'feedback.report.submitted',
      'feedback.report.assigned',
      'feedback.report.answered',
      'feedback.report.published',
      'feedback.report.rated',
    ]);
    const audit = await sql<{ action: string }>`select action from platform.audit_log
      where target_id = ${reportId} order by id`.execute(f.t.database.db);
    expect(audit.rows.map((a) => a.action)).toEqual([
      'feedback.report.assigned',
      'feedback.report.accepted',
      'feedback.report.answered',
      'feedback.report.published',
    ]);
  });
});
