import { Type } from 'typebox';
import { AppError } from './http/app-error';
import { platformErrors } from './http/platform.errors';
import { commonErrorResponses, IsoDateTime } from './http/schemas';
import type { TypedPlugin } from './http/typed-plugin';
import type { JobScheduler } from './jobs/scheduler';
import type { ServiceFigure } from './module-contract';

const FigureSchema = Type.Object({
  key: Type.String(),
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  count: Type.Integer(),
  href: Type.String(),
});

const JobSchema = Type.Object({
  name: Type.String(),
  intervalSeconds: Type.Integer(),
  nextRunAt: IsoDateTime,
  lastStartedAt: Type.Union([IsoDateTime, Type.Null()]),
  lastFinishedAt: Type.Union([IsoDateTime, Type.Null()]),
  lastStatus: Type.Union([Type.Literal('succeeded'), Type.Literal('failed'), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  runCount: Type.Integer(),
  failureCount: Type.Integer(),
});

export interface PlatformRoutesOptions {
  readonly figures: () => Promise<ServiceFigure[]>;
  readonly jobs: JobScheduler;
  readonly version: string;
}

/** /api/v1/platform: what the platform offers (portal home) and the state of background jobs. */
export const platformRoutes: TypedPlugin<PlatformRoutesOptions> = async (app, { figures, jobs, version }) => {
  const tags = ['platform'];

  app.get(
    '/summary',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Services this installation offers, with live counts',
        response: { 200: Type.Object({ version: Type.String(), services: Type.Array(FigureSchema) }) },
      },
    },
    async () => ({ version, services: await figures() }),
  );

  app.get(
    '/jobs',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Background jobs and their last run',
        response: { 200: Type.Object({ items: Type.Array(JobSchema) }), ...commonErrorResponses },
      },
    },
    async () => ({ items: await jobs.list() }),
  );

  app.post(
    '/jobs/:name/run',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Run a job now',
        params: Type.Object({ name: Type.String({ maxLength: 100 }) }),
        response: { 200: JobSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      if (!jobs.has(request.params.name))
        throw new AppError(platformErrors.NOT_FOUND, { job: request.params.name });
      return jobs.runNow(request.params.name);
    },
  );
};
