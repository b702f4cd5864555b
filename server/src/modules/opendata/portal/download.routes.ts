import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { viewerOf } from '../catalog/catalog.access';
import type { Catalog } from '../catalog/catalog';
import { plainErrorHandler } from '../dcat/dcat.routes';
import type { UsageCounter } from './usage.repo';

/**
 * Uploaded files at CKAN's FileStore URL, /dataset/{id}/resource/{rid}/download/{filename}, streamed
 * from the blob store. A private dataset's file is a 404 for anyone but its editors; each download counts.
 */
export const downloadRoutes: FastifyPluginAsync<{ catalog: Catalog; usage: UsageCounter }> = async (
  app,
  { catalog, usage },
) => {
  app.setErrorHandler(plainErrorHandler);
  app.get(
    '/dataset/:id/resource/:resourceId/download/:filename',
    {
      config: { access: 'public' },
      schema: {
        tags: ['opendata'],
        summary: 'Download an uploaded resource file',
        params: Type.Object({
          id: Type.String({ maxLength: 100 }),
          resourceId: Type.String({ maxLength: 100 }),
          filename: Type.String({ maxLength: 300 }),
        }),
      },
    },
    async (request, reply) => {
      const { id, resourceId } = request.params as { id: string; resourceId: string };
      const { resource, body } = await catalog.resources.file(viewerOf(request.principal), id, resourceId);
      await usage.count('download', resource.id);
      if (resource.size !== null) reply.header('content-length', resource.size);
      return reply
        .type(resource.mimetype ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${resource.url.replace(/"/g, '')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(body);
    },
  );
};
