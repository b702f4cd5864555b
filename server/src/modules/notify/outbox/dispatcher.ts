import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database';
import { DeliveryError, type ChannelAdapter } from '../channels/channel';
import type { DeliveryOptions } from '../notify.options';
import type { ChannelName } from '../notify.types';
import type { PreferencesRepo } from '../preferences/preferences.repo';
import { REPLY_TOPIC } from '../templates/notify.templates';
import { DeliveryRepo, type ClaimedMessage, type Outcome } from './delivery.repo';

export interface DispatcherDeps {
  readonly db: Db;
  readonly preferences: PreferencesRepo;
  readonly channels: Readonly<Record<ChannelName, ChannelAdapter>>;
  readonly logger: FastifyBaseLogger;
  readonly options: DeliveryOptions;
}

/** Exponential back-off: base, 2×base, 4×base … capped. */
export function retryDelaySeconds(attempts: number, options: DeliveryOptions): number {
  return Math.min(options.retryMaxSeconds, options.retryBaseSeconds * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox: claims due messages (queued and due, or claimed by a process whose lease
 * expired), checks the recipient's preferences once more, calls the channel's provider and records the
 * outcome. Safe to run in several processes at once; a message is delivered at least once.
 */
export class DeliveryDispatcher {
  readonly #repo: DeliveryRepo;

  constructor(private readonly deps: DispatcherDeps) {
    this.#repo = new DeliveryRepo(deps.db);
  }

  /**
   * Delivers what is due now, batch after batch, for at most `budgetMs` (the scheduler runs a process's
   * jobs one after another, so one run stays short); returns how many messages were handled.
   */
  async deliverDue(budgetMs = 20_000): Promise<number> {
    const deadline = Date.now() + budgetMs;
    let handled = 0;
    while (Date.now() < deadline) {
      const batch = await this.claim();
      if (batch.length === 0) break;
      await Promise.all(batch.map((message) => this.deliverClaimed(message)));
      handled += batch.length;
    }
    return handled;
  }

  /** Claims up to one batch of due messages for this process. */
  claim(): Promise<ClaimedMessage[]> {
    const { batchSize, leaseSeconds } = this.deps.options;
    return this.#repo.claim(batchSize, leaseSeconds, (channel) => this.deps.channels[channel].provider);
  }

  /** Delivers one claimed message and records the outcome; never throws. */
  async deliverClaimed(message: ClaimedMessage): Promise<void> {
    try {
      const outcome = await this.#attempt(message);
      if (outcome && !(await this.#repo.finish(message, outcome))) {
        this.deps.logger.warn(
          { messageId: message.id },
          'notify: lease lost before the outcome was recorded',
        );
      }
    } catch (error) {
      this.deps.logger.error({ err: error, messageId: message.id }, 'notify: recording a delivery failed');
    }
  }

  async #attempt(message: ClaimedMessage): Promise<Outcome | undefined> {
    const adapter = this.deps.channels[message.channel];
    const { maxAttempts } = this.deps.options;
    if (message.attempts > maxAttempts) {
      const error = 'gave up: the process delivering the last attempt stopped before it finished';
      return { outcome: 'failed', provider: adapter.provider, error };
    }
    if (await this.#optedOut(message)) {
      return { outcome: 'suppressed', provider: adapter.provider, error: 'recipient opted out' };
    }
    // Another process may have taken the message over while this one was slow to get here.
    if (!(await this.#repo.stillClaimed(message))) return undefined;
    try {
      const receipt = await adapter.deliver({ ...message, messageId: message.id });
      return { outcome: 'sent', provider: adapter.provider, providerMessageId: receipt.providerMessageId };
    } catch (error) {
      return this.#failure(message, adapter.provider, error);
    }
  }

  #failure(message: ClaimedMessage, provider: string, error: unknown): Outcome {
    const permanent = error instanceof DeliveryError && error.permanent;
    const text = error instanceof Error ? error.message : String(error);
    if (!(error instanceof DeliveryError)) {
      this.deps.logger.error({ err: error, messageId: message.id }, 'notify: channel adapter threw');
    }
    if (permanent || message.attempts >= this.deps.options.maxAttempts) {
      return { outcome: 'failed', provider, error: text };
    }
    const retryInSeconds = retryDelaySeconds(message.attempts, this.deps.options);
    return { outcome: 'retry', provider, error: text, retryInSeconds };
  }

  // Replies to a message the citizen just sent are answers, not notifications: opt-outs do not apply.
  #optedOut(message: ClaimedMessage): Promise<boolean> {
    if (message.topic === REPLY_TOPIC) return Promise.resolve(false);
    return this.deps.preferences.isOptedOut(this.deps.db, message.channel, message.address, message.topic);
  }
}
