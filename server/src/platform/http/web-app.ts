import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error';
import { platformErrors } from './platform.errors';

// Paths owned by APIs: an unknown URL under them is an API 404, never the web app's index.html.
const apiPrefixes = ['/api/', '/open311/', '/sta/', '/docs', '/catalog.', '/healthz', '/readyz', '/metrics'];

/**
 * Serves the built web app (web/dist) from the same process, with client-side routes (/console/…,
 * /ioc/…) answered by index.html. When the app has not been built, pages say how to build it.
 */
export async function installWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !apiPrefixes.some((prefix) => request.url.startsWith(prefix));
    if (!isPage)
      throw new AppError(platformErrors.NOT_FOUND, {
        method: request.method,
        url: request.url.split('?')[0],
      });
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
