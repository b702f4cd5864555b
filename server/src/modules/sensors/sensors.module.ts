import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { CitydxModule, PlatformServices } from '../../platform/module-contract';
import { aggregatesPart } from './aggregates';
import { alertsPart, type AlertNotifier, type AlertsPlatform } from './alerts';
import { devicesPart, type DevicesPlatform } from './devices';
import { livePart, type LiveFeed } from './live';
import { mqttIngestPart, type MqttIngestPlatform } from './mqtt-ingest';
import { dropObservationPartitionsBefore, ensureObservationPartitions } from './observation-partitions';
import {
  recordObservations,
  type ObservationInput,
  type ObservationOutcome,
  type RecordOptions,
} from './observations.service';
import { loadSensorsDemo } from './sensors.demo';
import { sensorsErrors } from './sensors.errors';
import { StaReader } from './sta/sta.read.service';
import { STA_PREFIX, staRoutes } from './sta/sta.routes';
import { StaWriter } from './sta/sta.write.service';

/** What other modules (and the MQTT ingest) may ask of `sensors`. */
export interface SensorsApi {
  /**
   * Records a batch of observations (in `executor`'s transaction when it is one) and returns one
   * outcome per row, in order: the new id or why the row was refused. The MQTT ingest calls this.
   */
  recordObservations(
    executor: Kysely<unknown>,
    rows: readonly ObservationInput[],
    options?: RecordOptions,
  ): Promise<ObservationOutcome[]>;
  /** Creates the coming monthly observation partitions (the daily job calls it too). */
  ensurePartitions(monthsAhead?: number): Promise<string[]>;
  /** Retention: drops the monthly partitions that end before `cutoff`. */
  dropPartitionsBefore(cutoff: Date): Promise<string[]>;
  /**
   * The live feed (GET /api/v1/sensors/live): `publish(kind, payload)` reaches this process's SSE
   * clients at once. What every process's clients must see goes as a `sensors.*` outbox event instead.
   */
  readonly live: Pick<LiveFeed, 'publish'>;
}

/**
 * The sensors module (IOC): OGC SensorThings API 1.1 at /sta/v1.1 over a time-partitioned observation
 * store. `prefix` is '' because the STA path is fixed by the standard.
 */
export function createSensorsModule(
  platform: Pick<PlatformServices, 'db' | 'audit' | 'config'> &
    DevicesPlatform &
    AlertsPlatform &
    MqttIngestPlatform,
  options: { readonly notifier?: AlertNotifier } = {},
): CitydxModule<SensorsApi> {
  // The device and camera registry (devices/): its routes live under /api/v1/sensors.
  const devices = devicesPart(platform);
  // Aggregates, VN_AQI, retention (aggregates/) and the SSE live feed (live/), also under /api/v1/sensors.
  const aggregates = aggregatesPart(platform);
  const live = livePart(platform);
  // Alert rules and incidents (alerts/), under /api/v1/sensors; operators are told through `notifier`.
  const alerts = alertsPart(platform, options.notifier);
  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(devices.plugin, { prefix: '/api/v1/sensors' });
    await app.register(aggregates.plugin, { prefix: '/api/v1/sensors' });
    await app.register(live.plugin, { prefix: '/api/v1/sensors' });
    await app.register(alerts.plugin, { prefix: '/api/v1/sensors' });
    const links = { base: `${platform.config.publicUrl.replace(/\/$/, '')}${STA_PREFIX}` };
    const reader = new StaReader(platform.db, links);
    const writer = new StaWriter(platform.db, platform.audit, links);
    const mqttEndpoint = () => platform.mqtt.endpoint();
    await app.register(staRoutes, { prefix: STA_PREFIX, reader, writer, links, mqttEndpoint });
    // Observations over MQTT (mqtt-ingest/): the STA MQTT extension and the plain JSON topic.
    await mqttIngestPart(platform, links).subscribe();
  };
  return {
    name: 'sensors',
    prefix: '',
    plugin,
    migrations: { owner: 'sensors', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
    errors: { ...sensorsErrors, ...devices.errors, ...aggregates.errors, ...live.errors, ...alerts.errors },
    api: {
      recordObservations,
      ensurePartitions: (monthsAhead) => ensureObservationPartitions(platform.db, monthsAhead),
      dropPartitionsBefore: (cutoff) => dropObservationPartitionsBefore(platform.db, cutoff),
      live: { publish: (kind, payload) => live.feed.publish(kind, payload) },
    },
    jobs: [
      {
        name: 'sensors.observations.partitions',
        intervalSeconds: 24 * 3600,
        run: async () => void (await ensureObservationPartitions(platform.db)),
      },
      ...devices.jobs,
      ...aggregates.jobs,
      ...live.jobs,
      ...alerts.jobs,
    ],
    loadDemo: async () => {
      await loadSensorsDemo(platform.db);
      await devices.loadDemo();
      await alerts.loadDemo();
    },
  };
}
