import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../db/database';
import { JobScheduler } from './scheduler';

describe('JobScheduler', () => {
  let database: Database;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('runs a due job once, records the outcome and schedules the next run', async () => {
    const scheduler = new JobScheduler(database.db, logger);
    let runs = 0;
    scheduler.register({ name: 'test.count', intervalSeconds: 3600, run: async () => void (runs += 1) });
    await scheduler.sync();
    expect(await scheduler.runDue()).toEqual(['test.count']);
    expect(await scheduler.runDue()).toEqual([]);
    expect(runs).toBe(1);
    const [status] = await scheduler.list();
    expect(status).toMatchObject({
      name: 'test.count',
      lastStatus: 'succeeded',
      runCount: 1,
      failureCount: 0,
    });
    expect(new Date(status?.nextRunAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('records a failure with its message', async () => {
    const scheduler = new JobScheduler(database.db, logger);
    scheduler.register({
      name: 'test.fail',
      intervalSeconds: 60,
      run: async () => Promise.reject(new Error('upstream 502')),
    });
    await scheduler.sync();
    const status = await scheduler.runNow('test.fail');
    expect(status).toMatchObject({ lastStatus: 'failed', lastError: 'upstream 502', failureCount: 1 });
  });

  it('two schedulers (two processes) never run the same due job twice', async () => {
    let runs = 0;
    const make = () => {
      const scheduler = new JobScheduler(database.db, logger);
      scheduler.register({ name: 'test.shared', intervalSeconds: 3600, run: async () => void (runs += 1) });
      return scheduler;
    };
    const [a, b] = [make(), make()];
    await a.sync();
    await sql`update platform.jobs set next_run_at = now() - interval '1 minute' where name = 'test.shared'`.execute(
      database.db,
    );
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
  });
});
