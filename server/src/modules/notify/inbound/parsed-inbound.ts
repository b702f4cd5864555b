import type { InboundAttachment, InboundChannel } from '../notify.types';

/** An inbound message read from a provider's webhook, before it is stored and routed. */
export interface ParsedInbound {
  readonly channel: InboundChannel;
  readonly from: string;
  readonly text: string;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly attachments: readonly InboundAttachment[];
  readonly receivedAt: Date;
  /** The provider's message id, or a hash of the body: a webhook delivered twice is handled once. */
  readonly dedupeKey: string;
  readonly payload: unknown;
}
