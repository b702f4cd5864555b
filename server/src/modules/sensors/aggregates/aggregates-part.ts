import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition } from '../../../platform/jobs/scheduler';
import type { PlatformServices } from '../../../platform/module-contract';
import { aggregatesErrors } from './aggregates.errors';
import { aggregatesRoutes } from './aggregates.routes';
import { AggregatesService } from './aggregates.service';
import { AirQualityService } from './air-quality.service';
import { RetentionService } from './retention.service';
import { defaultRollupOptions, runRollup } from './rollup.job';

export type AggregatesPlatform = Pick<PlatformServices, 'config' | 'db'>;

const ROLLUP_JOB_SECONDS = 60;
const RETENTION_JOB_SECONDS = 24 * 3600;

export interface AggregatesPart {
  /** Routes under the module's prefix (/api/v1/sensors). */
  readonly plugin: FastifyPluginAsync;
  readonly jobs: readonly JobDefinition[];
  readonly errors: typeof aggregatesErrors;
  readonly retention: RetentionService;
  /** Runs the rollup job once now (tests, benchmarks). */
  rollUp(now?: Date): Promise<void>;
}

/**
 * Aggregates (hourly rollups + raw partitions), the VN_AQI per air station and observation retention,
 * as one part of the sensors module (sensors.module.ts spreads it like devices/).
 */
export function aggregatesPart(platform: AggregatesPlatform): AggregatesPart {
  const aggregates = new AggregatesService(platform.db);
  const airQuality = new AirQualityService(platform.db, aggregates);
  const retention = new RetentionService(
    platform.db,
    platform.config?.sensors?.observationRetentionDays ?? null,
  );
  const rollUp = async (now?: Date) => void (await runRollup(platform.db, defaultRollupOptions, now));

  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(aggregatesRoutes, {
      aggregates,
      airQuality,
      retention,
      publicRatePerMinute: platform.config.publicRatePerMinute,
    });
  };

  return {
    plugin,
    jobs: [
      { name: 'sensors.observations.rollup', intervalSeconds: ROLLUP_JOB_SECONDS, run: () => rollUp() },
      {
        name: 'sensors.observations.retention',
        intervalSeconds: RETENTION_JOB_SECONDS,
        run: async () => void (await retention.enforce()),
      },
    ],
    errors: aggregatesErrors,
    retention,
    rollUp,
  };
}
