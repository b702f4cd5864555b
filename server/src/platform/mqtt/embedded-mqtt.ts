import type { FastifyBaseLogger } from 'fastify';
import { MqttClient } from 'mqtt';
import { EmbeddedBroker } from './embedded-broker';
import { MqttBase } from './mqtt-base';
import type { MqttMetrics } from './mqtt-metrics';

export interface EmbeddedMqttOptions {
  /** TCP port for devices; 0 = any free port (tests); undefined = in-process only. */
  readonly port?: number;
  readonly host: string;
}

/**
 * The default: this process runs the broker (aedes). Handlers run inside the broker before it
 * acknowledges (see EmbeddedBroker); the platform publishes through its own client on an in-process
 * connection, so its messages pass the same handlers as a device's.
 */
export class EmbeddedMqtt extends MqttBase {
  readonly mode = 'embedded';
  #broker: EmbeddedBroker | undefined;

  constructor(
    private readonly options: EmbeddedMqttOptions,
    logger: FastifyBaseLogger,
    metrics: MqttMetrics,
  ) {
    super(logger, metrics);
  }

  endpoint(): string | null {
    const address = this.#broker?.address();
    if (!address) return null;
    const host = address.host === '0.0.0.0' || address.host === '::' ? 'localhost' : address.host;
    return `mqtt://${host}:${address.port}`;
  }

  async start(): Promise<void> {
    if (this.#broker) return;
    const broker = await EmbeddedBroker.start({
      ...this.options,
      handlers: this.handlers,
      isPrivate: (topic) => this.isPrivateTopic(topic),
      authenticators: this.authenticators,
      logger: this.logger,
    });
    this.#broker = broker;
    this.client = new MqttClient(() => broker.connectInProcess(), {
      clientId: `citydx-platform-${broker.aedes.id.slice(0, 8)}`,
      protocolVersion: 4,
      reconnectPeriod: 1000,
    });
    this.client.on('error', (error) => this.logger.warn({ err: error }, 'embedded MQTT client error'));
    await this.firstConnect(this.client, 'embedded');
    this.logger.info({ endpoint: this.endpoint() ?? 'in-process only' }, 'embedded MQTT broker started');
  }

  async close(): Promise<void> {
    await this.endClient();
    const broker = this.#broker;
    this.#broker = undefined;
    if (broker) await broker.close();
  }

  override hasSubscribers(topic: string): boolean {
    return this.#broker?.hasSubscribers(topic) ?? false;
  }

  protected override sendAnnouncement(topic: string, payload: Buffer, done: (error?: Error) => void): void {
    if (!this.#broker) return done(new Error('MQTT is not started'));
    this.#broker.announce(topic, payload, done);
  }

  // The handlers are called by the broker itself; no subscription is needed.
  protected async brokerSubscribe(): Promise<void> {}
  protected async brokerUnsubscribe(): Promise<void> {}
}
