import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { ChannelName } from '../notify.types';
import {
  toMessage,
  type AttemptOutcome,
  type Message,
  type MessageRecord,
  type OutboxTables,
} from './message.tables';

/** A message this process has claimed: it may deliver it until the lease ends. */
export interface ClaimedMessage extends Message {
  readonly claimToken: string;
}

export interface Outcome {
  readonly outcome: Exclude<AttemptOutcome, 'abandoned'>;
  readonly provider: string;
  readonly providerMessageId?: string | null;
  readonly error?: string | null;
  /** For 'retry': seconds until the next attempt. */
  readonly retryInSeconds?: number;
}

const statusAfter = { sent: 'sent', failed: 'failed', suppressed: 'suppressed', retry: 'queued' } as const;

/**
 * Claiming and finishing deliveries. A claim is one UPDATE over rows picked with FOR UPDATE SKIP LOCKED,
 * so concurrent processes never claim the same message; it sets a lease and a fresh claim token. Results
 * are written only while the token still matches, so a process that outlived its lease (and whose
 * message another process took over) cannot overwrite the newer outcome.
 */
export class DeliveryRepo {
  constructor(private readonly db: Db) {}

  async claim(
    limit: number,
    leaseSeconds: number,
    providerOf: (channel: ChannelName) => string,
  ): Promise<ClaimedMessage[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await this.#claimRows(trx, limit, leaseSeconds);
      if (rows.length > 0) await this.#openAttempts(trx, rows, providerOf);
      return rows.map((row) => ({ ...toMessage(row), claimToken: row.claim_token ?? '' }));
    });
  }

  async #claimRows(trx: Db, limit: number, leaseSeconds: number): Promise<MessageRecord[]> {
    const claimed = await sql<MessageRecord>`
      with due as (
        select id from notify.messages
        where (status = 'queued' and next_attempt_at <= now())
           or (status = 'sending' and lease_until < now())
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked)
      update notify.messages m
      set status = 'sending', attempts = m.attempts + 1, claim_token = gen_random_uuid(),
          lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
      from due where m.id = due.id
      returning m.*`.execute(trx);
    return claimed.rows;
  }

  async #openAttempts(
    trx: Db,
    rows: readonly MessageRecord[],
    providerOf: (channel: ChannelName) => string,
  ): Promise<void> {
    const tables = trx.withTables<OutboxTables>();
    // An attempt still open on a message we could claim belongs to a process whose lease expired.
    await tables
      .updateTable('notify.delivery_attempts')
      .set({
        outcome: 'abandoned',
        finished_at: sql<Date>`now()`,
        error: 'lease expired before the attempt finished',
      })
      .where(
        'message_id',
        'in',
        rows.map((row) => row.id),
      )
      .where('outcome', 'is', null)
      .execute();
    await tables
      .insertInto('notify.delivery_attempts')
      .values(
        rows.map((row) => ({
          message_id: row.id,
          attempt: row.attempts,
          claim_token: row.claim_token ?? '',
          provider: providerOf(row.channel),
        })),
      )
      .execute();
  }

  /** True while the claim is still this process's: not finished, not taken over. */
  async stillClaimed(message: ClaimedMessage): Promise<boolean> {
    const row = await this.db
      .withTables<OutboxTables>()
      .selectFrom('notify.messages')
      .select('id')
      .where('id', '=', message.id)
      .where('claim_token', '=', message.claimToken)
      .where('status', '=', 'sending')
      .where('lease_until', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records the attempt and, if the claim still holds, the message's new state; false if it did not. */
  async finish(message: ClaimedMessage, result: Outcome): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const tables = trx.withTables<OutboxTables>();
      await tables
        .updateTable('notify.delivery_attempts')
        .set({
          outcome: result.outcome,
          finished_at: sql<Date>`now()`,
          provider_message_id: result.providerMessageId ?? null,
          error: result.error?.slice(0, 2000) ?? null,
        })
        .where('message_id', '=', message.id)
        .where('claim_token', '=', message.claimToken)
        .execute();
      const updated = await tables
        .updateTable('notify.messages')
        .set({
          status: statusAfter[result.outcome],
          provider: result.provider,
          provider_message_id: result.providerMessageId ?? null,
          last_error: result.error?.slice(0, 2000) ?? null,
          lease_until: null,
          claim_token: null,
          updated_at: sql<Date>`now()`,
          sent_at: result.outcome === 'sent' ? sql<Date>`now()` : null,
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${result.retryInSeconds ?? 0})`,
        })
        .where('id', '=', message.id)
        .where('claim_token', '=', message.claimToken)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    });
  }
}
