import { sql, type Generated } from 'kysely';
import { randomSecret } from '../../../platform/auth/secrets';
import type { Db } from '../../../platform/db/database';
import type { Locale } from '../../../platform/i18n/locale';
import type { ChannelName } from '../notify.types';

export type OptOutSource = 'keyword' | 'link' | 'staff';

type PreferenceTables = {
  'notify.recipients': {
    channel: ChannelName;
    address: string;
    locale: Generated<Locale>;
    opt_out_token: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'notify.opt_outs': {
    channel: ChannelName;
    address: string;
    topic: string;
    source: OptOutSource;
    created_at: Generated<Date>;
  };
};

export interface RecipientRow {
  readonly channel: ChannelName;
  readonly address: string;
  readonly locale: Locale;
  readonly optOutToken: string;
}

export interface OptOut {
  readonly topic: string;
  readonly source: OptOutSource;
  readonly createdAt: Date;
}

/** Every topic of a channel. */
export const ALL_TOPICS = '*';

/** The only SQL over notify.recipients and notify.opt_outs. */
export class PreferencesRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Db = this.db) {
    return executor.withTables<PreferenceTables>();
  }

  /** The recipient's row, created on first contact; remembers the language last used with them. */
  async touchRecipient(
    executor: Db,
    channel: ChannelName,
    address: string,
    locale: Locale,
  ): Promise<RecipientRow> {
    const row = await this.#tables(executor)
      .insertInto('notify.recipients')
      .values({ channel, address, locale, opt_out_token: randomSecret() })
      .onConflict((oc) =>
        oc.columns(['channel', 'address']).doUpdateSet({ locale, updated_at: sql<Date>`now()` }),
      )
      .returning(['channel', 'address', 'locale', 'opt_out_token'])
      .executeTakeFirstOrThrow();
    return { channel: row.channel, address: row.address, locale: row.locale, optOutToken: row.opt_out_token };
  }

  async findRecipient(
    executor: Db,
    channel: ChannelName,
    address: string,
  ): Promise<RecipientRow | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('notify.recipients')
      .select(['channel', 'address', 'locale', 'opt_out_token'])
      .where('channel', '=', channel)
      .where('address', '=', address)
      .executeTakeFirst();
    return row
      ? { channel: row.channel, address: row.address, locale: row.locale, optOutToken: row.opt_out_token }
      : undefined;
  }

  async findByToken(token: string): Promise<RecipientRow | undefined> {
    const row = await this.#tables()
      .selectFrom('notify.recipients')
      .select(['channel', 'address', 'locale', 'opt_out_token'])
      .where('opt_out_token', '=', token)
      .executeTakeFirst();
    return row
      ? { channel: row.channel, address: row.address, locale: row.locale, optOutToken: row.opt_out_token }
      : undefined;
  }

  async optOut(executor: Db, channel: ChannelName, address: string, topic: string, source: OptOutSource) {
    await this.#tables(executor)
      .insertInto('notify.opt_outs')
      .values({ channel, address, topic, source })
      .onConflict((oc) => oc.columns(['channel', 'address', 'topic']).doNothing())
      .execute();
  }

  /** Removes the opt-out of one topic, or every opt-out of the address for ALL_TOPICS. */
  async optIn(executor: Db, channel: ChannelName, address: string, topic: string): Promise<void> {
    let query = this.#tables(executor)
      .deleteFrom('notify.opt_outs')
      .where('channel', '=', channel)
      .where('address', '=', address);
    if (topic !== ALL_TOPICS) query = query.where('topic', '=', topic);
    await query.execute();
  }

  async isOptedOut(executor: Db, channel: ChannelName, address: string, topic: string): Promise<boolean> {
    const row = await this.#tables(executor)
      .selectFrom('notify.opt_outs')
      .select('topic')
      .where('channel', '=', channel)
      .where('address', '=', address)
      .where('topic', 'in', [topic, ALL_TOPICS])
      .executeTakeFirst();
    return row !== undefined;
  }

  async optOuts(channel: ChannelName, address: string): Promise<OptOut[]> {
    const rows = await this.#tables()
      .selectFrom('notify.opt_outs')
      .select(['topic', 'source', 'created_at'])
      .where('channel', '=', channel)
      .where('address', '=', address)
      .orderBy('topic')
      .execute();
    return rows.map((row) => ({ topic: row.topic, source: row.source, createdAt: row.created_at }));
  }
}
