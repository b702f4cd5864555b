import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { CitydxModule, ServiceFigure } from '../../platform/module-contract';
import { agencyRoutes } from './agency.routes';
import { boardRoutes } from './board.routes';
import { rangeOf, type BoardFigures, type LeagueRow } from './board.service';
import { feedbackJobs } from './deadline-jobs';
import { createContext, type FeedbackOptions, type FeedbackPlatform } from './feedback.context';
import { loadFeedbackDemo } from './feedback.demo';
import { feedbackErrors } from './feedback.errors';
import { createServices, type FeedbackServices } from './feedback.services';
import { feedbackTemplates } from './feedback.templates';
import { hubRoutes } from './hub.routes';
import { inboundHandler } from './inbound';
import { installMultipart } from './multipart';
import { open311Routes } from './open311/open311.routes';
import { publicRoutes } from './public.routes';
import { routingRoutes } from './routing.routes';
import { SUBMITTED_EVENT } from './submission.repo';

export type { FeedbackOptions } from './feedback.context';

/** Where the module's two API families live. */
export const FEEDBACK_API_PREFIX = '/api/v1/feedback';
export const OPEN311_PREFIX = '/open311/v2';

/** What other modules may ask of `feedback` (read-only figures, e.g. for the DTI module). */
export interface FeedbackApi {
  figures(range?: { from?: Date; to?: Date }): Promise<BoardFigures>;
  leagueTable(range?: { from?: Date; to?: Date }): Promise<LeagueRow[]>;
  /** The status of a report by its tracking code, or null. */
  statusOf(
    trackingCode: string,
  ): Promise<{ status: string; agencyId: string | null; overdue: boolean } | null>;
}

/**
 * Citizen feedback: Da Nang's 1022 hub. Reports from every channel (web, app, phone, Zalo, SMS,
 * e-mail, Open311) are classified, routed to agencies, answered, reviewed, published and rated.
 * `prefix` is '' because the plugin mounts two families at absolute prefixes: the citydx API and
 * Open311 GeoReport v2.
 */
export function createFeedbackModule(
  platform: FeedbackPlatform,
  options: FeedbackOptions,
): CitydxModule<FeedbackApi> {
  return buildFeedback(platform, options).module;
}

/** The module with its insides, for the module's own tests and benchmark. */
export function buildFeedback(
  platform: FeedbackPlatform,
  options: FeedbackOptions,
): { module: CitydxModule<FeedbackApi>; services: FeedbackServices } {
  const ctx = createContext(platform, options);
  const services = createServices(ctx);
  const module: CitydxModule<FeedbackApi> = {
    name: 'feedback',
    prefix: '',
    plugin: pluginOf(services),
    migrations: { owner: 'feedback', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
    errors: feedbackErrors,
    jobs: feedbackJobs(services),
    api: apiOf(services),
    loadDemo: () => loadFeedbackDemo(ctx),
    figures: () => portalFigures(services),
  };
  return { module, services };
}

/** Mounts both API families at absolute prefixes and connects to the notifier and the outbox. */
function pluginOf(services: FeedbackServices): FastifyPluginAsync {
  const { ctx } = services;
  return async (app) => {
    ctx.options.notifier.registerTemplates(feedbackTemplates);
    ctx.options.notifier.registerInboundFallback(
      inboundHandler(services.submissions, services.citizens, ctx.links),
    );
    // The acknowledgement follows the report's own event, so filing a report never waits for the notifier.
    ctx.platform.events.subscribe(SUBMITTED_EVENT, (event) =>
      services.submissions.acknowledge(String(event.payload.reportId)),
    );
    await app.register(
      async (api) => {
        await installMultipart(api);
        await api.register(publicRoutes, { services });
        await api.register(boardRoutes, { services });
        await api.register(hubRoutes, { services });
        await api.register(agencyRoutes, { services });
        await api.register(routingRoutes, { services });
      },
      { prefix: FEEDBACK_API_PREFIX },
    );
    await app.register(open311Routes, { prefix: OPEN311_PREFIX, services });
  };
}

function apiOf(services: FeedbackServices): FeedbackApi {
  return {
    figures: (range) => services.board.figures(rangeOf(range?.from, range?.to)),
    leagueTable: (range) => services.board.league(rangeOf(range?.from, range?.to)),
    statusOf: async (code) => {
      const report = await services.ctx.reports.findByCode(code.toUpperCase());
      return report ? { status: report.status, agencyId: report.agencyId, overdue: report.overdue } : null;
    },
  };
}

/** The portal home shows how many answers are public (only once there are some). */
async function portalFigures(services: FeedbackServices): Promise<ServiceFigure[]> {
  return [
    {
      key: 'feedbackAnswered',
      label: { vi: 'Phản ánh đã trả lời công khai', en: 'Reports answered publicly' },
      count: await services.board.publishedCount(),
      href: '/feedback',
    },
  ];
}
