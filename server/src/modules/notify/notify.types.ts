import type { Db } from '../../platform/db/database';
import type { Locale, Localized } from '../../platform/i18n/locale';

/** Where a message goes. `web` has no provider yet: its messages are only recorded (the outbox log). */
export const channelNames = ['email', 'sms', 'zalo', 'web'] as const;
export type ChannelName = (typeof channelNames)[number];

/** Channels citizens can write to us on. */
export const inboundChannelNames = ['sms', 'zalo'] as const;
export type InboundChannel = (typeof inboundChannelNames)[number];

export const messageStatuses = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export interface Recipient {
  readonly channel: ChannelName;
  /** E-mail address, phone number (E.164 `+84…`, or Vietnamese `0…`), Zalo user id, or web user id. */
  readonly address: string;
  readonly locale: Locale;
  readonly name?: string;
}

/** What a module asks notify to send. */
export interface OutboundMessage {
  readonly recipient: Recipient;
  /** A key registered with `registerTemplates`, e.g. `feedback.status_changed`. */
  readonly template: string;
  /** Values for the template's `{name}` placeholders. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** What the message is about, for preferences and opt-out, e.g. `feedback.status_changed`. */
  readonly topic: string;
  /** The row the message is about, e.g. `{ type: 'feedback_report', id }`. */
  readonly reference?: { readonly type: string; readonly id: string };
  /**
   * A key unique to this message: sending twice with the same key writes one message. Event handlers
   * are called at least once, so a handler that sends should pass e.g. `${event.id}:${recipient}`.
   */
  readonly idempotencyKey?: string;
}

export interface SendResult {
  readonly id: string;
  readonly status: MessageStatus;
}

/** One language of a template. `sms` and `zalo` replace `text` on those channels when given. */
export interface TemplateText {
  readonly subject?: string;
  readonly text: string;
  readonly sms?: string;
  readonly zalo?: string;
}

export type TemplateSet = Readonly<Record<string, Readonly<Record<Locale, TemplateText>>>>;

export interface InboundAttachment {
  readonly type: string;
  readonly url: string;
}

/** A message a citizen sent to the city by SMS or Zalo, as a keyword handler receives it. */
export interface InboundMessage {
  readonly id: string;
  readonly channel: InboundChannel;
  /** Phone number (E.164) or Zalo user id: replies go back there. */
  readonly from: string;
  readonly text: string;
  /** The keyword that selected the handler (upper case, accents removed), null for the fallback. */
  readonly keyword: string | null;
  /** The text after the keyword (for the fallback: the whole text). */
  readonly argument: string;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly attachments: readonly InboundAttachment[];
  readonly receivedAt: Date;
}

export interface InboundContext {
  /**
   * The database. No transaction is open while a handler runs: a handler that writes several rows
   * opens its own (`executor.transaction()`), so they commit or roll back together.
   */
  readonly executor: Db;
  /** The language last used with this sender (Vietnamese when unknown). */
  readonly locale: Locale;
}

/** A reply in one text or in both languages (the sender's language is picked); nothing means no reply. */
export type InboundReply = string | Localized | undefined;

export type InboundHandler = (message: InboundMessage, context: InboundContext) => Promise<InboundReply>;

export interface KeywordOptions {
  /** Shown in the help reply, e.g. `{ vi: 'TRACUU <mã>: tra cứu phản ánh', en: … }`. */
  readonly description?: Localized;
  /** Only when the whole message is the keyword (protects STOP-like words inside free text). */
  readonly exact?: boolean;
}
