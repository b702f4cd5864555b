import type { FastifyBaseLogger } from 'fastify';
import type { PendingHeartbeat } from './heartbeats.repo';

/** What became of a heartbeat: written, refused (wrong token or no such device), or not written. */
export type HeartbeatOutcome = 'accepted' | 'rejected' | 'unavailable';

interface Pending extends PendingHeartbeat {
  readonly waiters: ((outcome: HeartbeatOutcome) => void)[];
}

export interface HeartbeatBufferOptions {
  /** Writes a batch; returns the device ids whose token matched. */
  readonly write: (beats: readonly PendingHeartbeat[]) => Promise<Set<string>>;
  readonly flushEveryMs: number;
  /** A batch this large is written at once, without waiting for the timer. */
  readonly maxBatch: number;
  readonly logger: FastifyBaseLogger;
  readonly now?: () => Date;
}

/**
 * Heartbeats wait here up to `flushEveryMs` and are written in one statement per batch: 36,500 cameras
 * beating every 30 s are about 1,200 updates a second, one UPDATE a second instead of 1,200. A device
 * beating twice in one batch costs one row update. A crash loses at most one batch of `last_seen_at`
 * moves, which the devices' next heartbeats repair; no correctness depends on this memory.
 */
export class HeartbeatBuffer {
  #pending = new Map<string, Pending>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  readonly #now: () => Date;

  constructor(private readonly options: HeartbeatBufferOptions) {
    this.#now = options.now ?? (() => new Date());
  }

  /** Queues a heartbeat; the promise says, once the batch is written, what became of it. */
  add(deviceId: string, tokenHash: string): Promise<HeartbeatOutcome> {
    const key = `${deviceId}:${tokenHash}`;
    const seenAt = this.#now();
    const previous = this.#pending.get(key);
    const waiters = previous?.waiters ?? [];
    const outcome = new Promise<HeartbeatOutcome>((resolve) => waiters.push(resolve));
    this.#pending.set(key, { deviceId, tokenHash, seenAt, waiters });
    if (this.#pending.size >= this.options.maxBatch) void this.flush();
    else this.#schedule();
    return outcome;
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Writes what is pending now (the timer, a full batch, shutdown and tests call it). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // One write at a time: batches stay in order and PGlite's one connection is not crowded.
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    let accepted: Set<string> | undefined;
    try {
      accepted = await this.options.write(batch);
    } catch (error) {
      this.options.logger.error({ err: error, heartbeats: batch.length }, 'heartbeat batch not written');
    }
    for (const beat of batch) {
      const outcome = !accepted ? 'unavailable' : accepted.has(beat.deviceId) ? 'accepted' : 'rejected';
      for (const resolve of beat.waiters) resolve(outcome);
    }
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => void this.flush(), this.options.flushEveryMs);
    // A pending flush must not keep a finished process (or test) alive.
    this.#timer.unref();
  }
}
