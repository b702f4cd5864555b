import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/app-error';
import { canRead, viewerOf } from '../catalog/catalog.access';
import type { Catalog } from '../catalog/catalog';
import { CkanError } from '../ckan/ckan-action';
import { catalogTriples, datasetTriples, Triples } from './dcat.graph';
import { dcatFormats, serialize, type DcatFormat } from './dcat.serialize';

export const DATASETS_PER_PAGE = 100;
const tags = ['DCAT-AP'];

function asFormat(value: string): DcatFormat | undefined {
  return Object.hasOwn(dcatFormats, value) ? (value as DcatFormat) : undefined;
}

/** Errors here are plain text, as ckanext-dcat's pages: 404 for what the caller may not see. */
export function plainErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status =
    error instanceof CkanError
      ? error.status
      : error instanceof AppError
        ? error.status === 401
          ? 403
          : error.status
        : ((error as { statusCode?: number }).statusCode ?? 500);
  if (status >= 500) request.log.error({ err: error }, 'dcat request failed');
  const text =
    status === 404
      ? 'Not found'
      : status === 403
        ? 'Access denied'
        : status >= 500
          ? 'Internal Server Error'
          : 'Bad request';
  return reply.status(status).type('text/plain; charset=utf-8').send(text);
}

/**
 * DCAT-AP 3 documents: /catalog.{ttl,jsonld,rdf}?page=N (100 public datasets per page, Hydra paging)
 * and /dataset/{id or name}.{ttl,jsonld,rdf} (same privacy rules as package_show).
 */
export const dcatRoutes: FastifyPluginAsync<{ catalog: Catalog }> = async (app, { catalog }) => {
  app.setErrorHandler(plainErrorHandler);
  const base = catalog.baseUrl;

  for (const format of Object.keys(dcatFormats) as DcatFormat[]) {
    app.get(
      `/catalog.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `The DCAT-AP catalog as ${format}, ${DATASETS_PER_PAGE} datasets per page`,
          querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }),
        },
      },
      async (request, reply) => {
        const page = (request.query as { page?: number }).page ?? 1;
        const found = await catalog.search.search({
          text: null,
          filters: [],
          viewer: viewerOf(null),
          visibility: { includePrivate: false, includeDrafts: false },
          sort: [{ field: 'name', descending: false }],
          rows: DATASETS_PER_PAGE,
          start: (page - 1) * DATASETS_PER_PAGE,
        });
        const packages = await catalog.packageDicts(await catalog.datasets.repo.loadMany(found.ids));
        const triples = new Triples();
        catalogTriples(triples, base, packages, {
          page,
          perPage: DATASETS_PER_PAGE,
          total: found.count,
          listingUrl: `${base}/catalog.${format}`,
        });
        return reply.type(dcatFormats[format]).send(await serialize(triples.quads, format));
      },
    );
  }

  app.get(
    '/dataset/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One dataset as DCAT-AP: /dataset/{id or name}.ttl, .jsonld or .rdf',
        params: Type.Object({ file: Type.String({ maxLength: 200 }) }),
      },
    },
    async (request, reply) => {
      const { file } = request.params as { file: string };
      const dot = file.lastIndexOf('.');
      const format = dot > 0 ? asFormat(file.slice(dot + 1)) : undefined;
      if (!format) return reply.callNotFound();
      const viewer = viewerOf(request.principal);
      const head = await catalog.datasets.repo.findHead(file.slice(0, dot));
      if (!head || !canRead(viewer, head)) throw CkanError.notFound();
      const [pkg] = await catalog.packageDicts(await catalog.datasets.repo.loadMany([head.id]));
      const triples = new Triples();
      if (pkg) datasetTriples(triples, base, pkg);
      return reply.type(dcatFormats[format]).send(await serialize(triples.quads, format));
    },
  );
};
