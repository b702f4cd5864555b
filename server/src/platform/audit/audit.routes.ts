import { Type } from 'typebox';
import { commonErrorResponses, IsoDateTime, Page, PageQuery, Uuid } from '../http/schemas';
import type { TypedPlugin } from '../http/typed-plugin';
import type { AuditLog } from './audit';

const AuditRecordSchema = Type.Object({
  id: Type.Integer(),
  occurredAt: IsoDateTime,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Uuid),
    action: Type.Optional(
      Type.String({ maxLength: 100, description: 'Action or its prefix, e.g. "auth." or "agency.updated"' }),
    ),
    targetType: Type.Optional(Type.String({ maxLength: 100 })),
    targetId: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the actor or the change summary' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** /api/v1/audit: read the audit log (system administrators). There is no write route: entries are made by the services. */
export const auditRoutes: TypedPlugin<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get(
    '',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: Page(AuditRecordSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const result = await audit.search(request.query);
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );
};
