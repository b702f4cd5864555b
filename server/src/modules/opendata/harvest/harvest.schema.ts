import { Type } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum, Uuid } from '../../../platform/http/schemas';
import { runStatuses, sourceTypes } from './harvest.tables';

const editable = {
  name: Type.String({
    minLength: 2,
    maxLength: 100,
    pattern: '^[a-z0-9_-]+$',
    description: 'Short name (lower-case letters, digits, - and _); shown in the harvested datasets',
  }),
  title: Type.String({ maxLength: 200 }),
  type: StringEnum(sourceTypes, {
    description: 'ckan: a CKAN portal (Action API v3); dcat: a DCAT catalog (Turtle, JSON-LD, RDF/XML)',
  }),
  url: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'CKAN: the portal root; DCAT: the catalog document (Hydra pages are followed)',
  }),
  organizationId: Type.String({ format: 'uuid', description: 'The agency that owns the mirrored datasets' }),
  sourceOrganization: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
    description: 'Only this organisation of the source (CKAN organization name or DCAT publisher)',
  }),
  intervalMinutes: Type.Integer({ minimum: 5, maximum: 525_600, description: 'How often it runs' }),
  active: Type.Boolean({ description: 'Inactive sources run only on demand' }),
};

const Counts = {
  created: Type.Integer(),
  updated: Type.Integer(),
  deleted: Type.Integer(),
  unchanged: Type.Integer(),
  failed: Type.Integer(),
};

export const RunSchema = Type.Object({
  id: Uuid,
  sourceId: Uuid,
  trigger: StringEnum(['schedule', 'manual'] as const),
  status: StringEnum(runStatuses, {
    description: 'running; succeeded; partial (some datasets failed); failed (the source could not be read)',
  }),
  startedAt: IsoDateTime,
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
  ...Counts,
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the whole run failed' }),
  errors: Type.Array(Type.Object({ remoteId: Type.String(), title: Type.String(), message: Type.String() }), {
    description: 'Datasets that could not be mirrored, with the reason',
  }),
});

export const SourceSchema = Type.Object({
  id: Uuid,
  ...editable,
  nextRunAt: IsoDateTime,
  running: Type.Boolean({ description: 'A run holds the source now' }),
  mirroredDatasets: Type.Integer({ description: 'Datasets of this source mirrored here now' }),
  lastRun: Type.Union([RunSchema, Type.Null()]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const SourceCreateBody = Type.Object(
  {
    name: editable.name,
    title: Type.Optional(editable.title),
    type: editable.type,
    url: editable.url,
    organizationId: editable.organizationId,
    sourceOrganization: Type.Optional(editable.sourceOrganization),
    intervalMinutes: Type.Optional(editable.intervalMinutes),
    active: Type.Optional(editable.active),
  },
  { additionalProperties: false },
);

export const SourceUpdateBody = Type.Partial(Type.Object({ ...editable }), {
  additionalProperties: false,
  minProperties: 1,
});

export const RunListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
