import type { FastifyPluginAsync } from 'fastify';
import { systemActor } from '../../../platform/audit/audit';
import type { JobDefinition } from '../../../platform/jobs/scheduler';
import type { PlatformServices } from '../../../platform/module-contract';
import { DeviceStatusJob } from './device-status.job';
import { loadDeviceSamples } from './devices.demo';
import { devicesErrors } from './devices.errors';
import { devicesRoutes } from './devices.routes';
import { DevicesService } from './devices.service';
import { FleetService } from './fleet.service';
import { fleetRoutes } from './fleet.routes';
import { HeartbeatBuffer } from './heartbeat-buffer';
import { recordHeartbeats } from './heartbeats.repo';
import { subscribeHeartbeats } from './mqtt-heartbeats';

export type DevicesPlatform = Pick<
  PlatformServices,
  'config' | 'db' | 'audit' | 'events' | 'adminUnits' | 'mqtt' | 'logger'
>;

/** How often heartbeats are written, and the batch that is written at once. */
const HEARTBEAT_FLUSH_MS = 1000;
const HEARTBEAT_MAX_BATCH = 5000;
const STATUS_JOB_SECONDS = 10;

export interface DevicesPart {
  /** Routes under the module's prefix (/api/v1/sensors); subscribes the MQTT heartbeat topic. */
  readonly plugin: FastifyPluginAsync;
  readonly jobs: readonly JobDefinition[];
  readonly errors: typeof devicesErrors;
  loadDemo(): Promise<void>;
}

/**
 * The device and camera registry, as one part of the sensors module: sensors.module.ts spreads
 * `plugin`, `jobs`, `errors` and `loadDemo` into the module it returns.
 */
export function devicesPart(platform: DevicesPlatform): DevicesPart {
  const devices = new DevicesService(platform.db, platform.audit);
  const fleet = new FleetService(platform.db, platform.adminUnits);
  const heartbeats = new HeartbeatBuffer({
    write: (beats) => recordHeartbeats(platform.db, beats),
    flushEveryMs: HEARTBEAT_FLUSH_MS,
    maxBatch: HEARTBEAT_MAX_BATCH,
    logger: platform.logger,
  });
  const statusJob = new DeviceStatusJob(platform.db, platform.events, {
    offlineAfterMissed: platform.config?.devices.offlineAfterMissed ?? 3,
    onlineAfterHeartbeats: platform.config?.devices.onlineAfterHeartbeats ?? 2,
  });

  const plugin: FastifyPluginAsync = async (app) => {
    await subscribeHeartbeats(platform.mqtt, heartbeats);
    const publicRatePerMinute = platform.config.publicRatePerMinute;
    await app.register(devicesRoutes, { devices, heartbeats, publicRatePerMinute });
    await app.register(fleetRoutes, { devices, fleet });
  };

  return {
    plugin,
    jobs: [
      {
        name: 'sensors.device-status',
        intervalSeconds: STATUS_JOB_SECONDS,
        run: async () => {
          // Write what is buffered first, so the judgement sees the latest heartbeats.
          await heartbeats.flush();
          await statusJob.run();
        },
      },
    ],
    errors: devicesErrors,
    async loadDemo() {
      await loadDeviceSamples(platform.db, platform.audit, systemActor);
    },
  };
}
