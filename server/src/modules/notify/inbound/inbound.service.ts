import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database';
import type { Locale } from '../../../platform/i18n/locale';
import type { InboundMessage, InboundReply, OutboundMessage, SendResult } from '../notify.types';
import type { PreferencesRepo } from '../preferences/preferences.repo';
import { inboundTexts, REPLY_TEMPLATE, REPLY_TOPIC } from '../templates/notify.templates';
import type { InboundRouter, RouteMatch } from './inbound-router';
import { InboundRepo, type HandledBy } from './inbound.repo';
import type { ParsedInbound } from './parsed-inbound';

export interface InboundDeps {
  readonly db: Db;
  readonly logger: FastifyBaseLogger;
  readonly router: InboundRouter;
  readonly preferences: PreferencesRepo;
  readonly send: (executor: Db, message: OutboundMessage) => Promise<SendResult>;
}

export interface InboundOutcome {
  readonly inboundId: string | null;
  readonly duplicate: boolean;
  readonly replyMessageId: string | null;
}

/**
 * Receives a verified inbound message: stores it, routes it to a keyword handler (or the fallback, or
 * the help reply) and queues the reply on the same channel — all in one transaction, so a webhook that
 * is delivered twice is handled once and a reply exists exactly when its message was stored.
 */
export class InboundService {
  readonly #repo: InboundRepo;

  constructor(private readonly deps: InboundDeps) {
    this.#repo = new InboundRepo(deps.db);
  }

  list(query: Parameters<InboundRepo['list']>[0]) {
    return this.#repo.list(query);
  }

  async receive(parsed: ParsedInbound): Promise<InboundOutcome> {
    return this.deps.db.transaction().execute(async (trx) => {
      const id = await this.#repo.insert(trx, parsed);
      if (!id) return { inboundId: null, duplicate: true, replyMessageId: null };
      const recipient = await this.deps.preferences.findRecipient(trx, parsed.channel, parsed.from);
      const locale = recipient?.locale ?? 'vi';
      const match = this.deps.router.match(parsed.text);
      const message: InboundMessage = { ...parsed, id, keyword: match.keyword, argument: match.argument };
      const { reply, handledBy } = await this.#handle(trx, match, message, locale);
      const text = typeof reply === 'string' ? reply : reply?.[locale];
      const replyMessageId = text ? (await this.#reply(trx, message, locale, text)).id : null;
      await this.#repo.complete(trx, id, { keyword: match.keyword, handledBy, replyMessageId });
      return { inboundId: id, duplicate: false, replyMessageId };
    });
  }

  // A handler runs inside a savepoint: if it throws, its writes are undone but the message is kept and
  // the sender is told to try again, rather than the provider retrying a webhook that fails every time.
  async #handle(
    trx: Db,
    match: RouteMatch,
    message: InboundMessage,
    locale: Locale,
  ): Promise<{ reply: InboundReply; handledBy: HandledBy }> {
    if (!match.handler) return { reply: this.#helpText(locale, true), handledBy: 'help' };
    await sql`savepoint notify_inbound_handler`.execute(trx);
    try {
      const reply = await match.handler(message, { executor: trx, locale });
      await sql`release savepoint notify_inbound_handler`.execute(trx);
      return { reply, handledBy: match.kind === 'keyword' ? 'keyword' : 'fallback' };
    } catch (error) {
      await sql`rollback to savepoint notify_inbound_handler`.execute(trx);
      this.deps.logger.error(
        { err: error, inboundId: message.id, keyword: match.keyword },
        'notify: inbound handler failed',
      );
      return { reply: inboundTexts.failed, handledBy: 'error' };
    }
  }

  /** The list of keywords; with `notUnderstood`, prefixed by "we could not understand your message". */
  #helpText(locale: Locale, notUnderstood: boolean): string {
    const lines = this.deps.router.helpLines(locale).map((line) => `- ${line}`);
    const intro = notUnderstood ? `${inboundTexts.notUnderstood[locale]} ` : '';
    return `${intro}${inboundTexts.help[locale]}\n${lines.join('\n')}`;
  }

  helpReply(locale: Locale): string {
    return this.#helpText(locale, false);
  }

  #reply(trx: Db, message: InboundMessage, locale: Locale, text: string): Promise<SendResult> {
    return this.deps.send(trx, {
      recipient: { channel: message.channel, address: message.from, locale },
      template: REPLY_TEMPLATE,
      params: { text },
      topic: REPLY_TOPIC,
      reference: { type: 'notify_inbound_message', id: message.id },
    });
  }
}
