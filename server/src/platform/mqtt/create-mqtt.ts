import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config';
import { EmbeddedMqtt } from './embedded-mqtt';
import { ExternalMqtt } from './external-mqtt';
import type { PlatformMqtt } from './mqtt';
import { createMqttMetrics } from './mqtt-metrics';

/** The external client when MQTT_URL is set, the embedded broker otherwise. Not started yet. */
export function createMqtt(
  config: Config['mqtt'],
  host: string,
  logger: FastifyBaseLogger,
  registry?: Registry,
): PlatformMqtt {
  const metrics = createMqttMetrics(registry);
  if (config.url) {
    return new ExternalMqtt(
      { url: config.url, clientId: config.clientId, sharedGroup: config.sharedGroup },
      logger,
      metrics,
    );
  }
  return new EmbeddedMqtt(
    { host, ...(config.embeddedPort === 0 ? {} : { port: config.embeddedPort }) },
    logger,
    metrics,
  );
}
