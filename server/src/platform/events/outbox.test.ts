import { CompiledQuery, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../db/database';
import { EventBus, type DeliveredEvent } from './outbox';

describe('EventBus (transactional outbox)', () => {
  let database: Database;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('keeps an event only when its transaction commits', async () => {
    const bus = new EventBus(database.db, logger, 1000);
    const seen: DeliveredEvent[] = [];
    bus.subscribe('test.committed', async (event) => void seen.push(event));
    await database.db
      .transaction()
      .execute((trx) => bus.publish(trx, { type: 'test.committed', payload: { n: 1 } }));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await bus.publish(trx, { type: 'test.committed', payload: { n: 2 } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await bus.dispatchPending();
    expect(seen.map((event) => event.payload)).toEqual([{ n: 1 }]);
  });

  it('delivers to prefix subscribers and retries a failing handler with back-off', async () => {
    const bus = new EventBus(database.db, logger, 1000);
    let attempts = 0;
    const all: string[] = [];
    bus.subscribe('retry.*', async (event) => void all.push(event.type));
    bus.subscribe('retry.flaky', async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('smtp down');
    });
    await bus.publish(database.db, { type: 'retry.flaky', payload: {} });
    expect(await bus.dispatchPending()).toBe(1);
    const failed = await sql<{ attempts: number; last_error: string; dispatched_at: Date | null }>`
      select attempts, last_error, dispatched_at from platform.outbox_events where type = 'retry.flaky'`.execute(
      database.db,
    );
    expect(failed.rows[0]).toMatchObject({ attempts: 1, last_error: 'smtp down', dispatched_at: null });
    await sql`update platform.outbox_events set available_at = now() where type = 'retry.flaky'`.execute(
      database.db,
    );
    await bus.dispatchPending();
    expect(attempts).toBe(2);
    const done = await sql<{
      dispatched_at: Date | null;
    }>`select dispatched_at from platform.outbox_events where type = 'retry.flaky'`.execute(database.db);
    expect(done.rows[0]?.dispatched_at).not.toBeNull();
    expect(all).toEqual(['retry.flaky', 'retry.flaky']);
  });

  it('lets a handler use the database (no claim transaction is held while handlers run)', async () => {
    const bus = new EventBus(database.db, logger, 1000);
    const counts: number[] = [];
    bus.subscribe('handler.queries', async () => {
      const result = await sql<{ n: number }>`
        select count(*)::int as n from platform.outbox_events where type = 'handler.queries'`.execute(
        database.db,
      );
      counts.push(result.rows[0]?.n ?? -1);
      await bus.publish(database.db, { type: 'handler.followup', payload: {} });
    });
    await bus.publish(database.db, { type: 'handler.queries', payload: {} });
    await bus.dispatchPending();
    expect(counts).toEqual([1]);
    const followups = await sql<{ n: number }>`
      select count(*)::int as n from platform.outbox_events where type = 'handler.followup'`.execute(
      database.db,
    );
    expect(followups.rows[0]?.n).toBe(1);
  });

  it('does not hand a claimed event to a second dispatcher while the first still runs it', async () => {
    const first = new EventBus(database.db, logger, 1000);
    const second = new EventBus(database.db, logger, 1000);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    first.subscribe('lease.slow', async () => {
      runs += 1;
      await gate;
    });
    second.subscribe('lease.slow', async () => void (runs += 1));
    await first.publish(database.db, { type: 'lease.slow', payload: {} });
    const running = first.dispatchPending();
    await expect.poll(() => runs).toBe(1);
    expect(await second.dispatchPending()).toBe(0);
    release();
    await running;
    expect(runs).toBe(1);
  });

  it('publishes many events in one statement, delivered in order', async () => {
    const bus = new EventBus(database.db, logger, 1000);
    const seen: unknown[] = [];
    bus.subscribe('many.*', async (event) => void seen.push(event.payload));
    await bus.publishMany(database.db, [
      { type: 'many.a', payload: { n: 1 } },
      { type: 'many.b', payload: { n: 2 } },
    ]);
    await bus.publishMany(database.db, []);
    await bus.dispatchPending();
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("composes its insert into the caller's single statement: committed with it, or not at all", async () => {
    const bus = new EventBus(database.db, logger, 1000);
    const seen: unknown[] = [];
    bus.subscribe('composed.*', async (event) => void seen.push(event.payload));
    const event = bus.composedInsert({
      type: '$1',
      payload: `json_build_object('n', changed.n, 'label', $2::text)`,
      from: 'changed',
    });
    const statement = (divisor: number) => `with changed as (select 42 / ${divisor} as n), event as (${event})
      select n from changed`;
    const ran = await database.db.executeQuery<{ n: number }>(
      CompiledQuery.raw(statement(1), ['composed.ok', 'first']),
    );
    expect(ran.rows).toEqual([{ n: 42 }]);
    bus.published();
    await expect(
      database.db.executeQuery(CompiledQuery.raw(statement(0), ['composed.failed', 'second'])),
    ).rejects.toThrow(/division by zero/);
    await bus.dispatchPending();
    expect(seen).toEqual([{ n: 42, label: 'first' }]);
  });

  it('the background loop delivers soon after publish', async () => {
    const bus = new EventBus(database.db, logger, 60_000);
    const delivered = new Promise<DeliveredEvent>((resolve) =>
      bus.subscribe('loop.tick', async (event) => resolve(event)),
    );
    bus.start();
    await bus.publish(database.db, { type: 'loop.tick', payload: { at: 'now' } });
    expect((await delivered).payload).toEqual({ at: 'now' });
    await bus.stop();
  });
});
