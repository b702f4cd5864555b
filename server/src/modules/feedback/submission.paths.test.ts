import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/audit/audit';
import type { Submission } from './submission.service';
import type { Executor, FeedbackMessage } from './notifier.port';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';
import { RecordingNotifier } from './testing/recording-notifier';
import { eventPayload } from './workflow';

/** A notifier like notify's adapter: it queues in SQL, through the caller's transaction, and may fail. */
class SqlQueueingNotifier extends RecordingNotifier {
  override readonly keepsMessagesOutsideDatabase = false;
  failing = false;
  /** Whether the executor it was handed had a transaction open with the report already written. */
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

describe('filing a report: one statement, or one transaction when the acknowledgement is queued in SQL', () => {
  let outside: FeedbackTestApp;
  let inSql: FeedbackTestApp;
  const sqlNotifier = new SqlQueueingNotifier();

  beforeAll(async () => {
    outside = await buildFeedbackTestApp({ demo: true });
    inSql = await buildFeedbackTestApp({ demo: true, notifier: sqlNotifier });
  });
  afterAll(async () => {
    await outside.close();
    await inSql.close();
  });

  it('commits report, history, owner token and the submitted event together (one statement)', async () => {
    const { report, ownerToken } = await outside.services.submissions.submit(
      submission('Đèn tín hiệu hỏng ở ngã tư (một câu lệnh)'),
      citizen,
    );
    expect(ownerToken).toBeTruthy();
    expect(await storedEvents(outside, report.id)).toEqual([
      { type: 'feedback.report.submitted', payload: eventPayload(null, report) },
    ]);
    const { rows } = await sql<{ history: number; tokens: number }>`
      select (select count(*) from feedback.report_history where report_id = ${report.id}) as history,
             (select count(*) from feedback.citizen_tokens where report_id = ${report.id}) as tokens`.execute(
      outside.t.database.db,
    );
    expect(rows[0]).toEqual({ history: 1, tokens: 1 });
    expect(outside.notifier.to('paths@example.vn').map((m) => m.reference)).toEqual([
      `feedback:${report.id}:received:email:paths@example.vn`,
    ]);
  });

  it('queues the acknowledgement inside the transaction that writes the report', async () => {
    const { report } = await inSql.services.submissions.submit(
      submission('Cây đổ chắn đường (giao dịch)'),
      citizen,
    );
    expect(sqlNotifier.inTransaction).toEqual([true]);
    expect(await storedEvents(inSql, report.id)).toEqual([
      { type: 'feedback.report.submitted', payload: eventPayload(null, report) },
    ]);
  });

  it('keeps nothing when the acknowledgement cannot be queued', async () => {
    sqlNotifier.failing = true;
    const description = 'Nắp cống bị mất (thông báo lỗi)';
    await expect(inSql.services.submissions.submit(submission(description), citizen)).rejects.toThrow(
      'notify is down',
    );
    sqlNotifier.failing = false;
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from feedback.reports where description = ${description}`.execute(
      inSql.t.database.db,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
