import { Counter, type Registry } from 'prom-client';

/** The counters an operator watches to see messages arrive and catch silent loss (FROST#936). */
export interface MqttMetrics {
  received(): void;
  malformed(): void;
  handlerFailed(): void;
}

/** Registers the MQTT counters on the app's Prometheus registry (or counts nowhere without one). */
export function createMqttMetrics(registry?: Registry): MqttMetrics {
  if (!registry) return { received() {}, malformed() {}, handlerFailed() {} };
  const received = new Counter({
    name: 'citydx_mqtt_messages_received_total',
    help: 'MQTT messages delivered to at least one platform handler',
    registers: [registry],
  });
  const malformed = new Counter({
    name: 'citydx_mqtt_messages_malformed_total',
    help: 'MQTT messages a handler could not use (acknowledged and dropped)',
    registers: [registry],
  });
  const failed = new Counter({
    name: 'citydx_mqtt_handler_failures_total',
    help: 'MQTT messages whose handler failed (not acknowledged, delivered again)',
    registers: [registry],
  });
  return {
    received: () => received.inc(),
    malformed: () => malformed.inc(),
    handlerFailed: () => failed.inc(),
  };
}
