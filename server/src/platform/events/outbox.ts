import { sql, type Generated, type Kysely, type Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database';

/** A fact one module announces to the others, e.g. `feedback.report.resolved`. */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly type: string;
  readonly payload: P;
}

export interface DeliveredEvent extends DomainEvent {
  readonly id: number;
  readonly occurredAt: Date;
}

export type EventHandler = (event: DeliveredEvent) => Promise<void>;

type OutboxTables = {
  'platform.outbox_events': {
    id: Generated<number>;
    type: string;
    payload: unknown;
    occurred_at: Generated<Date>;
    available_at: Generated<Date>;
    attempts: Generated<number>;
    last_error: string | null;
    dispatched_at: Date | null;
  };
};

const MAX_BACKOFF_SECONDS = 3600;
/** How long a claimed event stays invisible to other dispatchers while its handlers run. */
const CLAIM_LEASE_SECONDS = 300;

/**
 * Transactional outbox. `publish` takes the caller's transaction, so an event exists exactly when the
 * change that caused it committed. The dispatcher delivers each event to every subscriber at least
 * once (handlers must be idempotent), claiming rows with FOR UPDATE SKIP LOCKED so that several app
 * processes share the work without delivering an event twice at the same time.
 */
export class EventBus {
  readonly #handlers = new Map<string, EventHandler[]>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;

  constructor(
    private readonly db: Db,
    private readonly logger: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  async publish(executor: Kysely<unknown> | Transaction<unknown>, event: DomainEvent): Promise<void> {
    await executor
      .withTables<OutboxTables>()
      .insertInto('platform.outbox_events')
      .values({ type: event.type, payload: JSON.stringify(event.payload) })
      .execute();
    this.#wake();
  }

  /** Publishes several events in one statement (a mass state change: thousands of devices going offline). */
  async publishMany(
    executor: Kysely<unknown> | Transaction<unknown>,
    events: readonly DomainEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    await executor
      .withTables<OutboxTables>()
      .insertInto('platform.outbox_events')
      .values(events.map((event) => ({ type: event.type, payload: JSON.stringify(event.payload) })))
      .execute();
    this.#wake();
  }

  /**
   * The outbox insert as SQL text, for a module that writes its change and its event in ONE statement
   * of its own (`with changed as (insert … returning …), event as (<this>) select …`): run in
   * autocommit, that statement needs no begin/commit round trips and still commits the change and its
   * event together. `type` and `payload` are SQL expressions of the caller's statement (a parameter
   * such as `$3`, or built from a CTE named in `from`); `payload` must yield a JSON object. Once the
   * statement has run, call `published()` so the dispatcher looks at once.
   */
  composedInsert(parts: { readonly type: string; readonly payload: string; readonly from?: string }): string {
    const from = parts.from ? ` from ${parts.from}` : '';
    return `insert into platform.outbox_events (type, payload) select ${parts.type}, (${parts.payload})::jsonb${from}`;
  }

  /** Tells the dispatcher that a statement holding `composedInsert` has committed. */
  published(): void {
    this.#wake();
  }

  /** Subscribes to an exact type, or to a prefix with a trailing `*` (`feedback.*`). */
  subscribe(type: string, handler: EventHandler): void {
    this.#handlers.set(type, [...(this.#handlers.get(type) ?? []), handler]);
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Delivers every event that is due now; returns how many were handled. Used by the loop and by tests. */
  async dispatchPending(batchSize = 100): Promise<number> {
    let delivered = 0;
    for (;;) {
      const handled = await this.#dispatchBatch(batchSize);
      delivered += handled;
      if (handled < batchSize) return delivered;
    }
  }

  #handlersFor(type: string): EventHandler[] {
    const matching: EventHandler[] = [];
    for (const [pattern, handlers] of this.#handlers) {
      const matches = pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
      if (matches) matching.push(...handlers);
    }
    return matching;
  }

  /**
   * Claims a batch with a lease in one statement, then runs handlers outside any transaction: a handler
   * may use the database freely (on PGlite's single connection a handler query inside our claim
   * transaction would wait forever). A crash mid-batch leaves the lease to expire, so the event is
   * delivered again later — at least once, as promised.
   */
  async #dispatchBatch(batchSize: number): Promise<number> {
    const claimed = await sql<{
      id: number;
      type: string;
      payload: unknown;
      occurred_at: Date;
      attempts: number;
    }>`
      update platform.outbox_events set available_at = now() + make_interval(secs => ${CLAIM_LEASE_SECONDS})
      where id in (
        select id from platform.outbox_events
        where dispatched_at is null and available_at <= now()
        order by id limit ${batchSize}
        for update skip locked)
      returning id, type, payload, occurred_at, attempts`.execute(this.db);
    const events = [...claimed.rows].sort((a, b) => a.id - b.id);
    for (const row of events) {
      const event: DeliveredEvent = {
        id: row.id,
        type: row.type,
        payload: row.payload as Record<string, unknown>,
        occurredAt: row.occurred_at,
      };
      try {
        for (const handler of this.#handlersFor(row.type)) await handler(event);
        await this.#outbox()
          .set({ dispatched_at: sql<Date>`now()`, attempts: row.attempts + 1, last_error: null })
          .where('id', '=', row.id)
          .execute();
      } catch (error) {
        const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** row.attempts);
        this.logger.warn({ err: error, eventId: row.id, type: row.type }, 'event handler failed; will retry');
        await this.#outbox()
          .set({
            attempts: row.attempts + 1,
            last_error: String((error as Error).message ?? error).slice(0, 2000),
            available_at: sql<Date>`now() + make_interval(secs => ${backoff})`,
          })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return events.length;
  }

  #outbox() {
    return this.db.withTables<OutboxTables>().updateTable('platform.outbox_events');
  }

  #wake(): void {
    if (!this.#stopped && !this.#running) this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#running = this.dispatchPending()
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox dispatch failed'))
        .finally(() => {
          this.#running = undefined;
          if (!this.#stopped) this.#schedule(this.pollMs);
        });
    }, delayMs);
    this.#timer.unref();
  }
}
