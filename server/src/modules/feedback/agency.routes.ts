import { Type } from 'typebox';
import { requirePrincipal } from '../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Page } from '../../platform/http/schemas';
import type { TypedPlugin } from '../../platform/http/typed-plugin';
import { actorOf, agencyAccess, staffReadAccess } from './feedback.access';
import type { FeedbackServices } from './feedback.services';
import { NoteBody, PhotoSchema, StaffReportDetailSchema, StaffReportSchema } from './feedback.schema';
import { ExtensionRequestBody, RespondBody, ReturnBody } from './hub.schema';
import { StaffListQuery, toFilter } from './list-query';
import { readUpload } from './multipart';
import { presentPhoto, presentStaffDetail, presentStaffReport } from './report.presenter';

const staffReport = { 200: StaffReportSchema, ...commonErrorResponses };

/** Agencies' work on their reports, and staff reads of one report and its original photos. */
export const agencyRoutes: TypedPlugin<{ services: FeedbackServices }> = async (app, { services }) => {
  const tags = ['feedback-agency'];
  const config = { access: agencyAccess };

  app.get(
    '/agency/queue',
    {
      config: { access: staffReadAccess },
      schema: {
        tags,
        summary: "Reports assigned to the caller's agencies, soonest deadline first",
        querystring: StaffListQuery,
        response: { 200: Page(StaffReportSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { agencyIds: _ignored, ...filter } = toFilter(request.query);
      const { items, total } = await services.reads.queue(requirePrincipal(request), {
        ...filter,
        ...(request.query.agencyId ? { agencyId: request.query.agencyId } : {}),
      });
      return {
        items: items.map((r) => presentStaffReport(r)),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.post(
    '/agency/reports/:id/accept',
    {
      config,
      schema: {
        tags,
        summary: 'Start handling (in progress)',
        params: IdParams,
        body: NoteBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.agency.accept(
          requirePrincipal(request),
          request.params.id,
          request.body.note ?? null,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/agency/reports/:id/respond',
    {
      config,
      schema: {
        tags,
        summary: 'Answer (goes to the hub for review)',
        params: IdParams,
        body: RespondBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.agency.respond(
          requirePrincipal(request),
          request.params.id,
          request.body.answer,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/agency/reports/:id/extension',
    {
      config,
      schema: {
        tags,
        summary: 'Ask the hub for more working days',
        params: IdParams,
        body: ExtensionRequestBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.agency.requestExtension(
          requirePrincipal(request),
          request.params.id,
          request.body,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/agency/reports/:id/return',
    {
      config,
      schema: {
        tags,
        summary: 'Return as not ours (the hub reassigns it)',
        params: IdParams,
        body: ReturnBody,
        response: staffReport,
      },
    },
    async (request) =>
      presentStaffReport(
        await services.agency.giveBack(
          requirePrincipal(request),
          request.params.id,
          request.body.reason,
          actorOf(request),
        ),
      ),
  );

  app.get(
    '/staff/reports/:id',
    {
      config: { access: staffReadAccess },
      schema: {
        tags,
        summary: 'One report in full, with history and photos',
        params: IdParams,
        response: { 200: StaffReportDetailSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentStaffDetail(await services.reads.get(requirePrincipal(request), request.params.id)),
  );

  app.post(
    '/staff/reports/:id/photos',
    {
      config: { access: { roles: ['system_admin', 'call_center_operator', 'agency_admin', 'officer'] } },
      schema: {
        tags,
        summary:
          "Add photos: the caller's (hub) or of the fix (agency); multipart, JPEG/PNG/WebP, 10 MB, 5 at most",
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Array(PhotoSchema), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { files } = await readUpload(request);
      const photos = await services.photos.addByStaff(requirePrincipal(request), request.params.id, files);
      return reply.status(201).send(photos.map(presentPhoto));
    },
  );

  app.get(
    '/staff/photos/:id/original',
    {
      config: { access: staffReadAccess },
      schema: {
        tags,
        summary: 'The original upload, EXIF included (staff only)',
        params: IdParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
      },
    },
    async (request, reply) => {
      const { photo, stream } = await services.photos.original(request.params.id, requirePrincipal(request));
      return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(stream);
    },
  );
};
