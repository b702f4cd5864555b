import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';
import { AppError } from '../../../platform/http/app-error';
import type { FeedbackServices } from '../feedback.services';
import {
  Open311Error,
  sendOpen311,
  sendOpen311Error,
  splitFormat,
  type Open311Format,
  type XmlObject,
} from './open311.format';
import { paramsFromQuery, paramsOf, type Open311Params } from './open311.params';
import { presentDefinition, presentService } from './open311.presenter';
import { Open311Service, toOpen311Error } from './open311.service';

const FORM_LIMIT_BYTES = 64 * 1024;
const tags = ['open311'];
// Bumped when the Open311 surface changes (Service Discovery's sortable "changeset").
const CHANGESET = '2026-11-23T06:00:00+07:00';

function formatOf(request: FastifyRequest): Open311Format {
  return /\.xml(\?|$)/i.test(request.url) ? 'xml' : 'json';
}

/** Everything thrown under /open311/v2 answers in Open311's error format, never the citydx one. */
function open311ErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  let mapped: Open311Error;
  if (error instanceof Open311Error) mapped = error;
  else if (error instanceof AppError) mapped = toOpen311Error(error);
  else if (error.validation) mapped = new Open311Error(400, error.message);
  else if (error.statusCode && error.statusCode < 500)
    mapped = new Open311Error(error.statusCode, error.message);
  else {
    request.log.error({ err: error }, 'open311 request failed');
    mapped = new Open311Error(500, 'Internal error; it has been logged.');
  }
  return sendOpen311Error(reply, formatOf(request), mapped);
}

function bodyParams(request: FastifyRequest): Open311Params {
  const body = request.body instanceof URLSearchParams ? [...request.body.entries()] : [];
  return paramsOf([...body, ...[...new URLSearchParams(request.url.split('?')[1] ?? '').entries()]]);
}

function file(request: FastifyRequest): { name: string; format: Open311Format } {
  const parsed = splitFormat((request.params as { file?: string }).file ?? '');
  if (!parsed) throw new Open311Error(404, 'Append .json or .xml to the resource');
  return parsed;
}

/**
 * Open311 GeoReport v2 at /open311/v2 (JSON and XML), with FixMyStreet's servicerequestupdates. POST
 * takes application/x-www-form-urlencoded and an api_key: a citydx API token, in the form, the query
 * string or the Authorization header.
 */
export const open311Routes: TypedPlugin<{ services: FeedbackServices }> = async (app, { services }) => {
  const open311 = new Open311Service(services);
  const config = { access: 'public' as const };
  const limited = { max: services.ctx.settings.publicRatePerMinute, timeWindow: '1 minute' };
  // GeoReport v2 POSTs are form-encoded; anything else is refused (415 in the Open311 error body).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES },
    (_request, body, done) => done(null, new URLSearchParams(String(body))),
  );
  app.setErrorHandler(open311ErrorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendOpen311Error(reply, formatOf(request), new Open311Error(404, 'No such Open311 resource')),
  );
  const send = (reply: FastifyReply, format: Open311Format, root: string, item: string, json: XmlObject[]) =>
    sendOpen311(reply, format, { root, item, json });

  for (const format of ['json', 'xml'] as const) {
    app.get(
      `/discovery.${format}`,
      { config, schema: { tags, summary: 'Service Discovery' } },
      async (_request, reply) =>
        sendOpen311(reply, format, { root: 'discovery', json: discovery(services.ctx.settings.publicUrl) }),
    );
    app.get(
      `/services.${format}`,
      { config, schema: { tags, summary: 'GET Service List' } },
      async (_request, reply) =>
        send(reply, format, 'services', 'service', (await services.routing.categories()).map(presentService)),
    );
    app.get(
      `/requests.${format}`,
      { config, schema: { tags, summary: 'GET Service Requests' } },
      async (request, reply) =>
        send(
          reply,
          format,
          'service_requests',
          'request',
          await open311.list(paramsFromQuery(request.query)),
        ),
    );
    app.post(
      `/requests.${format}`,
      {
        config: { ...config, rateLimit: limited },
        schema: { tags, summary: 'POST Service Request (api_key)' },
      },
      async (request, reply) => {
        const params = bodyParams(request);
        const principal = await open311.principal(params, request.principal, 'create_request');
        return send(
          reply,
          format,
          'service_requests',
          'request',
          await open311.create(params, principal, request.locale),
        );
      },
    );
    app.get(
      `/servicerequestupdates.${format}`,
      { config, schema: { tags, summary: 'GET updates (FixMyStreet)' } },
      async (request, reply) =>
        send(
          reply,
          format,
          'service_requests_updates',
          'request_update',
          await open311.updates(paramsFromQuery(request.query)),
        ),
    );
    app.post(
      `/servicerequestupdates.${format}`,
      {
        config: { ...config, rateLimit: limited },
        schema: { tags, summary: 'POST an update (FixMyStreet, api_key)' },
      },
      async (request, reply) => {
        const params = bodyParams(request);
        const principal = await open311.principal(params, request.principal, 'post_service_request_update');
        return send(
          reply,
          format,
          'service_request_updates',
          'request_update',
          await open311.postUpdate(params, principal),
        );
      },
    );
  }

  app.get(
    '/services/:file',
    { config, schema: { tags, summary: 'GET Service Definition' } },
    async (request, reply) => {
      const { name, format } = file(request);
      const category = await services.ctx.routing.category(name);
      if (!category?.active) throw new Open311Error(404, `service_code ${name} was not found`);
      return sendOpen311(reply, format, { root: 'service_definition', json: presentDefinition(category) });
    },
  );

  app.get(
    '/requests/:file',
    { config, schema: { tags, summary: 'GET Service Request' } },
    async (request, reply) => {
      const { name, format } = file(request);
      return send(reply, format, 'service_requests', 'request', await open311.one(name));
    },
  );

  app.get(
    '/tokens/:file',
    { config, schema: { tags, summary: 'GET service_request_id from a token' } },
    async (request, reply) => {
      const { name, format } = file(request);
      return send(reply, format, 'service_requests', 'request', await open311.token(name));
    },
  );
};

function discovery(publicUrl: string): XmlObject {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    changeset: CHANGESET,
    contact: 'Tổng đài 1022 thành phố Đà Nẵng (điện thoại 1022) / Da Nang 1022 hotline',
    key_service: `An API token issued in the citydx console (${base}/console), sent as api_key or in Authorization`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${base}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
