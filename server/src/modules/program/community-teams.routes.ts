import { Type } from 'typebox';
import type { Access } from '../../platform/auth/access';
import { requirePrincipal } from '../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Page } from '../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../platform/http/typed-plugin';
import { presentTeamsGeoJson } from './community-teams.geojson.presenter';
import { presentPublicTeam, presentStaffTeam } from './community-teams.presenter';
import {
  PublicTeamSchema,
  StaffTeamSchema,
  TeamCreateBody,
  TeamListQuery,
  TeamTotalsSchema,
  TeamUpdateBody,
} from './community-teams.schema';
import type { CommunityTeamsService } from './community-teams.service';

const managers: Access = { roles: ['system_admin', 'agency_admin', 'officer'] };

/** /api/v1/program/community-teams: thin routes; the service decides, presenters shape the wire. */
export const communityTeamsRoutes: TypedPlugin<{ teams: CommunityTeamsService }> = async (app, { teams }) => {
  const tags = ['program'];

  app.get(
    '/community-teams',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Community digital teams',
        querystring: TeamListQuery,
        response: { 200: Page(PublicTeamSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await teams.list(request.query);
      return {
        items: items.map(presentPublicTeam),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/community-teams/totals',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'How many teams and members', response: { 200: TeamTotalsSchema } },
    },
    async () => teams.totals(),
  );

  app.get(
    '/community-teams.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Teams with a location as a GeoJSON FeatureCollection',
        produces: ['application/geo+json'],
      },
    },
    async (_request, reply) =>
      reply.type('application/geo+json').send(presentTeamsGeoJson(await teams.mapped())),
  );

  app.get(
    '/community-teams/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One team',
        params: IdParams,
        response: { 200: PublicTeamSchema, ...commonErrorResponses },
      },
    },
    async (request) => presentPublicTeam(await teams.get(request.params.id)),
  );

  app.post(
    '/community-teams',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Register a team',
        body: TeamCreateBody,
        response: { 201: StaffTeamSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const body = request.body;
      const created = await teams.create(
        principal,
        {
          name: body.name,
          adminUnitCode: body.adminUnitCode ?? null,
          agencyId: body.agencyId ?? null,
          leaderName: body.leaderName ?? null,
          contactPhone: body.contactPhone ?? null,
          memberCount: body.memberCount ?? 0,
          establishedOn: body.establishedOn ?? null,
          location: body.location ?? null,
          isSample: false,
          note: body.note ?? null,
        },
        principal.actor(clientIp(request)),
      );
      return reply.status(201).send(presentStaffTeam(created));
    },
  );

  app.patch(
    '/community-teams/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Change a team',
        params: IdParams,
        body: TeamUpdateBody,
        response: { 200: StaffTeamSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentStaffTeam(
        await teams.update(principal, request.params.id, request.body, principal.actor(clientIp(request))),
      );
    },
  );

  app.delete(
    '/community-teams/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Remove a team',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await teams.delete(principal, request.params.id, principal.actor(clientIp(request)));
      return reply.status(204).send(null);
    },
  );
};
