import { sql, type Generated, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { InboundAttachment, InboundChannel } from '../notify.types';
import type { ParsedInbound } from './parsed-inbound';

export type HandledBy = 'keyword' | 'fallback' | 'help' | 'error';

type InboundTables = {
  'notify.inbound_messages': {
    id: Generated<string>;
    channel: InboundChannel;
    sender: string;
    text: string;
    latitude: number | null;
    longitude: number | null;
    attachments: unknown;
    received_at: Date;
    dedupe_key: string;
    keyword: string | null;
    handled_by: HandledBy | null;
    reply_message_id: string | null;
    payload: unknown;
    created_at: Generated<Date>;
  };
};

export interface StoredInbound {
  readonly id: string;
  readonly channel: InboundChannel;
  readonly sender: string;
  readonly text: string;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly attachments: readonly InboundAttachment[];
  readonly receivedAt: Date;
  readonly keyword: string | null;
  readonly handledBy: HandledBy | null;
  readonly replyMessageId: string | null;
  readonly createdAt: Date;
}

function toInbound(row: Selectable<InboundTables['notify.inbound_messages']>): StoredInbound {
  return {
    id: row.id,
    channel: row.channel,
    sender: row.sender,
    text: row.text,
    location:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : null,
    attachments: (row.attachments ?? []) as InboundAttachment[],
    receivedAt: row.received_at,
    keyword: row.keyword,
    handledBy: row.handled_by,
    replyMessageId: row.reply_message_id,
    createdAt: row.created_at,
  };
}

/** The only SQL over notify.inbound_messages. */
export class InboundRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Db = this.db) {
    return executor.withTables<InboundTables>();
  }

  /** Stores the message; undefined when the same provider message was stored before. */
  async insert(executor: Db, message: ParsedInbound): Promise<string | undefined> {
    const row = await this.#tables(executor)
      .insertInto('notify.inbound_messages')
      .values({
        channel: message.channel,
        sender: message.from,
        text: message.text,
        latitude: message.location?.latitude ?? null,
        longitude: message.location?.longitude ?? null,
        attachments: JSON.stringify(message.attachments),
        received_at: message.receivedAt,
        dedupe_key: message.dedupeKey,
        payload: JSON.stringify(message.payload ?? {}),
      })
      .onConflict((oc) => oc.columns(['channel', 'dedupe_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** The id of this provider message when it was stored but never handled (a crash mid-way). */
  async unhandledId(executor: Db, message: ParsedInbound): Promise<string | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('notify.inbound_messages')
      .select('id')
      .where('channel', '=', message.channel)
      .where('dedupe_key', '=', message.dedupeKey)
      .where('handled_by', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    return row?.id;
  }

  async complete(
    executor: Db,
    id: string,
    outcome: { keyword: string | null; handledBy: HandledBy; replyMessageId: string | null },
  ): Promise<void> {
    await this.#tables(executor)
      .updateTable('notify.inbound_messages')
      .set({
        keyword: outcome.keyword,
        handled_by: outcome.handledBy,
        reply_message_id: outcome.replyMessageId,
      })
      .where('id', '=', id)
      .execute();
  }

  async list(query: {
    channel?: InboundChannel;
    q?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: StoredInbound[]; total: number }> {
    let select = this.#tables().selectFrom('notify.inbound_messages');
    if (query.channel) select = select.where('channel', '=', query.channel);
    if (query.q) {
      select = select.where(
        sql`platform.search_key(sender || ' ' || text)`,
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
    return { items: rows.map(toInbound), total: Number(count.total) };
  }
}
