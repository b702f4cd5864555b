import type { Kysely, Transaction } from 'kysely';
import type { Locale, Localized } from '../../platform/i18n/locale';

/**
 * What `feedback` needs from the outbound/inbound messaging module (notify), defined here so that
 * feedback does not depend on it: the composition root adapts notify to this port. An in-memory
 * implementation for tests lives in testing/recording-notifier.ts.
 */

/** A query executor: the caller's transaction, so a message is queued exactly when its change commits. */
export type Executor = Kysely<unknown> | Transaction<unknown>;

/**
 * Who receives a message. 'email' / 'sms' / 'zalo' carry the address on that channel (e-mail address,
 * phone number 0xxxxxxxxx, Zalo user id); 'user' names a platform user by id (agency heads, officers),
 * whom notify reaches by their account's e-mail.
 */
export interface FeedbackRecipient {
  readonly channel: 'email' | 'sms' | 'zalo' | 'user';
  readonly address: string;
  readonly locale: Locale;
}

export interface FeedbackMessage {
  readonly recipient: FeedbackRecipient;
  /** One of the keys registered with `registerTemplates` (feedback.templates.ts). */
  readonly template: string;
  /** Values for the template's `{placeholders}`; plain text, never HTML. */
  readonly params: Readonly<Record<string, string | number | null>>;
  /** What the message is about, for grouping and unsubscribing: `feedback.report.<trackingCode>`. */
  readonly topic: string;
  /** Idempotency key: the same reference is sent once even if the caller retries. */
  readonly reference: string;
}

/** A message template in both languages; `subject` is used by e-mail only, `short` by SMS and Zalo. */
export interface FeedbackTemplate {
  readonly key: string;
  readonly subject: Localized;
  readonly body: Localized;
  /** At most about 300 characters once filled in: SMS and Zalo text. */
  readonly short: Localized;
}

/** An SMS or Zalo message that no keyword of notify's router claimed. */
export interface InboundMessage {
  readonly channel: 'sms' | 'zalo';
  /** Sender: phone number for SMS, Zalo user id for Zalo. */
  readonly from: string;
  /** The phone number behind a Zalo account, when the platform shares it. */
  readonly phone?: string | null;
  readonly text: string;
  /** The channel's message id: a retried webhook must not file a second report. */
  readonly messageId: string;
  readonly receivedAt: Date;
  readonly locale?: Locale;
  readonly location?: { readonly latitude: number; readonly longitude: number } | null;
}

/** The reply to send back on the same channel, or null to stay silent. */
export interface InboundReply {
  readonly text: string;
}

/**
 * Called outside any transaction (the handler opens its own: on PGlite a nested read inside the
 * caller's transaction would wait for the one connection forever). The notifier should store the
 * message before calling and mark it handled after; a retry is safe, since the message id makes the
 * report idempotent.
 */
export type InboundHandler = (message: InboundMessage) => Promise<InboundReply | null>;

export interface FeedbackNotifier {
  /** Queues one message in the caller's transaction; delivery (and retries) are the notifier's business. */
  send(executor: Executor, message: FeedbackMessage): Promise<void>;
  /** Called once when feedback's routes are mounted. */
  registerTemplates(templates: readonly FeedbackTemplate[]): void;
  /**
   * Called once when feedback's routes are mounted: inbound SMS/Zalo messages that matched no keyword
   * are handed to `handler`, whose reply goes back to the sender on the same channel. Signature checks of the webhooks stay in the notifier.
   */
  registerInboundFallback(handler: InboundHandler): void;
}
