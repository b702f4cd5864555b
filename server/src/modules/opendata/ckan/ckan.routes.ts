import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { UsageCounter } from '../portal/usage.repo';
import { CkanError, type CkanAction } from './ckan-action';
import { ckanErrorHandler, helpUrl, sendBadRequest } from './ckan-errors';
import { BadRequest, readParams, type RawBody } from './ckan-request';

export interface CkanRoutesOptions {
  readonly actions: readonly CkanAction[];
  readonly baseUrl: string;
  readonly usage: UsageCounter;
  readonly maxUploadBytes: number;
}

const tags = ['CKAN Action API'];
// JSONP callbacks are echoed into a script: only plain identifiers are accepted.
const CALLBACK = /^[A-Za-z_$][\w$.]{0,63}$/;

/**
 * Bodies are kept as text and read by readParams, so a malformed body becomes CKAN's
 * "Bad request - JSON Error" instead of Fastify's own 400.
 */
function installBodyParsers(app: Parameters<FastifyPluginAsync>[0]): void {
  app.removeAllContentTypeParsers();
  const keep =
    (kind: RawBody['kind']) =>
    (_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: RawBody) => void) =>
      done(null, { kind, text: body.toString() });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, keep('form'));
  app.addContentTypeParser('*', { parseAs: 'string' }, keep('json'));
}

async function dispatch(
  action: CkanAction | undefined,
  name: string,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { baseUrl: string; maxUploadBytes: number },
): Promise<FastifyReply> {
  const { baseUrl } = options;
  if (!action) return sendBadRequest(reply, `Action name not known: ${name}`);
  const callback = request.method === 'GET' ? (request.query as { callback?: unknown }).callback : undefined;
  // CKAN treats JSONP requests as anonymous: a third-party page must not read the caller's data.
  const principal = callback === undefined ? request.principal : null;
  if (!action.sideEffectFree && request.method === 'GET')
    throw new BadRequest('JSON Error: Invalid request. Please use POST method for your request');
  if (!action.sideEffectFree && !principal)
    throw CkanError.denied(`Action ${name} requires an authenticated user`);
  const { params, files, release } = await readParams(request, action.sideEffectFree, options.maxUploadBytes);
  delete params.callback;
  try {
    const result = await action.handle({ params, principal, request, baseUrl, files });
    const body = { help: helpUrl(baseUrl, request), success: true, result };
    if (typeof callback === 'string' && CALLBACK.test(callback))
      return reply
        .type('application/javascript; charset=utf-8')
        .send(`${callback}(${JSON.stringify(body)});`);
    return reply.send(body);
  } finally {
    await release();
  }
}

/**
 * CKAN's Action API at /api/3/action/{name} and /api/action/{name}. The routes are declared public
 * and every action authorises its caller itself, as CKAN does; errors keep CKAN's envelope.
 */
export const ckanRoutes: FastifyPluginAsync<CkanRoutesOptions> = async (app, options) => {
  const { actions, baseUrl, usage, maxUploadBytes } = options;
  app.setErrorHandler(ckanErrorHandler(baseUrl));
  installBodyParsers(app);
  await app.register(multipart, { limits: { fileSize: maxUploadBytes } });
  app.addHook('onResponse', async () => usage.count('api_call'));
  const byName = new Map(actions.map((action) => [action.name, action]));

  for (const url of ['/api/3/action/:name', '/api/action/:name']) {
    app.route({
      method: ['GET', 'POST'],
      url,
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Call a CKAN action (GET for read actions; POST JSON, form or multipart)',
        description: `Actions: ${actions.map((action) => action.name).join(', ')}. Answers {help, success, result}.`,
        params: Type.Object({ name: Type.String({ maxLength: 100 }) }),
      },
      handler: async (request, reply) => {
        const { name } = request.params as { name: string };
        return dispatch(byName.get(name), name, request, reply, { baseUrl, maxUploadBytes });
      },
    });
  }
  for (const url of ['/api/3', '/api'])
    app.get(
      url,
      { config: { access: 'public' }, schema: { tags, summary: 'CKAN API version' } },
      async () => ({
        version: 3,
      }),
    );
};
