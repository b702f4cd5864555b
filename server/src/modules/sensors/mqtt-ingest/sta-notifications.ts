import type { FastifyBaseLogger } from 'fastify';
import type { PlatformMqtt } from '../../../platform/mqtt';
import { entities } from '../sta/entities';
import { presentEntity, type StaLinks } from '../sta/sta.presenter';
import { observationTopics } from './ingest-topics';
import type { StoredObservation } from './observation-batcher';

/** Notifications waiting to be sent; beyond this they are dropped (the data is in the database). */
const MAX_QUEUED = 50_000;
const LOG_EVERY = 1000;

/** The row shape the STA presenter reads, built from what was just stored (no read back). */
function observationRow(stored: StoredObservation): Record<string, unknown> {
  const { input } = stored;
  const numeric = typeof input.result === 'number';
  return {
    id: stored.id,
    phenomenon_time: input.phenomenonTime ?? null,
    phenomenon_time_end: input.phenomenonTimeEnd ?? null,
    result_time: input.resultTime ?? null,
    result_number: numeric ? input.result : null,
    result_json: numeric ? null : input.result,
    result_quality: input.resultQuality ?? null,
    valid_time_start: input.validTime?.start ?? null,
    valid_time_end: input.validTime?.end ?? null,
    parameters: input.parameters ?? null,
  };
}

/**
 * receive-updates-via-mqtt for new Observations: after a commit, each is published in STA JSON (as a
 * GET of it would answer) on `v1.1/Observations`, `v1.1/Datastreams(id)/Observations` and
 * `v1.1/FeaturesOfInterest(id)/Observations`. QoS 0: a notification is a live update, not a record
 * (the record is in the database), and costs the broker no acknowledgement per subscriber. They are
 * sent one after another from a queue, so a large batch does not pile thousands of writes on the
 * client at once; a queue overflowing (broker gone) drops notifications, never observations.
 */
export function staNotifier(mqtt: PlatformMqtt, links: StaLinks, logger: FastifyBaseLogger) {
  const queue: { topic: string; payload: string }[] = [];
  let sending = false;
  let problems = 0;

  const complain = (message: string, detail: Record<string, unknown>) => {
    if (problems++ % LOG_EVERY === 0) logger.warn({ ...detail, count: problems }, message);
  };

  async function pump(): Promise<void> {
    sending = true;
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        await mqtt.publish(next.topic, next.payload, { qos: 0 });
      } catch (error) {
        complain('STA MQTT notification not sent', { err: error, topic: next.topic });
      }
    }
    sending = false;
  }

  return (stored: readonly StoredObservation[]): void => {
    for (const observation of stored) {
      const payload = JSON.stringify(
        presentEntity(links, entities.Observation, observationRow(observation), null),
      );
      for (const topic of observationTopics(
        observation.input.datastreamId,
        observation.featureOfInterestId,
      )) {
        if (queue.length >= MAX_QUEUED) complain('STA MQTT notifications dropped (queue full)', { topic });
        else queue.push({ topic, payload });
      }
    }
    if (!sending) void pump();
  };
}
