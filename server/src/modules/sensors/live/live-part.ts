import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition } from '../../../platform/jobs/scheduler';
import type { PlatformServices } from '../../../platform/module-contract';
import { LiveFeed } from './live-feed';
import { LiveSources } from './live-sources';
import { liveErrors } from './live.errors';
import { pruneLiveEvents, storeLiveEvent } from './live.repo';
import { liveRoutes } from './live.routes';

export type LivePlatform = Pick<PlatformServices, 'config' | 'db' | 'events' | 'logger'>;

/** Outbox events of these types reach live clients (the sensors module's own events). */
export const LIVE_EVENT_PATTERN = 'sensors.*';
const MAX_CLIENTS = 1000;
const MAX_CLIENTS_PER_IP = 10;
const HEARTBEAT_MS = 15_000;
const MAX_BUFFERED_BYTES = 1 << 20;
const LIVE_EVENTS_KEPT_SECONDS = 3600;

export interface LivePart {
  readonly plugin: FastifyPluginAsync;
  readonly jobs: readonly JobDefinition[];
  readonly errors: typeof liveErrors;
  /** The in-process feed: `publish(kind, payload)` reaches this process's clients. */
  readonly feed: LiveFeed;
  readonly sources: LiveSources;
}

/**
 * The live feed (SSE) as one part of the sensors module. Cross-process delivery: an outbox event of the
 * sensors module is copied by whichever process dispatches it into sensors.live_events, which every
 * process tails; latest observations are read from sensors.datastream_latest, written by any process.
 */
export function livePart(platform: LivePlatform): LivePart {
  const feed = new LiveFeed({
    maxClients: MAX_CLIENTS,
    maxClientsPerIp: MAX_CLIENTS_PER_IP,
    heartbeatMs: HEARTBEAT_MS,
    maxBufferedBytes: MAX_BUFFERED_BYTES,
    // Poll the database only while this process has clients.
    onActive: (active) => (active ? sources.start() : void sources.stop()),
  });
  const sources = new LiveSources(platform.db, feed, platform.logger);
  platform.events?.subscribe(LIVE_EVENT_PATTERN, (event) =>
    storeLiveEvent(platform.db, { eventId: event.id, kind: event.type, payload: event.payload }),
  );

  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(liveRoutes, { feed, publicRatePerMinute: platform.config.publicRatePerMinute });
  };

  return {
    plugin,
    jobs: [
      {
        name: 'sensors.live.prune',
        intervalSeconds: 3600,
        run: () => pruneLiveEvents(platform.db, LIVE_EVENTS_KEPT_SECONDS),
      },
    ],
    errors: liveErrors,
    feed,
    sources,
  };
}
