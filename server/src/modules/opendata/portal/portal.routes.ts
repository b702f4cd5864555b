import type { AuditLog } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/http/app-error';
import { commonErrorResponses } from '../../../platform/http/schemas';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';
import { canEditOrg, canRead, viewerOf } from '../catalog/catalog.access';
import type { Catalog } from '../catalog/catalog';
import { opendataErrors } from '../opendata.errors';
import {
  HistoryParams,
  HistoryQuery,
  HistorySchema,
  StatsSchema,
  SuggestQuery,
  SuggestSchema,
} from './portal.schema';
import type { UsageCounter } from './usage.repo';

export interface PortalRoutesOptions {
  readonly catalog: Catalog;
  readonly usage: UsageCounter;
  readonly audit: AuditLog;
}

/** The web portal's own API under /api/v1/opendata: figures, dataset history, search-box suggestions. */
export const portalRoutes: TypedPlugin<PortalRoutesOptions> = async (app, { catalog, usage, audit }) => {
  const tags = ['opendata'];

  app.get(
    '/stats',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Open data figures', response: { 200: StatsSchema } },
    },
    async () => {
      const [counts, groups, resources, totals, daily] = await Promise.all([
        catalog.datasets.repo.countsByOrg(false),
        catalog.groups.repo.list(),
        catalog.resources.repo.count(),
        usage.totals(),
        usage.daily(30),
      ]);
      return {
        datasets: [...counts.values()].reduce((sum, n) => sum + n, 0),
        organisations: counts.size,
        groups: groups.length,
        resources,
        downloads: totals.download,
        apiCalls: totals.api_call,
        daily,
      };
    },
  );

  app.get(
    '/datasets/:id/history',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Who changed a dataset, what and when (from the audit log)',
        params: HistoryParams,
        querystring: HistoryQuery,
        response: { 200: HistorySchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const viewer = viewerOf(request.principal);
      const head = await catalog.datasets.repo.findHead(request.params.id);
      if (!head || !canRead(viewer, head)) throw new AppError(opendataErrors.DATASET_NOT_FOUND);
      const { limit, offset } = request.query;
      const page = await audit.search({ targetType: 'opendata_dataset', targetId: head.id, limit, offset });
      // Staff e-mails are personal data: only the dataset's editors see who made each change.
      const showActor = canEditOrg(viewer, head.ownerOrg);
      return {
        items: page.items.map((entry) => ({
          occurredAt: entry.occurredAt,
          action: entry.action,
          actor: showActor ? entry.actorLabel : null,
          summary: entry.summary,
        })),
        total: page.total,
        limit,
        offset,
      };
    },
  );

  app.get(
    '/suggest',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Dataset titles for the search box (similar spelling, accents optional)',
        querystring: SuggestQuery,
        response: { 200: SuggestSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      catalog.search.suggest(request.query.q, viewerOf(request.principal), request.query.limit),
  );
};
