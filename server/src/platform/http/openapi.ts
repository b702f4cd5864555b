import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './schemas';

/**
 * OpenAPI 3.1 generated from the route schemas, served at /docs (UI) and /docs/json. The same document
 * is committed as docs/openapi.json; a test fails when the two drift.
 */
export async function installOpenApi(
  app: FastifyInstance,
  info: { version: string; publicUrl: string },
): Promise<void> {
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'citydx API',
        version: info.version,
        description:
          'The citydx platform API (/api/v1). Errors answer `{ error: { code, message, details } }`; codes are listed in docs/errors.md. Messages follow Accept-Language (vi by default, en).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: info.publicUrl }],
      components: {
        securitySchemes: {
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token created in the console (Authorization: Bearer cdx_…)',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'citydx_session',
            description: 'Console session; writes also need X-CSRF-Token',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}
