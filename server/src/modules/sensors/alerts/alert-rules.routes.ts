import { Type, type Static } from 'typebox';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Page } from '../../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../../platform/http/typed-plugin';
import type { AlertRuleFields } from './alert-rule.model';
import { presentAlertRule } from './alert-rules.presenter';
import {
  AlertRuleCreateBody,
  AlertRuleListQuery,
  AlertRuleSchema,
  AlertRuleUpdateBody,
} from './alert-rules.schema';
import type { AlertRulesService } from './alert-rules.service';
import { readers, ruleManagers } from './alerts.access';

function fieldsOf(body: Static<typeof AlertRuleCreateBody>): AlertRuleFields {
  return {
    name: body.name,
    description: body.description ?? null,
    operator: body.operator,
    datastreamId: body.datastreamId ?? null,
    observedPropertyId: body.observedPropertyId ?? null,
    deviceType: body.deviceType ?? null,
    threshold: body.threshold ?? null,
    clearThreshold: body.clearThreshold ?? null,
    windowMinutes: body.windowMinutes ?? null,
    minDurationSeconds: body.minDurationSeconds ?? 0,
    severity: body.severity,
    active: body.active ?? true,
    agencyId: body.agencyId ?? null,
    recipients: body.recipients ?? [],
  };
}

/** /api/v1/sensors/alert-rules: what the IOC watches and when it alerts. */
export const alertRulesRoutes: TypedPlugin<{ rules: AlertRulesService }> = async (app, { rules }) => {
  const tags = ['sensors'];

  app.get(
    '/alert-rules',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Alert rules, newest first',
        querystring: AlertRuleListQuery,
        response: { 200: Page(AlertRuleSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await rules.list(request.query);
      return {
        items: items.map(presentAlertRule),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/alert-rules/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One alert rule',
        params: IdParams,
        response: { 200: AlertRuleSchema, ...commonErrorResponses },
      },
    },
    async (request) => presentAlertRule(await rules.get(request.params.id)),
  );

  app.post(
    '/alert-rules',
    {
      config: { access: ruleManagers },
      schema: {
        tags,
        summary: 'Create an alert rule',
        body: AlertRuleCreateBody,
        response: { 201: AlertRuleSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const rule = await rules.create(principal, fieldsOf(request.body), principal.actor(clientIp(request)));
      return reply.status(201).send(presentAlertRule(rule));
    },
  );

  app.patch(
    '/alert-rules/:id',
    {
      config: { access: ruleManagers },
      schema: {
        tags,
        summary: 'Change an alert rule (changing what or how it watches forgets its alert states)',
        params: IdParams,
        body: AlertRuleUpdateBody,
        response: { 200: AlertRuleSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const rule = await rules.update(
        principal,
        request.params.id,
        request.body,
        principal.actor(clientIp(request)),
      );
      return presentAlertRule(rule);
    },
  );

  app.delete(
    '/alert-rules/:id',
    {
      config: { access: ruleManagers },
      schema: {
        tags,
        summary: 'Remove an alert rule (its incidents stay)',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await rules.delete(principal, request.params.id, principal.actor(clientIp(request)));
      return reply.status(204).send(null);
    },
  );
};
