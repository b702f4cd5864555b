import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/audit/audit';
import type { Submission } from './submission.service';
import type { Executor, FeedbackMessage } from './notifier.port';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';
import { RecordingNotifier } from './testing/recording-notifier';
import { eventPayload } from './workflow';

/** A notifier like notify's adapter: it queues in SQL, and may be down. */
class SqlQueueingNotifier extends RecordingNotifier {
  failing = false;
  /** Whether each send found a transaction open (one with the report in it would be a bug now). */
  readonly inTransaction: boolean[] = [];

  override async send(executor: Executor, message: FeedbackMessage): Promise<void> {
    const { rows } = await sql<{ writing: boolean }>`
      select txid_current_if_assigned() is not null as writing`.execute(executor);
    this.inTransaction.push(rows[0]?.writing ?? false);
    if (this.failing) throw new Error('notify is down');
    await super.send(executor, message);
  }
}

const citizen: Actor = { id: null, label: 'citizen' };

function submission(description: string): Submission {
  return {
    channel: 'web',
    categoryCode: 'giao-thong',
    description,
    address: '12 Bạch Đằng',
    location: { latitude: 16.0678, longitude: 108.2208 },
    contact: { email: 'paths@example.vn' },
    locale: 'vi',
    consentVersion: 'v1',
  };
}

async function storedEvents(f: FeedbackTestApp, reportId: string) {
  const { rows } = await sql<{ type: string; payload: Record<string, unknown> }>`
    select type, payload from platform.outbox_events where payload ->> 'reportId' = ${reportId}`.execute(
    f.t.database.db,
  );
  return rows;
}

describe('filing a report: one statement, the acknowledgement after its outbox event', () => {
  let f: FeedbackTestApp;
  const notifier = new SqlQueueingNotifier();

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true, notifier });
  });
  afterAll(() => f.close());

  const reportCount = async (description: string) => {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from feedback.reports where description = ${description}`.execute(f.t.database.db);
    return rows[0]?.n;
  };

  it('commits report, history, owner token and the submitted event together (one statement)', async () => {
    const { report, ownerToken } = await f.services.submissions.submit(
      submission('Đèn tín hiệu hỏng ở ngã tư (một câu lệnh)'),
      citizen,
    );
    expect(ownerToken).toBeTruthy();
    expect(await storedEvents(f, report.id)).toEqual([
      { type: 'feedback.report.submitted', payload: eventPayload(null, report) },
    ]);
    const { rows } = await sql<{ history: number; tokens: number }>`
      select (select count(*) from feedback.report_history where report_id = ${report.id}) as history,
             (select count(*) from feedback.citizen_tokens where report_id = ${report.id}) as tokens`.execute(
      f.t.database.db,
    );
    expect(rows[0]).toEqual({ history: 1, tokens: 1 });
    // Nothing was sent while filing: the acknowledgement is the event's work.
    expect(notifier.to('paths@example.vn')).toEqual([]);
    await f.t.citydx.platform.events.dispatchPending();
    expect(notifier.to('paths@example.vn').map((m) => m.reference)).toEqual([
      `feedback:${report.id}:received:email:paths@example.vn`,
    ]);
    expect(notifier.inTransaction.at(-1)).toBe(false);
  });

  it('files the report while the notifier is down, and acknowledges it once when it is back', async () => {
    const description = 'Nắp cống bị mất (thông báo lỗi)';
    notifier.failing = true;
    const { report } = await f.services.submissions.submit(submission(description), citizen);
    expect(await reportCount(description)).toBe(1);
    await f.t.citydx.platform.events.dispatchPending();
    expect(notifier.to('paths@example.vn').filter((m) => m.reference.includes(report.id))).toEqual([]);

    // The event stays pending (with back-off); a redelivery after notify is back sends it, and a
    // second delivery of the same event sends nothing more.
    notifier.failing = false;
    await sql`update platform.outbox_events set available_at = now()
      where dispatched_at is null and payload ->> 'reportId' = ${report.id}`.execute(f.t.database.db);
    await f.t.citydx.platform.events.dispatchPending();
    await f.services.submissions.acknowledge(report.id);
    expect(
      notifier
        .to('paths@example.vn')
        .filter((m) => m.reference.includes(report.id))
        .map((m) => m.template),
    ).toEqual(['feedback.received']);
  });
});
