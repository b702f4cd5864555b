import { Type } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum, Uuid } from '../http/schemas';
import { agencyKinds } from './agencies.repo';

export const AgencyKind = StringEnum(agencyKinds);

const nullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

const editable = {
  code: Type.String({
    minLength: 1,
    maxLength: 40,
    pattern: '^[A-Za-z0-9._-]+$',
    description: 'Short stable code',
  }),
  nameVi: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: nullableText(300),
  kind: AgencyKind,
  parentId: Type.Union([Uuid, Type.Null()]),
  email: Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]),
  phone: nullableText(40),
  address: nullableText(500),
  website: Type.Union([Type.String({ format: 'uri', maxLength: 500 }), Type.Null()]),
  headUserId: Type.Union([Uuid, Type.Null()]),
  adminUnitCode: nullableText(20),
  active: Type.Boolean(),
  note: nullableText(2000),
};

export const AgencySchema = Type.Object({
  id: Uuid,
  ...editable,
  childCount: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const AgencyCreateBody = Type.Object(
  {
    code: editable.code,
    nameVi: editable.nameVi,
    kind: editable.kind,
    nameEn: Type.Optional(editable.nameEn),
    parentId: Type.Optional(editable.parentId),
    email: Type.Optional(editable.email),
    phone: Type.Optional(editable.phone),
    address: Type.Optional(editable.address),
    website: Type.Optional(editable.website),
    headUserId: Type.Optional(editable.headUserId),
    adminUnitCode: Type.Optional(editable.adminUnitCode),
    active: Type.Optional(editable.active),
    note: Type.Optional(editable.note),
  },
  { additionalProperties: false },
);

export const AgencyUpdateBody = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});

export const AgencyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Name or code, accents optional' })),
    kind: Type.Optional(AgencyKind),
    parentId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: PageQuery.offset,
  },
  { additionalProperties: false },
);
