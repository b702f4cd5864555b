import { createTransport } from 'nodemailer';
import { DeliveryError, type ChannelAdapter, type DeliveryReceipt, type Envelope } from './channel';
import { textToHtml } from './email-html';

export interface SmtpEmailOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  readonly url: string;
  /** The From header, e.g. `Cổng thông tin Đà Nẵng <no-reply@danang.gov.vn>`. */
  readonly from: string;
  readonly timeoutMs: number;
}

interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly message: string;
}

/** 5xx replies (unknown mailbox, refused content) are final; 4xx and connection problems are retried. */
function classify(error: SmtpFailure): DeliveryError {
  const permanent = typeof error.responseCode === 'number' && error.responseCode >= 500;
  const code = error.code ? `${error.code} ` : '';
  return new DeliveryError(`SMTP ${code}${error.message}`.slice(0, 500), permanent);
}

/** E-mail over SMTP with nodemailer: a text part, an escaped HTML part and one-click unsubscribe headers. */
export class SmtpEmailChannel implements ChannelAdapter {
  readonly provider = 'smtp';
  readonly #transport;

  constructor(private readonly options: SmtpEmailOptions) {
    this.#transport = createTransport({
      url: options.url,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
  }

  async deliver(envelope: Envelope): Promise<DeliveryReceipt> {
    const to = envelope.recipientName
      ? { name: envelope.recipientName, address: envelope.address }
      : envelope.address;
    // RFC 8058: mail clients show an "unsubscribe" button that POSTs to the link.
    const headers: Record<string, string> = { 'X-Citydx-Message-Id': envelope.messageId };
    if (envelope.optOutUrl) {
      headers['List-Unsubscribe'] = `<${envelope.optOutUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const info = await this.#transport.sendMail({
        from: this.options.from,
        to,
        subject: envelope.subject ?? '',
        text: envelope.body,
        html: textToHtml(envelope.body, envelope.locale),
        headers,
      });
      return { providerMessageId: info.messageId ?? null };
    } catch (error) {
      throw classify(error as SmtpFailure);
    }
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}
