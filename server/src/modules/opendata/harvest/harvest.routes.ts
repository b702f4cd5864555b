import { Type } from 'typebox';
import type { Access } from '../../../platform/auth/access';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Page } from '../../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../../platform/http/typed-plugin';
import { presentRun, presentSource } from './harvest.presenter';
import type { HarvestSource, SourceFields } from './harvest.repo';
import { RunListQuery, RunSchema, SourceCreateBody, SourceSchema, SourceUpdateBody } from './harvest.schema';
import type { HarvestService } from './harvest.service';

// System admins manage every source; an agency admin those that feed their agency (checked in the service).
const admins: Access = { roles: ['system_admin', 'agency_admin'] };
const tags = ['opendata harvest'];
const conflict = { 409: Type.Ref('ErrorResponse') };

type SourceBody = Partial<Omit<SourceFields, 'ownerOrg'> & { organizationId: string }>;

function fieldsOf(body: SourceBody): Partial<SourceFields> {
  const { organizationId, ...rest } = body;
  return { ...rest, ...(organizationId !== undefined ? { ownerOrg: organizationId } : {}) };
}

/** /api/v1/opendata/harvest: harvest sources (CRUD), runs started on demand, run reports. */
export const harvestRoutes: TypedPlugin<{ harvest: HarvestService }> = async (app, { harvest }) => {
  const present = async (sources: readonly HarvestSource[]) => {
    const { lastRuns, mirrored } = await harvest.summaries(sources);
    return sources.map((source) =>
      presentSource(source, { lastRun: lastRuns.get(source.id), mirrored: mirrored.get(source.id) }),
    );
  };
  const presentOne = async (source: HarvestSource) => {
    const [presented] = await present([source]);
    return presented as ReturnType<typeof presentSource>;
  };

  app.addHook('onClose', () => harvest.settle());

  app.get(
    '/sources',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Harvest sources the caller manages, with their last run',
        response: { 200: Type.Object({ items: Type.Array(SourceSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ items: await present(await harvest.list(requirePrincipal(request))) }),
  );

  app.get(
    '/sources/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'One harvest source',
        params: IdParams,
        response: { 200: SourceSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const source = await harvest.get(requirePrincipal(request), request.params.id);
      return presentOne(source);
    },
  );

  app.post(
    '/sources',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Add a harvest source (a CKAN portal or a DCAT catalog)',
        body: SourceCreateBody,
        response: { 201: SourceSchema, ...commonErrorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const body = request.body;
      const fields: SourceFields = {
        name: body.name,
        title: body.title ?? '',
        type: body.type,
        url: body.url.trim(),
        ownerOrg: body.organizationId,
        sourceOrganization: body.sourceOrganization ?? null,
        intervalMinutes: body.intervalMinutes ?? 1440,
        active: body.active ?? true,
      };
      const created = await harvest.create(principal, fields, principal.actor(clientIp(request)));
      return reply.status(201).send(await presentOne(created));
    },
  );

  app.patch(
    '/sources/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Change a harvest source',
        params: IdParams,
        body: SourceUpdateBody,
        response: { 200: SourceSchema, ...commonErrorResponses, ...conflict },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const body = request.body;
      const changes = fieldsOf(body.url === undefined ? body : { ...body, url: body.url.trim() });
      const updated = await harvest.update(
        principal,
        request.params.id,
        changes,
        principal.actor(clientIp(request)),
      );
      return presentOne(updated);
    },
  );

  app.delete(
    '/sources/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Remove a harvest source; its mirrored datasets are marked deleted',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await harvest.delete(principal, request.params.id, principal.actor(clientIp(request)));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/sources/:id/runs',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Harvest now: the run starts and goes on in the background (poll /runs/{id})',
        params: IdParams,
        response: { 202: RunSchema, ...commonErrorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const run = await harvest.startRun(requirePrincipal(request), request.params.id);
      return reply.status(202).send(presentRun(run));
    },
  );

  app.get(
    '/sources/:id/runs',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Runs of a source, newest first, each with its report',
        params: IdParams,
        querystring: RunListQuery,
        response: { 200: Page(RunSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const page = await harvest.runs(requirePrincipal(request), request.params.id, limit, offset);
      return { items: page.items.map(presentRun), total: page.total, limit, offset };
    },
  );

  app.get(
    '/runs/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'One run and its report (counts, per-dataset errors); status "running" while it works',
        params: IdParams,
        response: { 200: RunSchema, ...commonErrorResponses },
      },
    },
    async (request) => presentRun(await harvest.run(requirePrincipal(request), request.params.id)),
  );
};
