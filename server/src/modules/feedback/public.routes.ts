import { Type } from 'typebox';
import { commonErrorResponses, IdParams } from '../../platform/http/schemas';
import type { TypedPlugin } from '../../platform/http/typed-plugin';
import {
  FollowBody,
  RatingBody,
  SimilarQuery,
  SimilarSchema,
  SubmitBody,
  SubmittedSchema,
} from './public.schema';
import type { FeedbackServices } from './feedback.services';
import { CodeParams, PhotoSchema, PublicReportDetailSchema, PublicReportSchema } from './feedback.schema';
import { readUpload } from './multipart';
import { presentPhoto, presentPublicDetail, presentPublicReport } from './report.presenter';
import { presentCategory } from './routing.presenter';
import { CategorySchema } from './routing.schema';

/** Citizens, without an account: categories, submit, track, duplicates, follow, rate, photos. */
export const publicRoutes: TypedPlugin<{ services: FeedbackServices }> = async (app, { services }) => {
  const tags = ['feedback'];
  const limited = { max: services.ctx.settings.publicRatePerMinute, timeWindow: '1 minute' };

  app.get(
    '/categories',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Report categories and their deadlines',
        response: { 200: Type.Array(CategorySchema) },
      },
    },
    async () => (await services.routing.categories()).map(presentCategory),
  );

  app.post(
    '/reports',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'File a report (web and app); returns the tracking code',
        description:
          'The report is stored before the answer is sent: a tracking code in hand is never lost. Anonymous reports are accepted and flagged; leaving a contact requires `consent`.',
        body: SubmitBody,
        response: { 201: SubmittedSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { report, ownerToken } = await services.submissions.submit(
        {
          channel: body.channel ?? 'web',
          categoryCode: body.categoryCode,
          description: body.description,
          address: body.address ?? null,
          location: body.location ?? null,
          adminUnitCode: body.adminUnitCode ?? null,
          attributes: body.attributes ?? {},
          contact: body.contact ?? null,
          preferredChannel: body.notifyBy ?? null,
          locale: request.locale,
          consentVersion: body.consent ? (body.consentVersion ?? 'web-1') : null,
        },
        { id: null, label: 'citizen', ip: request.ip },
      );
      return reply.status(201).send({
        trackingCode: report.trackingCode,
        status: report.status,
        receivedAt: report.receivedAt.toISOString(),
        dueAt: report.dueAt?.toISOString() ?? null,
        isAnonymous: report.isAnonymous,
        ownerToken: ownerToken ?? '',
        trackUrl: services.ctx.links.track(report.trackingCode),
      });
    },
  );

  app.get(
    '/reports/similar',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Likely duplicates while typing: same category, nearby, similar text',
        querystring: SimilarQuery,
        response: { 200: Type.Array(SimilarSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const found = await services.citizens.similar({
        categoryCode: request.query.category,
        latitude: request.query.lat,
        longitude: request.query.lon,
        text: request.query.text ?? '',
        limit: request.query.limit,
      });
      return found.map((item) => ({
        trackingCode: item.trackingCode,
        status: item.status,
        categoryCode: item.categoryCode,
        receivedAt: item.receivedAt.toISOString(),
        description: item.publishedAt ? item.description : null,
        location: { latitude: item.latitude, longitude: item.longitude },
        distanceMetres: item.distanceMetres,
        similarity: item.similarity,
      }));
    },
  );

  app.get(
    '/reports/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Track a report by its code, without an account',
        params: CodeParams,
        response: { 200: PublicReportDetailSchema, ...commonErrorResponses },
      },
    },
    async (request) => presentPublicDetail(await services.citizens.track(request.params.code)),
  );

  app.post(
    '/reports/:code/follow',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Follow an existing report instead of filing a duplicate',
        params: CodeParams,
        body: FollowBody,
        response: {
          200: Type.Object({ trackingCode: Type.String(), added: Type.Boolean() }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => {
      const { report, added } = await services.citizens.follow(request.params.code, {
        channel: request.body.channel,
        address: request.body.address,
        locale: request.locale,
      });
      return { trackingCode: report.trackingCode, added };
    },
  );

  app.post(
    '/reports/:code/rating',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Rate the published answer (unsatisfied within the window reopens it)',
        params: CodeParams,
        body: RatingBody,
        response: { 200: PublicReportSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentPublicReport(
        await services.citizens.rate(
          request.params.code,
          { token: request.body.token },
          { rating: request.body.rating, comment: request.body.comment ?? null },
        ),
      ),
  );

  app.post(
    '/reports/:code/photos',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary:
          'Add photos to your report (multipart, field "photos"; JPEG, PNG or WebP, 10 MB each, 5 at most)',
        description: 'Send the owner token returned with the tracking code in the X-Report-Token header.',
        params: CodeParams,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Array(PhotoSchema), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const token = request.headers['x-report-token'];
      const { files, fields } = await readUpload(request);
      const photos = await services.photos.addByCitizen(
        request.params.code,
        (typeof token === 'string' ? token : fields.token) ?? '',
        files,
      );
      return reply.status(201).send(photos.map(presentPhoto));
    },
  );

  app.get(
    '/photos/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A photo (the copy without EXIF): public once the report is published',
        params: IdParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
      },
    },
    async (request, reply) => {
      const { photo, stream } = await services.photos.publicCopy(request.params.id, request.principal);
      return reply
        .type(photo.contentType)
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};
