import { Type } from 'typebox';
import { IsoDateTime } from '../../platform/http/schemas';
import {
  Address,
  AttributesBody,
  CategoryCode,
  ContactBody,
  Description,
  LocationSchema,
  NotifyChannelSchema,
  RatingSchema,
  Status,
} from './feedback.schema';

export const SubmitBody = Type.Object(
  {
    categoryCode: CategoryCode,
    description: Description,
    address: Type.Optional(Address),
    location: Type.Optional(Type.Union([LocationSchema, Type.Null()])),
    adminUnitCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    attributes: Type.Optional(AttributesBody),
    contact: Type.Optional(Type.Union([ContactBody, Type.Null()])),
    notifyBy: Type.Optional(Type.Union([NotifyChannelSchema, Type.Null()])),
    consent: Type.Optional(Type.Boolean({ description: 'Agreed to the processing of the contact details' })),
    consentVersion: Type.Optional(
      Type.String({ maxLength: 40, description: 'Which consent text was shown' }),
    ),
    channel: Type.Optional(Type.Union([Type.Literal('web'), Type.Literal('mobile')])),
  },
  { additionalProperties: false },
);

export const SubmittedSchema = Type.Object({
  trackingCode: Type.String({ description: 'Mã phản ánh' }),
  status: Status,
  receivedAt: IsoDateTime,
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  isAnonymous: Type.Boolean(),
  ownerToken: Type.String({ description: 'Keep it: it adds photos and rates the answer. Shown once.' }),
  trackUrl: Type.String(),
});

export const SimilarQuery = Type.Object(
  {
    category: CategoryCode,
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    text: Type.Optional(Type.String({ maxLength: 4000 })),
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  },
  { additionalProperties: false },
);

export const SimilarSchema = Type.Object({
  trackingCode: Type.String(),
  status: Status,
  categoryCode: Type.String(),
  receivedAt: IsoDateTime,
  description: Type.Union([Type.String(), Type.Null()], { description: 'Only once its answer is published' }),
  location: LocationSchema,
  distanceMetres: Type.Integer(),
  similarity: Type.Number({ description: 'pg_trgm similarity of the texts, 0–1' }),
});

export const FollowBody = Type.Object(
  { channel: NotifyChannelSchema, address: Type.String({ minLength: 3, maxLength: 254 }) },
  { additionalProperties: false },
);

export const RatingBody = Type.Object(
  {
    rating: RatingSchema,
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    token: Type.String({
      minLength: 10,
      maxLength: 200,
      description: 'The owner token, or the token in the answer message',
    }),
  },
  { additionalProperties: false },
);
