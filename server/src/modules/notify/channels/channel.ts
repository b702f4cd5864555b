import type { Locale } from '../../../platform/i18n/locale';
import type { ChannelName } from '../notify.types';

/** One rendered message handed to a provider. */
export interface Envelope {
  readonly messageId: string;
  readonly channel: ChannelName;
  readonly address: string;
  readonly recipientName: string | null;
  readonly locale: Locale;
  readonly subject: string | null;
  readonly body: string;
  readonly optOutUrl: string | null;
}

export interface DeliveryReceipt {
  /** The provider's id for the message (SMTP Message-ID, gateway id, Zalo message_id), when it gives one. */
  readonly providerMessageId: string | null;
}

/** A provider behind one channel: SMTP, an SMS gateway, Zalo OA, or the log. */
export interface ChannelAdapter {
  /** Recorded with each attempt, e.g. `smtp`, `http-sms`, `zalo-oa`, `log`. */
  readonly provider: string;
  deliver(envelope: Envelope): Promise<DeliveryReceipt>;
  close?(): Promise<void>;
}

/**
 * A delivery that did not happen. `permanent` failures (an address the provider refuses, a malformed
 * request) are not retried; anything else (timeouts, 5xx, rate limits) is retried with back-off.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';

  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
