import { DeliveryError, type ChannelAdapter, type DeliveryReceipt, type Envelope } from './channel';
import { describeAnswer, isTransientStatus, postJson } from './http-json';

export interface ZaloOaOptions {
  /** https://openapi.zalo.me (configurable so that tests and proxies can stand in). */
  readonly apiUrl: string;
  /** The OA access token (it expires; renew it with the OA's refresh token, see docs/notify.md). */
  readonly accessToken: string;
  readonly timeoutMs: number;
}

/** Zalo answers HTTP 200 with `{ error, message, data }`; `error` 0 is success. */
interface ZaloAnswer {
  readonly error?: number;
  readonly message?: string;
  readonly data?: { readonly message_id?: string };
}

// Error codes worth retrying: an invalid or expired access token (fixed by renewing it) and the API's
// rate limit. Any other code (unknown user, user who has not interacted with the OA, bad request) is final.
const TRANSIENT_ZALO_ERRORS = new Set([-216, -201, -32]);

/**
 * Zalo Official Account "customer service" message, Open API v3:
 * `POST {apiUrl}/v3.0/oa/message/cs` with header `access_token` and
 * `{ recipient: { user_id }, message: { text } }`.
 */
export class ZaloOaChannel implements ChannelAdapter {
  readonly provider = 'zalo-oa';

  constructor(private readonly options: ZaloOaOptions) {}

  async deliver(envelope: Envelope): Promise<DeliveryReceipt> {
    const answer = await postJson(
      `${this.options.apiUrl.replace(/\/$/, '')}/v3.0/oa/message/cs`,
      { recipient: { user_id: envelope.address }, message: { text: envelope.body } },
      { access_token: this.options.accessToken },
      this.options.timeoutMs,
    );
    if (answer.status !== 200) {
      throw new DeliveryError(
        `Zalo OA refused: ${describeAnswer(answer)}`,
        !isTransientStatus(answer.status),
      );
    }
    const body = (answer.body ?? {}) as ZaloAnswer;
    if (body.error === 0) return { providerMessageId: body.data?.message_id ?? null };
    const code = typeof body.error === 'number' ? body.error : NaN;
    throw new DeliveryError(
      `Zalo OA error ${String(body.error)}: ${body.message ?? 'no message'}`,
      !TRANSIENT_ZALO_ERRORS.has(code),
    );
  }
}
