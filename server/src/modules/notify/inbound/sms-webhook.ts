import { AppError } from '../../../platform/http/app-error';
import { normalizePhone } from '../addresses';
import { notifyErrors } from '../notify.errors';
import type { ParsedInbound } from './parsed-inbound';
import { bodyHash } from './signatures';

/** What the SMS gateway posts (validated by the route's schema). */
export interface SmsWebhookBody {
  readonly from: string;
  readonly text: string;
  readonly receivedAt: string;
  readonly id?: string;
  readonly to?: string;
}

export function parseSmsWebhook(body: SmsWebhookBody, rawBody: Buffer): ParsedInbound {
  const from = normalizePhone(body.from);
  if (from === null) throw new AppError(notifyErrors.WEBHOOK_PAYLOAD_INVALID, { field: 'from' });
  return {
    channel: 'sms',
    from,
    text: body.text,
    location: null,
    attachments: [],
    receivedAt: new Date(body.receivedAt),
    dedupeKey: body.id ? `id:${body.id}` : `sha256:${bodyHash(rawBody)}`,
    payload: body,
  };
}
