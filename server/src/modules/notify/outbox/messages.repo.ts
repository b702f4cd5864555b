import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { Locale } from '../../../platform/i18n/locale';
import type { ChannelName, MessageStatus } from '../notify.types';
import { toMessage, type Attempt, type Message, type OutboxTables } from './message.tables';

export interface NewMessage {
  readonly channel: ChannelName;
  readonly address: string;
  readonly recipientName: string | null;
  readonly locale: Locale;
  readonly template: string;
  readonly topic: string;
  readonly subject: string | null;
  readonly body: string;
  readonly smsSegments: number | null;
  readonly optOutUrl: string | null;
  readonly reference: { readonly type: string; readonly id: string } | null;
  readonly idempotencyKey: string | null;
  readonly status: 'queued' | 'failed' | 'suppressed';
  readonly lastError: string | null;
}

export interface MessageQuery {
  readonly channel?: ChannelName;
  readonly status?: MessageStatus;
  readonly q?: string;
  readonly referenceType?: string;
  readonly referenceId?: string;
  readonly limit: number;
  readonly offset: number;
}

/** SQL over notify.messages for writing and reading; claiming and finishing is in delivery.repo.ts. */
export class MessagesRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Db = this.db) {
    return executor.withTables<OutboxTables>();
  }

  /** Inserts the message; with an idempotency key already used, returns the earlier message instead. */
  async insert(executor: Db, message: NewMessage): Promise<{ id: string; status: MessageStatus }> {
    const inserted = await this.#tables(executor)
      .insertInto('notify.messages')
      .values({
        channel: message.channel,
        address: message.address,
        recipient_name: message.recipientName,
        locale: message.locale,
        template: message.template,
        topic: message.topic,
        subject: message.subject,
        body: message.body,
        sms_segments: message.smsSegments,
        opt_out_url: message.optOutUrl,
        reference_type: message.reference?.type ?? null,
        reference_id: message.reference?.id ?? null,
        idempotency_key: message.idempotencyKey,
        status: message.status,
        last_error: message.lastError,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (inserted) return inserted;
    return this.#tables(executor)
      .selectFrom('notify.messages')
      .select(['id', 'status'])
      .where('idempotency_key', '=', message.idempotencyKey)
      .executeTakeFirstOrThrow();
  }

  async findById(id: string, executor: Db = this.db): Promise<Message | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('notify.messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  async list(query: MessageQuery): Promise<{ items: Message[]; total: number }> {
    let select = this.#tables().selectFrom('notify.messages');
    if (query.channel) select = select.where('channel', '=', query.channel);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.referenceType) select = select.where('reference_type', '=', query.referenceType);
    if (query.referenceId) select = select.where('reference_id', '=', query.referenceId);
    if (query.q) {
      select = select.where(
        sql`platform.search_key(address || ' ' || coalesce(subject, '') || ' ' || body)`,
        'like',
        sql<string>`'%' || platform.search_key(${query.q}) || '%'`,
      );
    }
    const [rows, count] = await Promise.all([
      select
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toMessage), total: Number(count.total) };
  }

  async attempts(messageId: string): Promise<Attempt[]> {
    const rows = await this.#tables()
      .selectFrom('notify.delivery_attempts')
      .selectAll()
      .where('message_id', '=', messageId)
      // In the order they happened: a manual retry numbers its attempts from 1 again.
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      attempt: row.attempt,
      provider: row.provider,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      outcome: row.outcome,
      providerMessageId: row.provider_message_id,
      error: row.error,
    }));
  }

  /** Puts a failed or suppressed message back in the queue with a fresh attempt budget. */
  async requeue(executor: Db, id: string): Promise<boolean> {
    const result = await this.#tables(executor)
      .updateTable('notify.messages')
      .set({
        status: 'queued',
        attempts: 0,
        next_attempt_at: sql<Date>`now()`,
        last_error: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'suppressed'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countByStatus(): Promise<Record<MessageStatus, number>> {
    const rows = await this.#tables()
      .selectFrom('notify.messages')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    const counts: Record<MessageStatus, number> = {
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      suppressed: 0,
    };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}
