import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { LiveFeed } from './live-feed';
import { latestValuesSince, recentLiveEvents, type LatestValue } from './live.repo';

export interface LiveSourcesOptions {
  readonly pollMs: number;
  /** Rows written by transactions that committed up to this late are still seen. */
  readonly overlapMs: number;
  /** Most latest values in one coalesced event; the rest follow on the next tick. */
  readonly maxValuesPerTick: number;
  /** How far back the live_events tail looks (and how long an id is remembered). */
  readonly eventWindowSeconds: number;
}

export const defaultLiveSourcesOptions: LiveSourcesOptions = {
  // Five small reads a second while clients watch: what an operator sees lags the data by at most
  // ~0.2 s (the goal for the wall is 250 ms), not a whole second.
  pollMs: 200,
  overlapMs: 5000,
  maxValuesPerTick: 10_000,
  eventWindowSeconds: 60,
};

/**
 * What feeds the live stream from the database, so that every process sees every change whatever
 * process made it: every tick (200 ms) the datastreams whose latest value moved, coalesced
 * into one `observations` event, and the rows of sensors.live_events (outbox events copied there).
 * Runs only while this process has clients.
 */
export class LiveSources {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #since: Date | null = null;
  /** Last observation sent per datastream (the overlap re-reads rows; each is sent once). */
  readonly #sent = new Map<number, number>();
  /** live_events ids already sent, with when they were first seen. */
  readonly #seenEvents = new Map<number, number>();
  #primed = false;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly feed: LiveFeed,
    private readonly logger: FastifyBaseLogger | undefined,
    private readonly options: LiveSourcesOptions = defaultLiveSourcesOptions,
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#since = null;
    this.#primed = false;
    this.#sent.clear();
    this.#seenEvents.clear();
    this.#timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.#timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One poll (skipped while the previous one still runs). */
  tick(): Promise<void> {
    this.#running ??= this.#poll()
      .catch((error: unknown) => this.logger?.warn({ err: error }, 'live feed poll failed'))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async #poll(): Promise<void> {
    const { values, now } = await latestValuesSince(
      this.db,
      this.#since,
      this.options.overlapMs,
      this.options.maxValuesPerTick,
    );
    // The first poll only sets the starting point: clients get changes, not the whole table.
    if (this.#since !== null) this.#publishValues(values);
    this.#since = now;
    await this.#publishEvents();
  }

  #publishValues(values: readonly LatestValue[]): void {
    const fresh = values.filter((value) => this.#sent.get(value.datastreamId) !== value.observationId);
    for (const value of fresh) this.#sent.set(value.datastreamId, value.observationId);
    if (fresh.length > 0) this.feed.publish('observations', fresh);
  }

  async #publishEvents(): Promise<void> {
    const rows = await recentLiveEvents(this.db, this.options.eventWindowSeconds);
    const nowMs = Date.now();
    for (const row of rows) {
      if (this.#seenEvents.has(row.id)) continue;
      this.#seenEvents.set(row.id, nowMs);
      if (this.#primed) this.feed.publish(row.kind, row.payload);
    }
    this.#primed = true;
    const forgetBefore = nowMs - 2 * this.options.eventWindowSeconds * 1000;
    for (const [id, seenAt] of this.#seenEvents) if (seenAt < forgetBefore) this.#seenEvents.delete(id);
  }
}
