import type { MqttMessage } from '../../../platform/mqtt';
import type { PlatformServices } from '../../../platform/module-contract';
import type { StaLinks } from '../sta/sta.presenter';
import {
  createTargetOf,
  PLAIN_FILTER,
  plainDatastreamOf,
  STA_ALL_FILTER,
  STA_CREATE_FILTERS,
} from './ingest-topics';
import { parsePlainReadings, parseStaObservation, type ParsedMessage } from './ingest-payloads';
import { observationAuthenticator, publisherOf } from './ingest-publishers';
import { ObservationBatcher } from './observation-batcher';
import { staNotifier } from './sta-notifications';

export type MqttIngestPlatform = Pick<PlatformServices, 'db' | 'mqtt' | 'auth' | 'logger'>;

/** Group commit: wait up to this long for company; never more rows than this in one transaction. */
const LINGER_MS = 5;
const MAX_ROWS = 2000;
/** How many refusal reasons one malformed-message log line carries. */
const PROBLEMS_LOGGED = 3;

export interface MqttIngestPart {
  /** Registers the CONNECT check and subscribes the ingest topics (before `mqtt.start()`). */
  subscribe(): Promise<void>;
  /** Writes what is queued (shutdown, tests). */
  flush(): Promise<void>;
}

/**
 * Observations over MQTT (docs/mqtt.md): the SensorThings MQTT extension (create on
 * `v1.1/Datastreams(id)/Observations`, receive updates on the same topics) and the plain JSON topic.
 * Every message goes through `recordObservations` in a group-committed batch and is acknowledged only
 * after that commit; what cannot be stored is counted as malformed and acknowledged (never resent).
 */
export function mqttIngestPart(platform: MqttIngestPlatform, links: StaLinks): MqttIngestPart {
  const { mqtt } = platform;
  const batcher = new ObservationBatcher({
    db: platform.db,
    auth: platform.auth,
    lingerMs: LINGER_MS,
    maxRows: MAX_ROWS,
    logger: platform.logger,
    onCommitted: staNotifier(mqtt, links),
  });

  async function ingest(message: MqttMessage, parsed: ParsedMessage): Promise<void> {
    const outcomes = await batcher.submit(parsed.rows, publisherOf(message.sender));
    const problems = [...parsed.problems, ...outcomes.flatMap((o) => (o.ok ? [] : [o.problem]))];
    if (problems.length > 0) mqtt.malformed(message, problems.slice(0, PROBLEMS_LOGGED).join('; '));
  }

  async function onSta(message: MqttMessage): Promise<void> {
    // The platform's own notifications on these topics (embedded broker: we know the sender; an
    // external broker echoes them back to our subscription, recognisable by their @iot.id).
    if (message.sender?.kind === 'platform') return;
    if (message.sender === undefined && message.payload.subarray(0, 10).toString() === '{"@iot.id"') return;
    await ingest(message, parseStaObservation(message.payload, createTargetOf(message.topic)));
  }

  async function onPlain(message: MqttMessage): Promise<void> {
    const datastreamId = plainDatastreamOf(message.topic);
    if (datastreamId === null)
      return mqtt.malformed(message, 'the datastream id in the topic is not a number');
    await ingest(message, parsePlainReadings(message.payload, datastreamId));
  }

  return {
    async subscribe() {
      mqtt.authenticateWith(observationAuthenticator(platform.db, platform.auth));
      // Embedded: every v1.1 topic, so that no device message there reaches other subscribers (they
      // get the platform's notifications only). External: the create topics (its ACL does the rest).
      const staFilters = mqtt.mode === 'embedded' ? [STA_ALL_FILTER] : STA_CREATE_FILTERS;
      for (const filter of staFilters) await mqtt.subscribe(filter, onSta, { private: true });
      await mqtt.subscribe(PLAIN_FILTER, onPlain, { private: true });
    },
    flush: () => batcher.flush(),
  };
}
