import type { PlatformMqtt } from '../../../platform/mqtt';
import { entities } from '../sta/entities';
import { presentEntity, type StaLinks } from '../sta/sta.presenter';
import { observationTopics } from './ingest-topics';
import type { StoredObservation } from './observation-batcher';

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
 * `v1.1/FeaturesOfInterest(id)/Observations`, as announcements (`PlatformMqtt.announce`): QoS 0, to
 * subscribers only. A notification is a live update, not a record (the record is in the database),
 * so it costs the broker no acknowledgement per subscriber and never passes the platform's own
 * handlers. One payload serves the three topics, and none is built when no client subscribes to any
 * of them (most observations are watched by nobody the moment they arrive): building them was a third
 * of the ingest's CPU. A broker with too many updates in hand (slow subscribers) refuses more, so
 * notifications may be dropped, never observations.
 */
export function staNotifier(mqtt: PlatformMqtt, links: StaLinks) {
  return (stored: readonly StoredObservation[]): void => {
    for (const observation of stored) {
      const topics = observationTopics(
        observation.input.datastreamId,
        observation.featureOfInterestId,
      ).filter((topic) => mqtt.hasSubscribers(topic));
      if (topics.length === 0) continue;
      const payload = Buffer.from(
        JSON.stringify(presentEntity(links, entities.Observation, observationRow(observation), null)),
      );
      for (const topic of topics) mqtt.announce(topic, payload);
    }
  };
}
