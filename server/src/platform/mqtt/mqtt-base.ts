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
import { isValidTopicName, TopicMemo, topicMatches } from './topic-filter';

/** How long `start()` waits for the first connection before carrying on (the client keeps trying). */
export const FIRST_CONNECT_WAIT_MS = 10_000;
/** Live updates being written at once before `announce` refuses more (about 25 MB of small JSON). */
export const MAX_ANNOUNCING = 50_000;
/** One log line per this many failed or refused announcements. */
const ANNOUNCE_LOG_EVERY = 1000;

/** What the embedded and the external flavours share: the handler table, publish, malformed. */
export abstract class MqttBase implements PlatformMqtt {
  abstract readonly mode: 'embedded' | 'external';
  protected readonly handlers: HandlerTable;
  protected client: MqttClient | undefined;
  readonly #privateFilters = new Set<string>();
  readonly #privateTopics = new TopicMemo<boolean>();
  #announcing = 0;
  #announceProblems = 0;
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

  announce(topic: string, payload: Buffer): boolean {
    if (!isValidTopicName(topic)) throw new Error(`invalid MQTT topic "${topic}"`);
    if (this.#announcing >= MAX_ANNOUNCING) {
      this.#announceProblem('MQTT live updates dropped: too many still being written', { topic });
      return false;
    }
    this.#announcing += 1;
    this.sendAnnouncement(topic, payload, (error) => {
      this.#announcing -= 1;
      if (error) this.#announceProblem('MQTT live update not sent', { err: error, topic });
    });
    return true;
  }

  hasSubscribers(_topic: string): boolean {
    return true;
  }

  /** Writes one announcement; calls `done` once it is written or has failed. */
  protected sendAnnouncement(topic: string, payload: Buffer, done: (error?: Error) => void): void {
    if (!this.client) return done(new Error('MQTT is not started'));
    this.client.publish(topic, payload, { qos: 0, retain: false }, (error) => done(error));
  }

  #announceProblem(message: string, detail: Record<string, unknown>): void {
    if (this.#announceProblems++ % ANNOUNCE_LOG_EVERY === 0)
      this.logger.warn({ ...detail, count: this.#announceProblems }, message);
  }

  async subscribe(
    topicFilter: string,
    handler: MqttHandler,
    options: MqttSubscribeOptions = {},
  ): Promise<() => Promise<void>> {
    const registration = this.handlers.add(topicFilter, handler);
    if (options.private) {
      this.#privateFilters.add(topicFilter);
      this.#privateTopics.clear();
    }
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

  /** True when `topic` falls under a filter subscribed with `{ private: true }` (remembered per topic). */
  protected isPrivateTopic(topic: string): boolean {
    return this.#privateTopics.answer(topic, (name) =>
      [...this.#privateFilters].some((filter) => topicMatches(filter, name)),
    );
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
