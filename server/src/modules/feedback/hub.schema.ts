import { Type } from 'typebox';
import { StringEnum, Uuid } from '../../platform/http/schemas';
import {
  Address,
  AttributesBody,
  CategoryCode,
  ContactBody,
  Description,
  LocationSchema,
  RejectionReasonSchema,
} from './feedback.schema';

const Note = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]));

/** Operator entry while on the phone (or typing in an e-mail or letter). */
export const OperatorReportBody = Type.Object(
  {
    channel: StringEnum(['phone', 'email', 'web', 'mobile', 'zalo', 'sms'] as const, {
      description: 'How the citizen reached the hub',
    }),
    categoryCode: Type.Optional(Type.Union([CategoryCode, Type.Null()])),
    description: Description,
    address: Type.Optional(Address),
    location: Type.Optional(Type.Union([LocationSchema, Type.Null()])),
    adminUnitCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    attributes: Type.Optional(AttributesBody),
    contact: Type.Optional(Type.Union([ContactBody, Type.Null()])),
    urgent: Type.Optional(Type.Boolean()),
    consentGiven: Type.Boolean({
      description: 'The caller agreed to the processing of their contact details',
    }),
  },
  { additionalProperties: false },
);

export const ClassifyBody = Type.Object(
  {
    categoryCode: CategoryCode,
    urgent: Type.Optional(Type.Boolean({ description: 'Emergency: 1 working day' })),
    adminUnitCode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()])),
    address: Type.Optional(Address),
    location: Type.Optional(Type.Union([LocationSchema, Type.Null()])),
    note: Note,
  },
  { additionalProperties: false },
);

export const RejectBody = Type.Object(
  { reason: RejectionReasonSchema, note: Note },
  { additionalProperties: false },
);

export const MergeBody = Type.Object(
  {
    into: Type.String({ minLength: 1, maxLength: 60, description: 'Tracking code or id of the original' }),
    note: Note,
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    agencyId: Type.Optional(
      Type.Union([Uuid, Type.Null()], { description: 'Omit to use the routing table' }),
    ),
    note: Note,
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('send_back')]),
    answer: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 8000 }), Type.Null()], {
        description: 'The answer as edited by the reviewer (approve only)',
      }),
    ),
    note: Note,
  },
  { additionalProperties: false },
);

export const ExtensionDecisionBody = Type.Object(
  { approve: Type.Boolean(), note: Note },
  { additionalProperties: false },
);

export const RespondBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 8000 }) },
  { additionalProperties: false },
);

export const ExtensionRequestBody = Type.Object(
  { days: Type.Integer({ minimum: 1, maximum: 30 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ReturnBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const PhoneParams = Type.Object(
  { phone: Type.String({ minLength: 6, maxLength: 30, pattern: '^[0-9 +().-]+$' }) },
  { additionalProperties: false },
);

export const SuggestionSchema = Type.Union([
  Type.Object({
    agencyId: Uuid,
    agencyCode: Type.String(),
    agencyName: Type.String(),
    ruleId: Uuid,
    adminUnitCode: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Null(),
]);
