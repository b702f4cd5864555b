import { Type } from 'typebox';
import { authErrors } from '../../../../platform/auth/auth.errors';
import { requirePrincipal } from '../../../../platform/auth/require-principal';
import { AppError } from '../../../../platform/http/app-error';
import { platformErrors } from '../../../../platform/http/platform.errors';
import { commonErrorResponses } from '../../../../platform/http/schemas';
import type { TypedPlugin } from '../../../../platform/http/typed-plugin';
import type { CatalogAccess } from '../../contracts';
import { LoadReportSchema, presentLoad } from './load.presenter';
import type { LoadsRepo } from './loads.repo';

const ResourceParams = Type.Object(
  { resourceId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,63}$', description: 'Catalogue resource id' }) },
  { additionalProperties: false },
);

/**
 * /api/v1/opendata/datastore: what the publisher console polls while a file loads. Only editors of the
 * resource see its loads (a failed load's report quotes values of the file).
 */
export const loadsRoutes: TypedPlugin<{ loads: LoadsRepo; access: CatalogAccess }> = async (
  app,
  { loads, access },
) => {
  app.get(
    '/loads/:resourceId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['opendata'],
        summary: 'Latest DataStore load of a resource: status, progress, rows, problems with line numbers',
        params: ResourceParams,
        response: { 200: LoadReportSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (!(await access.canEditResource(principal, request.params.resourceId)))
        throw new AppError(authErrors.FORBIDDEN);
      const load = await loads.latest(request.params.resourceId);
      if (!load) throw new AppError(platformErrors.NOT_FOUND);
      return presentLoad(load, request.locale ?? 'vi');
    },
  );
};
