/**
 * Observations over MQTT inside the sensors module (not a module door: sensors/index.ts is).
 * @packageDocumentation
 */
export { mqttIngestPart, type MqttIngestPart, type MqttIngestPlatform } from './mqtt-ingest-part';
export { PLAIN_FILTER, STA_ALL_FILTER, STA_CREATE_FILTERS } from './ingest-topics';
