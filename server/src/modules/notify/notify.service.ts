import type { Actor, AuditLog } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { Locale } from '../../platform/i18n/locale';
import { normalizeAddress } from './addresses';
import { notifyErrors } from './notify.errors';
import type { ResolvedNotifyOptions } from './notify.options';
import { optOutUrl } from './notify.paths';
import type { ChannelName, OutboundMessage, SendResult } from './notify.types';
import type { Attempt, Message } from './outbox/message.tables';
import { MessagesRepo, type MessageQuery } from './outbox/messages.repo';
import type { PreferencesRepo } from './preferences/preferences.repo';
import { REPLY_TOPIC, TEST_TEMPLATE } from './templates/notify.templates';
import type { TemplateRegistry } from './templates/template-registry';

export interface NotifyServiceDeps {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly templates: TemplateRegistry;
  readonly preferences: PreferencesRepo;
  readonly options: ResolvedNotifyOptions;
}

/**
 * Writing messages to the outbox and reading it back. `send` renders the template for the channel at
 * once, inside the caller's transaction, so the log shows exactly what goes out and the message exists
 * exactly when the caller's change commits.
 */
export class NotifyService {
  readonly #messages: MessagesRepo;

  constructor(private readonly deps: NotifyServiceDeps) {
    this.#messages = new MessagesRepo(deps.db);
  }

  async send(executor: Db, message: OutboundMessage): Promise<SendResult> {
    const { recipient, template, topic } = message;
    // An unknown template is a bug in the calling module, not bad input.
    if (!this.deps.templates.has(template)) throw new Error(`notify template ${template} is not registered`);
    const address = normalizeAddress(recipient.channel, recipient.address);
    if (address === null) return this.#undeliverable(executor, message);
    const row = await this.deps.preferences.touchRecipient(
      executor,
      recipient.channel,
      address,
      recipient.locale,
    );
    const isReply = topic === REPLY_TOPIC;
    const link =
      recipient.channel === 'email' && !isReply
        ? optOutUrl(this.deps.options.publicUrl, row.optOutToken, topic)
        : null;
    const rendered = this.#render(message, link);
    const optedOut =
      !isReply && (await this.deps.preferences.isOptedOut(executor, recipient.channel, address, topic));
    return this.#messages.insert(executor, {
      ...this.#common(message),
      address,
      ...rendered,
      optOutUrl: link,
      status: optedOut ? 'suppressed' : 'queued',
      lastError: optedOut ? 'recipient opted out' : null,
    });
  }

  list(query: MessageQuery): Promise<{ items: Message[]; total: number }> {
    return this.#messages.list(query);
  }

  async get(id: string): Promise<{ message: Message; attempts: Attempt[] }> {
    const message = await this.#messages.findById(id);
    if (!message) throw new AppError(notifyErrors.MESSAGE_NOT_FOUND);
    return { message, attempts: await this.#messages.attempts(id) };
  }

  async retry(id: string, actor: Actor): Promise<Message> {
    const { message } = await this.get(id);
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.#messages.requeue(trx, id))) throw new AppError(notifyErrors.MESSAGE_NOT_RETRYABLE);
      await this.deps.audit.record(trx, actor, {
        action: 'notify.message.retried',
        targetType: 'notify_message',
        targetId: id,
        summary: { channel: message.channel, previousStatus: message.status },
      });
    });
    return (await this.get(id)).message;
  }

  /** A test message through a channel's real provider, to check its configuration. */
  async sendTest(channel: ChannelName, address: string, locale: Locale, actor: Actor): Promise<Message> {
    if (normalizeAddress(channel, address) === null) throw new AppError(notifyErrors.ADDRESS_INVALID);
    const { id } = await this.deps.db.transaction().execute(async (trx) => {
      const sent = await this.send(trx, {
        recipient: { channel, address, locale },
        template: TEST_TEMPLATE,
        params: { channel },
        topic: 'notify.test',
      });
      await this.deps.audit.record(trx, actor, {
        action: 'notify.message.test_sent',
        targetType: 'notify_message',
        targetId: sent.id,
        summary: { channel },
      });
      return sent;
    });
    return (await this.get(id)).message;
  }

  statusCounts() {
    return this.#messages.countByStatus();
  }

  #render(message: OutboundMessage, link: string | null) {
    const { recipient, template, params } = message;
    return this.deps.templates.render(template, recipient.channel, recipient.locale, params ?? {}, {
      optOutUrl: link,
      smsStripDiacritics: this.deps.options.smsStripDiacritics,
      smsMaxSegments: this.deps.options.smsMaxSegments,
    });
  }

  #common(message: OutboundMessage) {
    return {
      channel: message.recipient.channel,
      recipientName: message.recipient.name ?? null,
      locale: message.recipient.locale,
      template: message.template,
      topic: message.topic,
      reference: message.reference ?? null,
      idempotencyKey: message.idempotencyKey ?? null,
    };
  }

  // Recorded as failed rather than thrown: a citizen's mistyped e-mail must not undo the caller's change.
  #undeliverable(executor: Db, message: OutboundMessage): Promise<SendResult> {
    return this.#messages.insert(executor, {
      ...this.#common(message),
      address: message.recipient.address.trim().slice(0, 320) || '(empty)',
      ...this.#render(message, null),
      optOutUrl: null,
      status: 'failed',
      lastError: `invalid ${message.recipient.channel} address`,
    });
  }
}
