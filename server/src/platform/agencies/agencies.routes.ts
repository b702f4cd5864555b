import { Type } from 'typebox';
import { commonErrorResponses, IdParams, Page } from '../http/schemas';
import { clientIp, type TypedPlugin } from '../http/typed-plugin';
import { requirePrincipal } from '../auth/require-principal';
import { AgencyCreateBody, AgencyListQuery, AgencySchema, AgencyUpdateBody } from './agencies.schema';
import type { AgenciesService } from './agencies.service';
import { presentAgency } from './agency.presenter';

/**
 * /api/v1/agencies. The organisation tree is public (citizens see who is responsible); the city's
 * system administrators shape it, and an agency's own administrator keeps its contact points current.
 */
export const agenciesRoutes: TypedPlugin<{ agencies: AgenciesService }> = async (app, { agencies }) => {
  const tags = ['agencies'];

  app.get(
    '',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'List agencies (flat; parentId links the tree)',
        querystring: AgencyListQuery,
        response: { 200: Page(AgencySchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await agencies.list(request.query);
      return {
        items: items.map(presentAgency),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One agency',
        params: IdParams,
        response: { 200: AgencySchema, ...commonErrorResponses },
      },
    },
    async (request) => presentAgency(await agencies.get(request.params.id)),
  );

  app.post(
    '',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Create an agency',
        body: AgencyCreateBody,
        response: { 201: AgencySchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const body = request.body;
      const created = await agencies.create(
        {
          code: body.code,
          nameVi: body.nameVi,
          nameEn: body.nameEn ?? null,
          kind: body.kind,
          parentId: body.parentId ?? null,
          email: body.email ?? null,
          phone: body.phone ?? null,
          address: body.address ?? null,
          website: body.website ?? null,
          headUserId: body.headUserId ?? null,
          adminUnitCode: body.adminUnitCode ?? null,
          active: body.active ?? true,
          note: body.note ?? null,
        },
        principal.actor(clientIp(request)),
      );
      return reply.status(201).send(presentAgency(created));
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: { roles: ['system_admin', 'agency_admin'] } },
      schema: {
        tags,
        summary: 'Change an agency (agency admins: contact points of their own)',
        params: IdParams,
        body: AgencyUpdateBody,
        response: { 200: AgencySchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentAgency(
        await agencies.update(principal, request.params.id, request.body, principal.actor(clientIp(request))),
      );
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Delete an agency without sub-agencies',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await agencies.delete(request.params.id, principal.actor(clientIp(request)));
      return reply.status(204).send(null);
    },
  );
};
