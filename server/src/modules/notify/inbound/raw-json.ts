import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Keeps the exact bytes of JSON bodies in this plugin's scope: webhook signatures are computed over
 * them, and re-serialising the parsed body would not reproduce them. Parsing itself stays Fastify's
 * (same errors, same prototype-poisoning protection, same body limit).
 */
export function installRawJsonParser(app: FastifyInstance): (request: FastifyRequest) => Buffer {
  const rawBodies = new WeakMap<FastifyRequest, Buffer>();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
    rawBodies.set(request, raw);
    parseJson(request, raw.toString('utf8'), done);
  });
  return (request) => rawBodies.get(request) ?? Buffer.alloc(0);
}
