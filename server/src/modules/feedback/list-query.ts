import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Uuid } from '../../platform/http/schemas';
import { CategoryCode, ChannelSchema, Status } from './feedback.schema';
import type { ReportFilter } from './report-queries.repo';

/** Filters shared by the inbox, the agency queue and the public board (repeat a key for several values). */
const filters = {
  status: Type.Optional(Type.Array(Status, { maxItems: 11, description: 'One or more states' })),
  category: Type.Optional(Type.Array(CategoryCode, { maxItems: 50 })),
  adminUnitCode: Type.Optional(Type.String({ maxLength: 20 })),
  agencyId: Type.Optional(Uuid),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  ...PageQuery,
};

export const BoardQuery = Type.Object(filters, { additionalProperties: false });

export const BoardMapQuery = Type.Object(
  {
    status: filters.status,
    category: filters.category,
    adminUnitCode: filters.adminUnitCode,
    agencyId: filters.agencyId,
    from: filters.from,
    to: filters.to,
  },
  { additionalProperties: false },
);

export const StaffListQuery = Type.Object(
  {
    ...filters,
    channel: Type.Optional(ChannelSchema),
    urgent: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean({ description: 'Held by an agency past its deadline (derived)' })),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Tracking code or words of the description' }),
    ),
    sort: Type.Optional(Type.Union([Type.Literal('received_desc'), Type.Literal('due_asc')])),
  },
  { additionalProperties: false },
);

export const RangeQuery = Type.Object(
  { from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime) },
  { additionalProperties: false },
);

type AnyListQuery = Partial<Static<typeof StaffListQuery>> & { limit?: number; offset?: number };

/** Query string -> repository filter (the same names on every list). */
export function toFilter(query: AnyListQuery): ReportFilter {
  return {
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.category ? { categoryCodes: query.category } : {}),
    ...(query.adminUnitCode ? { adminUnitCode: query.adminUnitCode } : {}),
    ...(query.agencyId ? { agencyIds: [query.agencyId] } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.urgent !== undefined ? { urgent: query.urgent } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
  };
}
