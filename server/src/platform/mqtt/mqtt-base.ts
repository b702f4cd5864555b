import type { FastifyBaseLogger } from 'fastify';
import type { MqttClient } from 'mqtt';
import { HandlerTable } from './handler-table';
import type {
  MqttAuthenticator,
  MqttHandler,
  MqttMessage,
  MqttPublishOptions,
  MqttSubscribeOptions,
  PlatformMqtt,
} from './mqtt';
import type { MqttMetrics } from './mqtt-metrics';
import { isValidTopicName } from './topic-filter';

/** How long `start()` waits for the first connection before carrying on (the client keeps trying). */
export const FIRST_CONNECT_WAIT_MS = 10_000;

/** What the embedded and the external flavours share: the handler table, publish, malformed. */
export abstract class MqttBase implements PlatformMqtt {
  abstract readonly mode: 'embedded' | 'external';
  protected readonly handlers: HandlerTable;
  protected client: MqttClient | undefined;
  readonly #privateFilters = new Set<string>();
  protected readonly authenticators: MqttAuthenticator[] = [];

  constructor(
    protected readonly logger: FastifyBaseLogger,
    metrics: MqttMetrics,
  ) {
    this.handlers = new HandlerTable(logger, metrics);
  }

  abstract endpoint(): string | null;
  abstract start(): Promise<void>;
  abstract close(): Promise<void>;
  /** Tells the broker about a new filter (external) once connected; nothing to do when embedded. */
  protected abstract brokerSubscribe(filter: string): Promise<void>;
  protected abstract brokerUnsubscribe(filter: string): Promise<void>;

  async publish(topic: string, payload: string | Buffer, options: MqttPublishOptions = {}): Promise<void> {
    if (!isValidTopicName(topic)) throw new Error(`invalid MQTT topic "${topic}"`);
    if (!this.client) throw new Error('MQTT is not started');
    await this.client.publishAsync(topic, payload, {
      qos: options.qos ?? 1,
      retain: options.retain ?? false,
    });
  }

  async subscribe(
    topicFilter: string,
    handler: MqttHandler,
    options: MqttSubscribeOptions = {},
  ): Promise<() => Promise<void>> {
    const registration = this.handlers.add(topicFilter, handler);
    if (options.private) this.#privateFilters.add(topicFilter);
    await this.brokerSubscribe(topicFilter);
    return async () => {
      if (this.handlers.remove(registration)) await this.brokerUnsubscribe(topicFilter);
    };
  }

  authenticateWith(authenticator: MqttAuthenticator): void {
    this.authenticators.push(authenticator);
  }

  malformed(message: MqttMessage, reason: string): void {
    this.handlers.malformed(message, reason);
  }

  protected privateFilters(): string[] {
    return [...this.#privateFilters];
  }

  /** Resolves on the first CONNACK, or after the wait with a warning (reconnects go on meanwhile). */
  protected async firstConnect(client: MqttClient, what: string): Promise<void> {
    if (client.connected) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn({ broker: what }, 'MQTT broker not reachable yet; still trying');
        resolve();
      }, FIRST_CONNECT_WAIT_MS);
      client.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  protected async endClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync();
  }
}
