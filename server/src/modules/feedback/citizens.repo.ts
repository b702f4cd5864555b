import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Locale } from '../../platform/i18n/locale';
import type { FeedbackTables } from './feedback.tables';
import type { Executor } from './notifier.port';
import type { NotifyChannel } from './report-states';

export interface Follower {
  readonly channel: NotifyChannel;
  readonly address: string;
  readonly locale: Locale;
}

/** Followers of reports and the secrets citizens hold for their own reports. */
export class CitizensRepo {
  constructor(private readonly db: Db) {}

  /** Adds a follower; false when that address already follows the report. */
  async follow(executor: Executor, reportId: string, follower: Follower): Promise<boolean> {
    const result = await executor
      .withTables<FeedbackTables>()
      .insertInto('feedback.followers')
      .values({ report_id: reportId, ...follower })
      .onConflict((oc) => oc.columns(['report_id', 'channel', 'address']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async followers(executor: Executor, reportId: string): Promise<Follower[]> {
    return executor
      .withTables<FeedbackTables>()
      .selectFrom('feedback.followers')
      .select(['channel', 'address', 'locale'])
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .limit(1000)
      .execute();
  }

  /** Moves the followers of a merged report to the report it was merged into. */
  async moveFollowers(executor: Executor, fromReportId: string, toReportId: string): Promise<void> {
    await sql`insert into feedback.followers (report_id, channel, address, locale)
      select ${toReportId}, channel, address, locale from feedback.followers where report_id = ${fromReportId}
      on conflict do nothing`.execute(executor);
  }

  async storeToken(
    executor: Executor,
    token: { hash: string; reportId: string; purpose: 'owner' | 'rating'; expiresAt: Date },
  ): Promise<void> {
    await executor
      .withTables<FeedbackTables>()
      .insertInto('feedback.citizen_tokens')
      .values({
        token_hash: token.hash,
        report_id: token.reportId,
        purpose: token.purpose,
        expires_at: token.expiresAt,
      })
      .execute();
  }

  /** True when the hash is a live token of the report (any purpose). */
  async tokenValid(reportId: string, hash: string): Promise<boolean> {
    const row = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.citizen_tokens')
      .select('token_hash')
      .where('token_hash', '=', hash)
      .where('report_id', '=', reportId)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row !== undefined;
  }
}
