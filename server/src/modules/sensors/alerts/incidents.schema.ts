import { Type } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum, Uuid } from '../../../platform/http/schemas';
import { AlertOperatorSchema, AlertSeveritySchema } from './alert-rules.schema';
import { incidentEventKinds, incidentStatuses } from './incident.model';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const IncidentStatusSchema = StringEnum(incidentStatuses);

export const IncidentSchema = Type.Object({
  id: Uuid,
  ruleId: nullable(Uuid),
  ruleName: Type.String(),
  operator: AlertOperatorSchema,
  severity: AlertSeveritySchema,
  status: IncidentStatusSchema,
  datastreamId: nullable(Type.Integer()),
  deviceId: nullable(Uuid),
  subjectName: Type.String({ description: 'The datastream or device that alerted' }),
  location: nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number() })),
  adminUnitCode: nullable(Type.String()),
  agencyId: nullable(Uuid),
  alertActive: Type.Boolean({ description: "The rule's condition still holds" }),
  raiseCount: Type.Integer({ description: 'Raises attached to this incident' }),
  lastValue: Type.Unknown({ description: 'The result of the latest raise' }),
  openedAt: IsoDateTime,
  acknowledgedAt: nullable(IsoDateTime),
  resolvedAt: nullable(IsoDateTime),
  isSample: Type.Boolean({ description: 'Raised by a sample rule or on sample data' }),
  updatedAt: IsoDateTime,
});

export const IncidentEventSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(incidentEventKinds),
  actorId: nullable(Uuid),
  actorLabel: Type.String(),
  note: nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  occurredAt: IsoDateTime,
});

export const IncidentWithHistorySchema = Type.Object({
  ...IncidentSchema.properties,
  history: Type.Array(IncidentEventSchema),
});

const filters = {
  severity: Type.Optional(AlertSeveritySchema),
  adminUnitCode: Type.Optional(Type.String({ maxLength: 20, description: 'Area: administrative unit code' })),
  agencyId: Type.Optional(Uuid),
  ruleId: Type.Optional(Uuid),
  datastreamId: Type.Optional(Type.Integer({ minimum: 1 })),
  alertActive: Type.Optional(Type.Boolean()),
};

export const IncidentListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Array(IncidentStatusSchema, {
        maxItems: 3,
        description: 'Repeat for several: ?status=open&status=acknowledged',
      }),
    ),
    ...filters,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const IncidentMapQuery = Type.Object(
  { ...filters, limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }) },
  { additionalProperties: false },
);

const Note = Type.String({ minLength: 1, maxLength: 4000 });

export const NoteBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export const AssignBody = Type.Object(
  { agencyId: Uuid, note: Type.Optional(Note) },
  { additionalProperties: false },
);
export const CommentBody = Type.Object({ text: Note }, { additionalProperties: false });
