import { Type } from 'typebox';
import { requirePrincipal } from '../../platform/auth/require-principal';
import { AppError } from '../../platform/http/app-error';
import { platformErrors } from '../../platform/http/platform.errors';
import { commonErrorResponses, IdParams, Page } from '../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../platform/http/typed-plugin';
import { actorOf, hubAccess } from './feedback.access';
import type { FeedbackServices } from './feedback.services';
import { StaffReportSchema } from './feedback.schema';
import {
  ClassifyBody,
  ExtensionDecisionBody,
  MergeBody,
  OperatorReportBody,
  PhoneParams,
  RejectBody,
  ReviewBody,
  SuggestionSchema,
  TransferBody,
} from './hub.schema';
import { StaffListQuery, toFilter } from './list-query';
import { presentStaffReport } from './report.presenter';

const staffReport = { 200: StaffReportSchema, ...commonErrorResponses };

/** The 1022 hub: inbox, call-centre entry, caller lookup, triage, transfer, review. */
export const hubRoutes: TypedPlugin<{ services: FeedbackServices }> = async (app, { services }) => {
  const tags = ['feedback-hub'];
  const config = { access: hubAccess };

  app.get(
    '/hub/inbox',
    {
      config,
      schema: {
        tags,
        summary: 'Reports from every channel, newest first',
        querystring: StaffListQuery,
        response: { 200: Page(StaffReportSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await services.reads.inbox(toFilter(request.query));
      return {
        items: items.map((r) => presentStaffReport(r)),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/hub/callers/:phone/reports',
    {
      config,
      schema: {
        tags,
        summary: "The caller's earlier reports (by phone; never public)",
        params: PhoneParams,
        response: { 200: Type.Array(StaffReportSchema), ...commonErrorResponses },
      },
    },
    async (request) =>
      (await services.reads.byCaller(request.params.phone, 50)).map((r) => presentStaffReport(r)),
  );

  app.post(
    '/hub/reports',
    {
      config,
      schema: {
        tags,
        summary: 'Enter a report while on the phone',
        body: OperatorReportBody,
        response: { 201: StaffReportSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const body = request.body;
      const { report } = await services.submissions.submit(
        {
          channel: body.channel,
          categoryCode: body.categoryCode ?? null,
          description: body.description,
          address: body.address ?? null,
          location: body.location ?? null,
          adminUnitCode: body.adminUnitCode ?? null,
          attributes: body.attributes ?? {},
          contact: body.contact ?? null,
          locale: request.locale,
          consentVersion: body.consentGiven ? 'operator-verbal' : null,
          urgent: body.urgent ?? false,
          submittedBy: principal.userId,
          classified: true,
          audited: true,
        },
        principal.actor(clientIp(request)),
      );
      return reply.status(201).send(presentStaffReport(report));
    },
  );

  app.post(
    '/hub/reports/:id/classify',
    {
      config,
      schema: {
        tags,
        summary: 'Classify: category, urgency, unit, location',
        params: IdParams,
        body: ClassifyBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(await services.hub.classify(request.params.id, request.body, actorOf(request))),
  );

  app.post(
    '/hub/reports/:id/reject',
    {
      config,
      schema: {
        tags,
        summary: 'Reject with a reason (out of scope, spam, …)',
        params: IdParams,
        body: RejectBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.hub.reject(
          request.params.id,
          request.body.reason,
          request.body.note ?? null,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/hub/reports/:id/merge',
    {
      config,
      schema: {
        tags,
        summary: 'Merge into the original report (its followers follow it)',
        params: IdParams,
        body: MergeBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.hub.merge(
          request.params.id,
          request.body.into,
          request.body.note ?? null,
          actorOf(request),
        ),
      ),
  );

  app.get(
    '/hub/reports/:id/routing-suggestion',
    {
      config,
      schema: {
        tags,
        summary: 'The agency the routing table suggests',
        params: IdParams,
        response: { 200: SuggestionSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const found = await services.hub.suggestion(request.params.id);
      if (!found) return null;
      return {
        agencyId: found.agency.id,
        agencyCode: found.agency.code,
        agencyName: found.agency.nameVi,
        ruleId: found.rule.id,
        adminUnitCode: found.rule.adminUnitCode,
      };
    },
  );

  app.post(
    '/hub/reports/:id/transfer',
    {
      config,
      schema: {
        tags,
        summary: 'Transfer (or reassign) to an agency; starts the deadline clock',
        params: IdParams,
        body: TransferBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(await services.hub.transfer(request.params.id, request.body, actorOf(request))),
  );

  app.post(
    '/hub/reports/:id/review',
    {
      config,
      schema: {
        tags,
        summary: "Review the agency's answer: approve (publish) or send back",
        params: IdParams,
        body: ReviewBody,
        response: staffReport,
      },
    },
    async (request) => {
      const { decision, answer, note } = request.body;
      if (decision === 'approve')
        return presentStaffReport(
          await services.review.approve(
            request.params.id,
            { answer: answer ?? null, note: note ?? null },
            actorOf(request),
          ),
        );
      if (!note)
        throw new AppError(platformErrors.VALIDATION_FAILED, {
          fields: [{ location: 'body', path: '/note', message: 'required to send back' }],
        });
      return presentStaffReport(await services.review.sendBack(request.params.id, note, actorOf(request)));
    },
  );

  app.post(
    '/hub/reports/:id/extension',
    {
      config,
      schema: {
        tags,
        summary: "Decide an agency's extension request",
        params: IdParams,
        body: ExtensionDecisionBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.review.decideExtension(
          request.params.id,
          request.body.approve,
          request.body.note ?? null,
          actorOf(request),
        ),
      ),
  );
};
