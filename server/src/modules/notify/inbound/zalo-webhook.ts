import { AppError } from '../../../platform/http/app-error';
import { notifyErrors } from '../notify.errors';
import type { InboundAttachment } from '../notify.types';
import type { ParsedInbound } from './parsed-inbound';
import { bodyHash } from './signatures';

/** The fields of a Zalo OA webhook event that notify reads; Zalo sends more. */
export interface ZaloEvent {
  readonly app_id?: string;
  readonly event_name?: string;
  readonly timestamp?: string | number;
  readonly sender?: { readonly id?: string };
  readonly recipient?: { readonly id?: string };
  readonly message?: {
    readonly msg_id?: string;
    readonly text?: string;
    readonly attachments?: readonly ZaloAttachment[];
  };
}

interface ZaloAttachment {
  readonly type?: string;
  readonly payload?: {
    readonly url?: string;
    readonly thumbnail?: string;
    readonly coordinates?: Record<string, unknown>;
  };
}

/** The events that carry something a citizen sent; follow, seen, delivered … are acknowledged only. */
export const handledZaloEvents = ['user_send_text', 'user_send_location', 'user_send_image'] as const;

function coordinate(values: Record<string, unknown>, names: readonly string[]): number | null {
  for (const name of names) {
    const value = Number(values[name]);
    if (values[name] !== undefined && values[name] !== '' && Number.isFinite(value)) return value;
  }
  return null;
}

// Zalo has sent coordinates both as { latitude, longitude } and as { lat, long }, as numbers or strings.
function locationOf(attachments: readonly ZaloAttachment[]): ParsedInbound['location'] {
  const coordinates = attachments.find((item) => item.type === 'location')?.payload?.coordinates;
  if (!coordinates) return null;
  const latitude = coordinate(coordinates, ['latitude', 'lat']);
  const longitude = coordinate(coordinates, ['longitude', 'long', 'lng']);
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    return null;
  return { latitude, longitude };
}

function mediaOf(attachments: readonly ZaloAttachment[]): InboundAttachment[] {
  return attachments
    .filter((item) => item.type !== 'location' && typeof item.payload?.url === 'string')
    .map((item) => ({ type: item.type ?? 'file', url: item.payload?.url ?? '' }));
}

/** Reads a user_send_text / user_send_location / user_send_image event. */
export function parseZaloEvent(event: ZaloEvent, rawBody: Buffer): ParsedInbound {
  const from = event.sender?.id;
  if (!from || !/^\d{1,32}$/.test(from))
    throw new AppError(notifyErrors.WEBHOOK_PAYLOAD_INVALID, { field: 'sender.id' });
  const attachments = event.message?.attachments ?? [];
  const location = locationOf(attachments);
  if (event.event_name === 'user_send_location' && !location) {
    throw new AppError(notifyErrors.WEBHOOK_PAYLOAD_INVALID, { field: 'message.attachments' });
  }
  const msgId = event.message?.msg_id;
  return {
    channel: 'zalo',
    from,
    text: event.message?.text ?? '',
    location,
    attachments: mediaOf(attachments),
    receivedAt: new Date(Number(event.timestamp)),
    dedupeKey: msgId ? `msg:${msgId}` : `sha256:${bodyHash(rawBody)}`,
    payload: event,
  };
}
