import { Type, type TSchema } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas';
import { locales } from '../../platform/i18n/locale';
import { channelNames, inboundChannelNames, messageStatuses } from './notify.types';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ChannelSchema = StringEnum(channelNames);
export const InboundChannelSchema = StringEnum(inboundChannelNames);
export const LocaleSchema = StringEnum(locales);

export const MessageSchema = Type.Object({
  id: Uuid,
  channel: ChannelSchema,
  address: Type.String(),
  recipientName: Nullable(Type.String()),
  locale: LocaleSchema,
  template: Type.String(),
  topic: Type.String(),
  subject: Nullable(Type.String()),
  body: Type.String({ description: 'The text as rendered for the channel' }),
  smsSegments: Nullable(Type.Integer({ description: 'SMS parts the text takes (GSM-7 or UCS-2)' })),
  reference: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  status: StringEnum(messageStatuses),
  attempts: Type.Integer(),
  nextAttemptAt: IsoDateTime,
  provider: Nullable(
    Type.String({ description: 'smtp, http-sms, zalo-oa, or log (no provider configured)' }),
  ),
  providerMessageId: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  sentAt: Nullable(IsoDateTime),
});

export const AttemptSchema = Type.Object({
  attempt: Type.Integer(),
  provider: Type.String(),
  startedAt: IsoDateTime,
  finishedAt: Nullable(IsoDateTime),
  outcome: Nullable(StringEnum(['sent', 'retry', 'failed', 'suppressed', 'abandoned'] as const)),
  providerMessageId: Nullable(Type.String()),
  error: Nullable(Type.String()),
});

export const MessageDetailSchema = Type.Object({
  ...MessageSchema.properties,
  attempts: Type.Integer(),
  history: Type.Array(AttemptSchema),
});

export const MessageListQuery = Type.Object(
  {
    channel: Type.Optional(ChannelSchema),
    status: Type.Optional(StringEnum(messageStatuses)),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Address, subject or text; accents optional' }),
    ),
    referenceType: Type.Optional(Type.String({ maxLength: 100 })),
    referenceId: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const TestMessageBody = Type.Object(
  {
    channel: ChannelSchema,
    address: Type.String({ minLength: 1, maxLength: 320 }),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const InboundSchema = Type.Object({
  id: Uuid,
  channel: InboundChannelSchema,
  sender: Type.String(),
  text: Type.String(),
  location: Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number() })),
  attachments: Type.Array(Type.Object({ type: Type.String(), url: Type.String() })),
  receivedAt: IsoDateTime,
  keyword: Nullable(Type.String()),
  handledBy: Nullable(StringEnum(['keyword', 'fallback', 'help', 'error'] as const)),
  replyMessageId: Nullable(Uuid),
  createdAt: IsoDateTime,
});

export const InboundListQuery = Type.Object(
  {
    channel: Type.Optional(InboundChannelSchema),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const StatusCountsSchema = Type.Object({
  queued: Type.Integer(),
  sending: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  suppressed: Type.Integer(),
});
