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
 * Receives a verified inbound message in three steps: store it (a webhook delivered twice is stored
 * once), run the handler outside any transaction, then queue the reply and mark the message handled in
 * one transaction. A handler therefore owns its transactions: feedback files a report in its own, and on
 * the embedded database (one connection) a handler never waits for a transaction held here. A crash
 * between the steps leaves the message unhandled; the provider's retry of the webhook finishes it
 * (handlers are idempotent by message id).
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
    const { db } = this.deps;
    const stored = await db.transaction().execute(async (trx) => {
      const id = (await this.#repo.insert(trx, parsed)) ?? (await this.#repo.unhandledId(trx, parsed));
      if (!id) return null;
      const recipient = await this.deps.preferences.findRecipient(trx, parsed.channel, parsed.from);
      return { id, locale: recipient?.locale ?? 'vi' };
    });
    if (!stored) return { inboundId: null, duplicate: true, replyMessageId: null };
    const { id, locale } = stored;
    const match = this.deps.router.match(parsed.text);
    const message: InboundMessage = { ...parsed, id, keyword: match.keyword, argument: match.argument };
    const { reply, handledBy } = await this.#handle(match, message, locale);
    const text = typeof reply === 'string' ? reply : reply?.[locale];
    return db.transaction().execute(async (trx) => {
      const replyMessageId = text ? (await this.#reply(trx, message, locale, text)).id : null;
      await this.#repo.complete(trx, id, { keyword: match.keyword, handledBy, replyMessageId });
      return { inboundId: id, duplicate: false, replyMessageId };
    });
  }

  // A failing handler is logged and the sender told to try again; the message is kept (handled_by
  // 'error') rather than the provider retrying a webhook that would fail every time.
  async #handle(
    match: RouteMatch,
    message: InboundMessage,
    locale: Locale,
  ): Promise<{ reply: InboundReply; handledBy: HandledBy }> {
    if (!match.handler) return { reply: this.#helpText(locale, true), handledBy: 'help' };
    try {
      const reply = await match.handler(message, { executor: this.deps.db, locale });
      return { reply, handledBy: match.kind === 'keyword' ? 'keyword' : 'fallback' };
    } catch (error) {
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
