import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Page } from '../../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../../platform/http/typed-plugin';
import { operators, readers } from './alerts.access';
import { presentIncidentsGeoJson } from './incidents.geojson.presenter';
import { presentIncident, presentIncidentWithHistory } from './incidents.presenter';
import {
  AssignBody,
  CommentBody,
  IncidentListQuery,
  IncidentMapQuery,
  IncidentSchema,
  IncidentWithHistorySchema,
  NoteBody,
} from './incidents.schema';
import type { IncidentsService } from './incidents.service';

const actorOf = (request: FastifyRequest) => requirePrincipal(request).actor(clientIp(request));

/** /api/v1/sensors/incidents: what the alerts opened, and what operators do about it. */
export const incidentsRoutes: TypedPlugin<{ incidents: IncidentsService }> = async (app, { incidents }) => {
  const tags = ['sensors'];
  const stepResponse = {
    200: IncidentWithHistorySchema,
    ...commonErrorResponses,
    409: Type.Ref('ErrorResponse'),
    422: Type.Ref('ErrorResponse'),
  };

  app.get(
    '/incidents',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Incidents, newest first, filtered by status, severity, area and agency',
        querystring: IncidentListQuery,
        response: { 200: Page(IncidentSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await incidents.list(request.query);
      return {
        items: items.map(presentIncident),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/incidents.geojson',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Unresolved incidents with a location, as a GeoJSON FeatureCollection, most severe first',
        querystring: IncidentMapQuery,
        produces: ['application/geo+json'],
      },
    },
    async (request, reply) => {
      const { limit, ...query } = request.query;
      return reply
        .type('application/geo+json')
        .send(presentIncidentsGeoJson(await incidents.mapped(query, limit)));
    },
  );

  app.get(
    '/incidents/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One incident with its history',
        params: IdParams,
        response: { 200: IncidentWithHistorySchema, ...commonErrorResponses },
      },
    },
    async (request) => presentIncidentWithHistory(await incidents.get(request.params.id)),
  );

  app.post(
    '/incidents/:id/acknowledge',
    {
      config: { access: operators },
      schema: {
        tags,
        summary: 'Acknowledge an open incident',
        params: IdParams,
        body: NoteBody,
        response: stepResponse,
      },
    },
    async (request) =>
      presentIncidentWithHistory(
        await incidents.acknowledge(request.params.id, request.body.note ?? null, actorOf(request)),
      ),
  );

  app.post(
    '/incidents/:id/assign',
    {
      config: { access: operators },
      schema: {
        tags,
        summary: 'Assign an unresolved incident to an agency',
        params: IdParams,
        body: AssignBody,
        response: stepResponse,
      },
    },
    async (request) =>
      presentIncidentWithHistory(
        await incidents.assign(
          request.params.id,
          request.body.agencyId,
          request.body.note ?? null,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/incidents/:id/comments',
    {
      config: { access: operators },
      schema: {
        tags,
        summary: 'Comment on an incident',
        params: IdParams,
        body: CommentBody,
        response: stepResponse,
      },
    },
    async (request) =>
      presentIncidentWithHistory(
        await incidents.comment(request.params.id, request.body.text, actorOf(request)),
      ),
  );

  app.post(
    '/incidents/:id/resolve',
    {
      config: { access: operators },
      schema: {
        tags,
        summary: 'Resolve an incident',
        params: IdParams,
        body: NoteBody,
        response: stepResponse,
      },
    },
    async (request) =>
      presentIncidentWithHistory(
        await incidents.resolve(request.params.id, request.body.note ?? null, actorOf(request)),
      ),
  );
};
