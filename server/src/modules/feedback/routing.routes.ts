import { Type } from 'typebox';
import { commonErrorResponses, IdParams } from '../../platform/http/schemas';
import type { TypedPlugin } from '../../platform/http/typed-plugin';
import { actorOf, categoryAdminAccess, hubAccess } from './feedback.access';
import type { FeedbackServices } from './feedback.services';
import {
  CategoryCreateBody,
  CategoryParams,
  CategorySchema,
  CategoryUpdateBody,
  RuleCreateBody,
  RuleListQuery,
  RuleSchema,
  RuleUpdateBody,
} from './routing.schema';
import { presentCategory, presentRule } from './routing.presenter';

/** The hub's configuration: the routing table (operators) and the categories (system admins). */
export const routingRoutes: TypedPlugin<{ services: FeedbackServices }> = async (app, { services }) => {
  const tags = ['feedback-hub'];
  const routing = services.routing;

  app.get(
    '/hub/categories',
    {
      config: { access: hubAccess },
      schema: {
        tags,
        summary: 'Every category, inactive ones too',
        response: { 200: Type.Array(CategorySchema) },
      },
    },
    async () => (await routing.categories(true)).map(presentCategory),
  );

  app.post(
    '/hub/categories',
    {
      config: { access: categoryAdminAccess },
      schema: {
        tags,
        summary: 'Add a category',
        body: CategoryCreateBody,
        response: { 201: CategorySchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const created = await routing.createCategory(
        {
          code: body.code,
          nameVi: body.nameVi,
          nameEn: body.nameEn ?? null,
          descriptionVi: body.descriptionVi ?? null,
          descriptionEn: body.descriptionEn ?? null,
          group: body.group,
          keywords: body.keywords ?? '',
          deadlineWorkingDays: body.deadlineWorkingDays,
          attributes: body.attributes ?? [],
          duplicateRadiusMetres: body.duplicateRadiusMetres ?? 200,
          active: body.active ?? true,
          sortOrder: body.sortOrder ?? 0,
        },
        actorOf(request),
      );
      return reply.status(201).send(presentCategory(created));
    },
  );

  app.patch(
    '/hub/categories/:code',
    {
      config: { access: categoryAdminAccess },
      schema: {
        tags,
        summary: 'Change a category (deadline, attributes, active…)',
        params: CategoryParams,
        body: CategoryUpdateBody,
        response: { 200: CategorySchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentCategory(await routing.updateCategory(request.params.code, request.body, actorOf(request))),
  );

  app.get(
    '/hub/routes',
    {
      config: { access: hubAccess },
      schema: {
        tags,
        summary: 'The routing table: category × administrative unit → agency',
        querystring: RuleListQuery,
        response: { 200: Type.Array(RuleSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { category, adminUnitCode, agencyId } = request.query;
      const rules = await routing.rules({
        ...(category ? { categoryCode: category } : {}),
        ...(adminUnitCode ? { adminUnitCode } : {}),
        ...(agencyId ? { agencyId } : {}),
      });
      return rules.map(presentRule);
    },
  );

  app.post(
    '/hub/routes',
    {
      config: { access: hubAccess },
      schema: {
        tags,
        summary: 'Add a routing rule',
        body: RuleCreateBody,
        response: { 201: RuleSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { categoryCode, adminUnitCode, agencyId } = request.body;
      const rule = await routing.createRule(
        { categoryCode, adminUnitCode: adminUnitCode ?? null, agencyId },
        actorOf(request),
      );
      return reply.status(201).send(presentRule(rule));
    },
  );

  app.patch(
    '/hub/routes/:id',
    {
      config: { access: hubAccess },
      schema: {
        tags,
        summary: 'Change a routing rule',
        params: IdParams,
        body: RuleUpdateBody,
        response: { 200: RuleSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentRule(await routing.updateRule(request.params.id, request.body, actorOf(request))),
  );

  app.delete(
    '/hub/routes/:id',
    {
      config: { access: hubAccess },
      schema: {
        tags,
        summary: 'Remove a routing rule',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      await routing.deleteRule(request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
