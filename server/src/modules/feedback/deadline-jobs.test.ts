import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, json } from '../../../test/app';
import { systemActor } from '../../platform/audit/audit';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

describe('deadline jobs: reminder before, escalation after, closing unrated answers', () => {
  let f: FeedbackTestApp;
  let operator: string;
  let agencyId: string;
  let headUserId: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    headUserId = (await createUserWithToken(f.t.citydx, [{ role: 'viewer', agencyId: null }])).userId;
    const agency = await f.t.citydx.platform.agencies.create(
      {
        code: 'TEST-DONVI',
        nameVi: 'Đơn vị thử nghiệm',
        nameEn: null,
        kind: 'department',
        parentId: null,
        email: 'donvi@example.vn',
        phone: null,
        address: null,
        website: null,
        headUserId,
        adminUnitCode: null,
        active: true,
        note: null,
      },
      systemActor,
    );
    agencyId = agency.id;
  });
  afterAll(() => f.close());

  const assignedReport = async () => {
    const created = await f.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/reports',
      payload: { categoryCode: 'giao-thong', description: 'Ổ gà', address: 'Lê Duẩn' },
    });
    const report = await f.services.ctx.reports.findByCode(
      json<{ trackingCode: string }>(created).trackingCode,
    );
    await f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/hub/reports/${report?.id}/transfer`,
      headers: { authorization: operator },
      payload: { agencyId },
    });
    return report?.id ?? '';
  };
  const setDue = (id: string, interval: string) =>
    sql`update feedback.reports set due_at = now() + ${interval}::interval where id = ${id}`.execute(
      f.t.database.db,
    );
  const job = (name: string) => f.module.jobs?.find((j) => j.name === name);

  it('registers its jobs with the scheduler', () => {
    expect(f.module.jobs?.map((j) => j.name)).toEqual([
      'feedback.deadline_reminders',
      'feedback.deadline_escalations',
      'feedback.locate_reports',
      'feedback.close_unrated',
    ]);
  });

  it('reminds the agency once when the deadline is near', async () => {
    const id = await assignedReport();
    await setDue(id, '2 hours');
    await job('feedback.deadline_reminders')?.run();
    await job('feedback.deadline_reminders')?.run();
    const reminders = f.notifier
      .to('donvi@example.vn')
      .filter((m) => m.template === 'feedback.deadline_reminder');
    expect(reminders).toHaveLength(1);
    expect((await f.services.ctx.reports.findById(id))?.remindedAt).not.toBeNull();
  });

  it('derives overdue from the deadline and escalates once to the head of the agency', async () => {
    const id = await assignedReport();
    await setDue(id, '-1 hour');
    const overdue = json<{ items: { id: string; overdue: boolean }[] }>(
      await f.app.inject({
        method: 'GET',
        url: '/api/v1/feedback/hub/inbox?overdue=true',
        headers: { authorization: operator },
      }),
    );
    expect(overdue.items.map((r) => [r.id, r.overdue])).toContainEqual([id, true]);
    await job('feedback.deadline_escalations')?.run();
    await job('feedback.deadline_escalations')?.run();
    const toHead = f.notifier.to(headUserId).filter((m) => m.template === 'feedback.deadline_escalation');
    expect(toHead.map((m) => m.recipient.channel)).toEqual(['user']);
    const events = await sql<{ n: number }>`select count(*) as n from platform.outbox_events
      where type = 'feedback.report.escalated' and payload->>'reportId' = ${id}`.execute(f.t.database.db);
    expect(Number(events.rows[0]?.n)).toBe(1);
  });

  it('closes answers nobody rated within the reopen window', async () => {
    const id = await assignedReport();
    const officer = await f.staff([{ role: 'officer', agencyId }]);
    await f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/agency/reports/${id}/respond`,
      headers: { authorization: officer },
      payload: { answer: 'Đã xử lý.' },
    });
    await f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/hub/reports/${id}/review`,
      headers: { authorization: operator },
      payload: { decision: 'approve' },
    });
    await sql`update feedback.reports set published_at = now() - interval '8 days' where id = ${id}`.execute(
      f.t.database.db,
    );
    await job('feedback.close_unrated')?.run();
    expect((await f.services.ctx.reports.findById(id))?.status).toBe('closed');
  });
});
