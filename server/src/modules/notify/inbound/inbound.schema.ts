import { Type } from 'typebox';
import { IsoDateTime, Uuid } from '../../../platform/http/schemas';

/** The generic SMS gateway's inbound contract (docs/notify.md). Extra fields are allowed and ignored. */
export const SmsWebhookBodySchema = Type.Object({
  from: Type.String({ minLength: 3, maxLength: 32, description: 'Sender phone number, E.164 or national' }),
  text: Type.String({ maxLength: 2000 }),
  receivedAt: IsoDateTime,
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The gateway's message id" })),
  to: Type.Optional(Type.String({ maxLength: 32, description: 'The number or short code it was sent to' })),
});

/** A Zalo OA webhook event: many event types share the envelope; the handler reads what it needs. */
export const ZaloWebhookBodySchema = Type.Object({
  app_id: Type.String({ minLength: 1, maxLength: 64 }),
  event_name: Type.String({ minLength: 1, maxLength: 64 }),
  timestamp: Type.Union([Type.String({ pattern: '^[0-9]{10,16}$' }), Type.Integer({ minimum: 0 })]),
});

export const WebhookResult = Type.Object({
  received: Type.Boolean(),
  duplicate: Type.Boolean({ description: 'The same provider message was received before' }),
  ignored: Type.Optional(Type.String({ description: 'An event type that carries no citizen message' })),
  inboundId: Type.Union([Uuid, Type.Null()]),
  replyMessageId: Type.Union([Uuid, Type.Null()]),
});
