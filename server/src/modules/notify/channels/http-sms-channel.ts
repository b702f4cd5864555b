import { DeliveryError, type ChannelAdapter, type DeliveryReceipt, type Envelope } from './channel';
import { describeAnswer, isTransientStatus, postJson } from './http-json';

export interface HttpSmsOptions {
  /** The gateway's send endpoint, e.g. https://sms-relay.example.vn/v1/messages. */
  readonly url: string;
  readonly apiKey?: string;
  /** Header that carries the key; `Authorization` values are sent as given (e.g. `Bearer …`). */
  readonly apiKeyHeader: string;
  /** Brandname (tên định danh) registered with the carriers, e.g. `DANANG`. */
  readonly sender?: string;
  readonly timeoutMs: number;
}

function providerIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const id = record.id ?? record.messageId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * A generic HTTP SMS gateway (contract in docs/notify.md): `POST {url}` with
 * `{ to, text, sender, reference }` and the API key in a header; any 2xx is accepted, and its JSON `id`
 * (or `messageId`) is kept. A brandname provider (VNPT, Viettel, eSMS, SpeedSMS …) is reached through a
 * small relay that maps this request onto its own API.
 */
export class HttpSmsChannel implements ChannelAdapter {
  readonly provider = 'http-sms';

  constructor(private readonly options: HttpSmsOptions) {}

  async deliver(envelope: Envelope): Promise<DeliveryReceipt> {
    const headers: Record<string, string> = { 'idempotency-key': envelope.messageId };
    if (this.options.apiKey) headers[this.options.apiKeyHeader.toLowerCase()] = this.options.apiKey;
    const answer = await postJson(
      this.options.url,
      {
        to: envelope.address,
        text: envelope.body,
        sender: this.options.sender ?? null,
        // Our message id: a gateway that remembers it can drop the duplicate of a retried request.
        reference: envelope.messageId,
      },
      headers,
      this.options.timeoutMs,
    );
    if (answer.status >= 200 && answer.status < 300) return { providerMessageId: providerIdOf(answer.body) };
    throw new DeliveryError(
      `SMS gateway refused: ${describeAnswer(answer)}`,
      !isTransientStatus(answer.status),
    );
  }
}
