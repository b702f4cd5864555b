import { Type } from 'typebox';
import { IsoDateTime, StringEnum } from '../../../platform/http/schemas';
import { ChannelSchema } from '../messages.schema';

const Topic = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^(\\*|[a-z0-9_]+(\\.[a-z0-9_]+)*)$',
  description: "A topic such as feedback.status_changed, or '*' for every topic",
});

export const PreferencesQuery = Type.Object(
  { channel: ChannelSchema, address: Type.String({ minLength: 1, maxLength: 320 }) },
  { additionalProperties: false },
);

export const PreferencesSchema = Type.Object({
  channel: ChannelSchema,
  address: Type.String(),
  optOuts: Type.Array(
    Type.Object({
      topic: Type.String(),
      source: StringEnum(['keyword', 'link', 'staff'] as const),
      createdAt: IsoDateTime,
    }),
  ),
});

export const PreferenceUpdateBody = Type.Object(
  {
    channel: ChannelSchema,
    address: Type.String({ minLength: 1, maxLength: 320 }),
    topic: Topic,
    optedOut: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const OptOutQuery = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
    topic: Type.Optional(Topic),
  },
  // Mail clients may append tracking parameters to the link.
  { additionalProperties: true },
);

export const OptOutResult = Type.Object({
  channel: ChannelSchema,
  address: Type.String({ description: 'Masked' }),
  topic: Type.String(),
  optedOut: Type.Literal(true),
});
