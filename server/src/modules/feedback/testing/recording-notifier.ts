import { translate } from '../../../platform/i18n/locale';
import type {
  Executor,
  FeedbackMessage,
  FeedbackNotifier,
  FeedbackTemplate,
  InboundHandler,
  InboundMessage,
  InboundReply,
} from '../notifier.port';

/**
 * A small real implementation of the notifier port for tests and the benchmark: it keeps the queued
 * messages in memory (once per reference, as the real notifier must) and plays the inbound webhook's
 * part by handing a message to the registered fallback.
 */
export class RecordingNotifier implements FeedbackNotifier {
  readonly sent: FeedbackMessage[] = [];
  readonly templates = new Map<string, FeedbackTemplate>();
  readonly #references = new Set<string>();
  #inbound: InboundHandler | null = null;

  constructor(private readonly keep = true) {}

  async send(_executor: Executor, message: FeedbackMessage): Promise<void> {
    if (!this.templates.has(message.template)) throw new Error(`unregistered template ${message.template}`);
    // The benchmark only counts: keeping every message of a long run would measure the heap.
    if (!this.keep) return;
    if (this.#references.has(message.reference)) return;
    this.#references.add(message.reference);
    this.sent.push(message);
  }

  registerTemplates(templates: readonly FeedbackTemplate[]): void {
    for (const template of templates) this.templates.set(template.key, template);
  }

  registerInboundFallback(handler: InboundHandler): void {
    this.#inbound = handler;
  }

  /** An SMS or Zalo message arriving at the webhook that no keyword claimed. */
  async receive(
    message: Omit<InboundMessage, 'receivedAt'> & { receivedAt?: Date },
  ): Promise<InboundReply | null> {
    if (!this.#inbound) throw new Error('no inbound fallback registered');
    return this.#inbound({ ...message, receivedAt: message.receivedAt ?? new Date() });
  }

  /** Messages queued for one address, oldest first. */
  to(address: string): FeedbackMessage[] {
    return this.sent.filter((message) => message.recipient.address === address);
  }

  /** The message as an SMS or Zalo user would read it (the template's short text, filled in). */
  text(message: FeedbackMessage): string {
    const template = this.templates.get(message.template);
    if (!template) throw new Error(`unregistered template ${message.template}`);
    const body = message.recipient.channel === 'email' ? template.body : template.short;
    return translate(body, message.recipient.locale, message.params);
  }
}
