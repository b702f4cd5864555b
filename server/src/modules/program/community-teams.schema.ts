import { Type } from 'typebox';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from '../../platform/http/schemas';

const Location = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  adminUnitCode: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
  agencyId: Type.Union([Uuid, Type.Null()]),
  leaderName: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  contactPhone: Type.Union([Type.String({ maxLength: 30, pattern: '^[0-9 +().-]*$' }), Type.Null()]),
  memberCount: Type.Integer({ minimum: 0, maximum: 10000 }),
  establishedOn: Type.Union([IsoDate, Type.Null()]),
  location: Type.Union([Location, Type.Null()]),
  isSample: Type.Boolean({ description: 'Generated demo record, not a real team' }),
  note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
};

/** Public view: no contact phone (a volunteer's personal number). */
export const PublicTeamSchema = Type.Object({
  id: Uuid,
  name: editable.name,
  adminUnitCode: editable.adminUnitCode,
  agencyId: editable.agencyId,
  leaderName: editable.leaderName,
  memberCount: editable.memberCount,
  establishedOn: editable.establishedOn,
  location: editable.location,
  isSample: editable.isSample,
  note: editable.note,
  updatedAt: IsoDateTime,
});

export const StaffTeamSchema = Type.Object({
  ...PublicTeamSchema.properties,
  contactPhone: editable.contactPhone,
  createdAt: IsoDateTime,
});

export const TeamCreateBody = Type.Object(
  {
    name: editable.name,
    adminUnitCode: Type.Optional(editable.adminUnitCode),
    agencyId: Type.Optional(editable.agencyId),
    leaderName: Type.Optional(editable.leaderName),
    contactPhone: Type.Optional(editable.contactPhone),
    memberCount: Type.Optional(editable.memberCount),
    establishedOn: Type.Optional(editable.establishedOn),
    location: Type.Optional(editable.location),
    note: Type.Optional(editable.note),
  },
  { additionalProperties: false },
);

export const TeamUpdateBody = Type.Partial(Type.Object({ ...editable }), {
  additionalProperties: false,
  minProperties: 1,
});

export const TeamListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Team name, accents optional' })),
    adminUnitCode: Type.Optional(Type.String({ maxLength: 20 })),
    agencyId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const TeamTotalsSchema = Type.Object({
  teams: Type.Integer(),
  members: Type.Integer(),
  units: Type.Integer({ description: 'Administrative units with at least one team' }),
});
