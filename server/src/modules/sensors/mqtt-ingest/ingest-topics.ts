/**
 * The topics of the MQTT ingest: the SensorThings 1.1 MQTT extension (OGC 18-088 §14) under `v1.1/`,
 * and the plain JSON topic for simple devices (docs/mqtt.md).
 */

/** Everything under the STA version prefix: creates from devices, notifications from the platform. */
export const STA_TOPIC_ROOT = 'v1.1';
export const STA_ALL_FILTER = `${STA_TOPIC_ROOT}/#`;
/** The create topics alone (with an external broker the platform subscribes only these). */
export const STA_CREATE_FILTERS = [`${STA_TOPIC_ROOT}/Observations`, `${STA_TOPIC_ROOT}/+/Observations`];
/** `citydx/datastreams/{id}/observations`: `{"t": iso?, "v": value}` or a list of them. */
export const PLAIN_FILTER = 'citydx/datastreams/+/observations';

/** Where a create topic puts the new Observation: its Datastream or FeatureOfInterest, if the topic names one. */
export type CreateTarget =
  | { readonly datastreamId: number | null; readonly featureOfInterestId: number | null }
  | { readonly problem: string };

const ID = '(\\d{1,15})';
const DATASTREAM_OBSERVATIONS = new RegExp(`^${STA_TOPIC_ROOT}/Datastreams\\(${ID}\\)/Observations$`);
const FEATURE_OBSERVATIONS = new RegExp(`^${STA_TOPIC_ROOT}/FeaturesOfInterest\\(${ID}\\)/Observations$`);
const PLAIN = /^citydx\/datastreams\/(\d{1,15})\/observations$/;

/** Reads an STA create topic; any other `v1.1/…` topic is refused (only Observations are created over MQTT). */
export function createTargetOf(topic: string): CreateTarget {
  if (topic === `${STA_TOPIC_ROOT}/Observations`) return { datastreamId: null, featureOfInterestId: null };
  const datastream = DATASTREAM_OBSERVATIONS.exec(topic)?.[1];
  if (datastream) return { datastreamId: Number(datastream), featureOfInterestId: null };
  const feature = FEATURE_OBSERVATIONS.exec(topic)?.[1];
  if (feature) return { datastreamId: null, featureOfInterestId: Number(feature) };
  return {
    problem: `only Observations are created over MQTT: publish to ${STA_TOPIC_ROOT}/Datastreams(id)/Observations`,
  };
}

/** The datastream id of a plain JSON topic, or null. */
export function plainDatastreamOf(topic: string): number | null {
  const id = PLAIN.exec(topic)?.[1];
  return id ? Number(id) : null;
}

/**
 * The topics a new Observation is announced on (receive-updates-via-mqtt): the Observations set, and
 * the Observations of its Datastream and of its FeatureOfInterest.
 */
export function observationTopics(datastreamId: number, featureOfInterestId: number | null): string[] {
  const topics = [
    `${STA_TOPIC_ROOT}/Observations`,
    `${STA_TOPIC_ROOT}/Datastreams(${datastreamId})/Observations`,
  ];
  if (featureOfInterestId !== null)
    topics.push(`${STA_TOPIC_ROOT}/FeaturesOfInterest(${featureOfInterestId})/Observations`);
  return topics;
}
