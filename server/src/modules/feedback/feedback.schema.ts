import { Type } from 'typebox';
import { IsoDateTime, StringEnum, Uuid } from '../../platform/http/schemas';
import { channels, notifyChannels, ratings, rejectionReasons, reportStatuses } from './report-states';

/** Wire shapes shared by the feedback routes (TypeBox: validation, types and OpenAPI from one source). */

export const Status = StringEnum(reportStatuses, { description: 'Report state (docs/feedback.md)' });
export const ChannelSchema = StringEnum(channels);
export const NotifyChannelSchema = StringEnum(notifyChannels);
export const RatingSchema = StringEnum(ratings);
export const RejectionReasonSchema = StringEnum(rejectionReasons);
export const TrackingCode = Type.String({
  pattern: '^[Pp][Aa]-\\d{4}-\\d{6,}$',
  description: 'Mã phản ánh, e.g. PA-2026-000123',
});
export const CodeParams = Type.Object({ code: TrackingCode }, { additionalProperties: false });
export const CategoryCode = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' });
export const Localized = Type.Object({ vi: Type.String(), en: Type.Union([Type.String(), Type.Null()]) });

export const LocationSchema = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);
const NullableLocation = Type.Union([LocationSchema, Type.Null()]);

/** Descriptions are plain text: stored as sent and never rendered as HTML by the platform. */
export const Description = Type.String({ minLength: 1, maxLength: 4000 });
export const Address = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);
export const AttributesBody = Type.Record(
  Type.String({ maxLength: 60 }),
  Type.Union([
    Type.String({ maxLength: 1000 }),
    Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 20 }),
  ]),
  { maxProperties: 30 },
);

export const ContactBody = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
    zaloId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const PhotoSchema = Type.Object({
  id: Uuid,
  kind: StringEnum(['report', 'fix'] as const),
  url: Type.String({ description: 'The public copy, without EXIF' }),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: IsoDateTime,
});

export const PublicHistorySchema = Type.Object({
  occurredAt: IsoDateTime,
  action: Type.String(),
  status: Status,
  note: Type.Union([Type.String(), Type.Null()]),
});

const publicFields = {
  trackingCode: Type.String(),
  status: Status,
  statusLabel: Localized,
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  categoryName: Type.Union([Localized, Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()], {
    description: 'Plain text; null until the answer is published',
  }),
  address: Type.Union([Type.String(), Type.Null()], { description: 'Null until the answer is published' }),
  location: Type.Union([LocationSchema, Type.Null()]),
  adminUnitCode: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Uuid, Type.Null()]),
  channel: ChannelSchema,
  urgent: Type.Boolean(),
  receivedAt: IsoDateTime,
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  overdue: Type.Boolean({ description: 'Derived: the agency holds it past its deadline' }),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()], { description: 'The published answer, plain text' }),
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
  rating: Type.Union([RatingSchema, Type.Null()]),
  reopenCount: Type.Integer(),
  followerCount: Type.Integer(),
  mergedInto: Type.Union([Type.String(), Type.Null()]),
  isSample: Type.Boolean({ description: 'Generated demo record, not a real report' }),
  updatedAt: IsoDateTime,
};

/** What anyone may see: never the reporter's name, phone, e-mail or Zalo id. */
export const PublicReportSchema = Type.Object(publicFields);

export const PublicReportDetailSchema = Type.Object({
  ...publicFields,
  photos: Type.Array(PhotoSchema),
  history: Type.Array(PublicHistorySchema),
});

export const StaffHistorySchema = Type.Object({
  id: Type.Integer(),
  occurredAt: IsoDateTime,
  action: Type.String(),
  fromStatus: Type.Union([Status, Type.Null()]),
  toStatus: Status,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorLabel: Type.String(),
  agencyId: Type.Union([Uuid, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  isPublic: Type.Boolean(),
});

const staffFields = {
  ...publicFields,
  id: Uuid,
  description: Type.String(),
  address: Address,
  location: NullableLocation,
  attributes: Type.Record(Type.String(), Type.Unknown()),
  reporter: Type.Object({
    name: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    zaloId: Type.Union([Type.String(), Type.Null()]),
  }),
  isAnonymous: Type.Boolean({ description: 'No contact left: flagged for operators' }),
  locale: StringEnum(['vi', 'en'] as const),
  notify: Type.Union([Type.Object({ channel: NotifyChannelSchema, address: Type.String() }), Type.Null()]),
  classifiedAt: Type.Union([IsoDateTime, Type.Null()]),
  assignedAt: Type.Union([IsoDateTime, Type.Null()]),
  deadlineWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
  remindedAt: Type.Union([IsoDateTime, Type.Null()]),
  escalatedAt: Type.Union([IsoDateTime, Type.Null()]),
  extension: Type.Union([
    Type.Object({ days: Type.Integer(), reason: Type.String(), requestedAt: IsoDateTime }),
    Type.Null(),
  ]),
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([IsoDateTime, Type.Null()]),
  answeredBy: Type.Union([Uuid, Type.Null()]),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  statusNote: Type.Union([Type.String(), Type.Null()]),
  rejectionReason: Type.Union([RejectionReasonSchema, Type.Null()]),
  ratingComment: Type.Union([Type.String(), Type.Null()]),
  submittedBy: Type.Union([Uuid, Type.Null()]),
};

/** Operators and agencies: everything, the reporter's contact included. */
export const StaffReportSchema = Type.Object(staffFields);

export const StaffReportDetailSchema = Type.Object({
  ...staffFields,
  photos: Type.Array(PhotoSchema),
  history: Type.Array(StaffHistorySchema),
});

export const NoteBody = Type.Object(
  { note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])) },
  { additionalProperties: false },
);
