import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/database';
import type { Database } from '../../../platform/db/database';
import { UsageCounter } from './usage.repo';

describe('UsageCounter', () => {
  let database: Database;
  let statements = 0;
  // Counts the statements the counter sends, to see calls made together go out as one write.
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      statements += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('commits every call, those made while a write runs together in the next write', async () => {
    const usage = new UsageCounter(database.db.withPlugin(counting));
    await Promise.all([
      ...Array.from({ length: 25 }, () => usage.count('api_call')),
      usage.count('download', 'resource-1'),
      usage.count('download', 'resource-1'),
      usage.count('download', 'resource-2'),
    ]);
    expect(statements).toBe(1);
    await usage.count('api_call');
    expect(statements).toBe(2);
    expect(await new UsageCounter(database.db).totals()).toEqual({ api_call: 26, download: 3 });
    const today = await new UsageCounter(database.db).daily(1);
    expect(today.map((day) => [day.apiCalls, day.downloads])).toEqual([[26, 3]]);
  });
});
