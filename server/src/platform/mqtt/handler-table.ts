import type { FastifyBaseLogger } from 'fastify';
import type { MqttHandler, MqttMessage } from './mqtt';
import type { MqttMetrics } from './mqtt-metrics';
import { isValidTopicFilter, TopicMemo, topicMatches } from './topic-filter';

interface Registration {
  readonly filter: string;
  readonly handler: MqttHandler;
}

const MALFORMED_LOG_EVERY_MS = 10_000;

/**
 * The platform's subscriptions and their dispatch, shared by the embedded broker and the external
 * client: both call `dispatch` before they acknowledge a message, and acknowledge only if it resolves.
 */
export class HandlerTable {
  #registrations: Registration[] = [];
  readonly #matching = new TopicMemo<readonly Registration[]>();
  #malformedSinceLog = 0;
  #lastMalformedLog = 0;

  constructor(
    private readonly logger: FastifyBaseLogger,
    private readonly metrics: MqttMetrics,
  ) {}

  add(filter: string, handler: MqttHandler): Registration {
    if (!isValidTopicFilter(filter)) throw new Error(`invalid MQTT topic filter "${filter}"`);
    const registration = { filter, handler };
    this.#registrations = [...this.#registrations, registration];
    this.#matching.clear();
    return registration;
  }

  /** Removes the registration; true when no other handler still uses its filter. */
  remove(registration: Registration): boolean {
    this.#registrations = this.#registrations.filter((entry) => entry !== registration);
    this.#matching.clear();
    return !this.#registrations.some((entry) => entry.filter === registration.filter);
  }

  filters(): string[] {
    return [...new Set(this.#registrations.map((entry) => entry.filter))];
  }

  /** Runs every matching handler; rejects when one failed (the message must not be acknowledged). */
  async dispatch(message: MqttMessage): Promise<void> {
    const matching = this.#matching.answer(message.topic, (topic) =>
      this.#registrations.filter((entry) => topicMatches(entry.filter, topic)),
    );
    if (matching.length === 0) return;
    this.metrics.received();
    // One handler is the usual case (every message of a busy ingest): no settling of a list for it.
    const [only] = matching;
    if (matching.length === 1 && only) {
      try {
        await only.handler(message);
      } catch (error) {
        this.#failed(message, error);
      }
      return;
    }
    const outcomes = await Promise.allSettled(matching.map((entry) => entry.handler(message)));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) this.#failed(message, failure.reason);
  }

  #failed(message: MqttMessage, reason: unknown): never {
    this.metrics.handlerFailed();
    this.logger.warn({ err: reason, topic: message.topic }, 'MQTT handler failed; not acknowledged');
    throw reason;
  }

  /** A flood of bad payloads must not flood the log: one line per interval with the count. */
  malformed(message: MqttMessage, reason: string): void {
    this.metrics.malformed();
    this.#malformedSinceLog += 1;
    const now = Date.now();
    if (now - this.#lastMalformedLog < MALFORMED_LOG_EVERY_MS) return;
    this.logger.warn(
      { topic: message.topic, reason, count: this.#malformedSinceLog, bytes: message.payload.length },
      'malformed MQTT payload dropped',
    );
    this.#lastMalformedLog = now;
    this.#malformedSinceLog = 0;
  }
}
