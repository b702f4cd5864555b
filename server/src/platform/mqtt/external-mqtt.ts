import type { FastifyBaseLogger } from 'fastify';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { MqttBase } from './mqtt-base';
import type { MqttMetrics } from './mqtt-metrics';

export interface ExternalMqttOptions {
  readonly url: string;
  /** Stable across restarts: the broker keeps this client's session (and its QoS 1 queue). */
  readonly clientId: string;
  /** Shared-subscription group, so several app processes split the messages; '' = none. */
  readonly sharedGroup: string;
}

/**
 * A client of an external broker (MQTT_URL: Mosquitto, EMQX, …) with manual acknowledgement.
 *
 * mqtt.js sends our PUBACK only when `handleMessage`'s callback is called without error, so we call
 * it after the handlers resolved. Messages are taken one at a time per process (mqtt.js pauses
 * reading meanwhile: backpressure). If a handler fails we withhold the PUBACK and drop the connection;
 * the session is persistent (clean: false), so the broker delivers the message again after we
 * reconnect. The device's own PUBACK comes from the broker when *it* has the message: with an external
 * broker the chain is device → broker (broker's guarantee) → us (ack after commit).
 */
export class ExternalMqtt extends MqttBase {
  readonly mode = 'external';

  constructor(
    private readonly options: ExternalMqttOptions,
    logger: FastifyBaseLogger,
    metrics: MqttMetrics,
  ) {
    super(logger, metrics);
  }

  endpoint(): string | null {
    const url = new URL(this.options.url);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  }

  async start(): Promise<void> {
    if (this.client) return;
    const client = mqtt.connect(this.options.url, {
      clientId: this.options.clientId,
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      // We subscribe ourselves on every CONNACK (below), whether or not the session survived.
      resubscribe: false,
    });
    client.handleMessage = (packet, done) => this.#handle(client, packet, done);
    client.on('connect', () => void this.#subscribeAll(client));
    client.on('error', (error) => this.logger.warn({ err: error }, 'MQTT client error'));
    this.client = client;
    await this.firstConnect(client, this.endpoint() ?? '');
  }

  async close(): Promise<void> {
    await this.endClient();
  }

  protected async brokerSubscribe(filter: string): Promise<void> {
    if (this.client?.connected) await this.client.subscribeAsync(this.#shared(filter), { qos: 1 });
  }

  protected async brokerUnsubscribe(filter: string): Promise<void> {
    if (this.client?.connected) await this.client.unsubscribeAsync(this.#shared(filter));
  }

  #handle(client: MqttClient, packet: IPublishPacket, done: (error?: Error) => void): void {
    // A retained message replayed on SUBSCRIBE is old news; handlers see live messages only (as with
    // the embedded broker).
    if (packet.retain) return done();
    const message = {
      topic: packet.topic,
      payload: Buffer.from(packet.payload),
      qos: packet.qos,
    };
    this.handlers.dispatch(message).then(
      () => done(),
      (error: unknown) => {
        done(error instanceof Error ? error : new Error(String(error)));
        // No PUBACK was sent; reconnecting makes the broker deliver the message again.
        client.stream.destroy();
      },
    );
  }

  async #subscribeAll(client: MqttClient): Promise<void> {
    const filters = this.handlers.filters();
    if (filters.length === 0) return;
    try {
      await client.subscribeAsync(
        Object.fromEntries(filters.map((filter) => [this.#shared(filter), { qos: 1 as const }])),
      );
    } catch (error) {
      this.logger.error({ err: error, filters }, 'MQTT subscribe failed');
    }
  }

  #shared(filter: string): string {
    return this.options.sharedGroup ? `$share/${this.options.sharedGroup}/${filter}` : filter;
  }
}
