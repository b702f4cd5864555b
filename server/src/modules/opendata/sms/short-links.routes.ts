import { Type } from 'typebox';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';

/** `/d/<name>`: the short dataset link an SMS carries, redirected to the dataset's page. */
export function datasetShortLink(baseUrl: string, name: string): string {
  return `${baseUrl}/d/${name}`;
}

export const shortLinkRoutes: TypedPlugin = async (app) => {
  app.get(
    '/d/:name',
    {
      config: { access: 'public' },
      schema: {
        tags: ['opendata'],
        summary: 'Short link to a dataset page (sent in SMS and Zalo replies)',
        params: Type.Object(
          { name: Type.String({ pattern: '^[a-z0-9_-]{2,100}$' }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => reply.redirect(`/data/dataset/${request.params.name}`, 302),
  );
};
