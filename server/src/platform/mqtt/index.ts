/**
 * The kernel's MQTT: an embedded broker (aedes) by default, or a client of MQTT_URL. Modules receive a
 * `PlatformMqtt` in their services; see docs/mqtt.md for topics and the delivery guarantee.
 */
export { createMqtt } from './create-mqtt';
export { EmbeddedMqtt } from './embedded-mqtt';
export { ExternalMqtt } from './external-mqtt';
export { createMqttMetrics } from './mqtt-metrics';
export type { MqttMetrics } from './mqtt-metrics';
export type {
  MqttAuthenticator,
  MqttCredentials,
  MqttHandler,
  MqttMessage,
  MqttPublishOptions,
  MqttSender,
  MqttSubscribeOptions,
  PlatformMqtt,
} from './mqtt';
export { isValidTopicFilter, isValidTopicName, topicMatches } from './topic-filter';
