import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from './database';

describe('Database.prepared (a hot statement, autocommit)', () => {
  let database: Database;
  const insert = 'insert into prepared_test (label, n) values ($1, $2) returning id, label, n';

  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table prepared_test (id bigint generated always as identity primary key,
      label text not null, n bigint not null)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('runs the same named text many times, on every pooled connection, with the shared type parsers', async () => {
    const rows = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.prepared<{ id: number; label: string; n: number }>(insert, [`row ${i}`, 2 ** 40 + i]),
      ),
    );
    expect(rows.map((r) => r[0]?.n)).toEqual(Array.from({ length: 12 }, (_, i) => 2 ** 40 + i));
    const count = await sql<{ n: number }>`select count(*) as n from prepared_test`.execute(database.db);
    expect(count.rows[0]?.n).toBe(12);
  });

  it('commits on its own and reports a failed statement without leaving anything behind', async () => {
    await expect(database.prepared(insert, [null, 1])).rejects.toThrow(/null value/);
    const after = await database.prepared<{ n: number }>(insert, ['after a failure', 7]);
    expect(after).toEqual([expect.objectContaining({ label: 'after a failure', n: 7 })]);
    const nulls = await sql<{ n: number }>`
      select count(*) as n from prepared_test where label is null`.execute(database.db);
    expect(nulls.rows[0]?.n).toBe(0);
  });
});
