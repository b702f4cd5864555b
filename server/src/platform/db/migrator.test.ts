import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from './database';
import { migrate } from './migrator';

describe('migrate', () => {
  let database: Database;
  let dir: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-migrations-'));
  });
  afterEach(async () => {
    await database.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('applies pending files in order, once, each in its own transaction', async () => {
    await fs.writeFile(
      path.join(dir, '202601010000_create.sql'),
      'create schema sample; create table sample.things (id int);',
    );
    await fs.writeFile(path.join(dir, '202601020000_fill.sql'), 'insert into sample.things values (1), (2);');
    expect(await migrate(database.db, [{ owner: 'sample', dir }])).toEqual([
      'sample/202601010000_create.sql',
      'sample/202601020000_fill.sql',
    ]);
    expect(await migrate(database.db, [{ owner: 'sample', dir }])).toEqual([]);
    const count = await sql<{ n: number }>`select count(*)::int as n from sample.things`.execute(database.db);
    expect(count.rows[0]?.n).toBe(2);
  });

  it('rolls back a failing migration entirely', async () => {
    await fs.writeFile(
      path.join(dir, '202601010000_broken.sql'),
      'create schema broken; create table broken.t (id int); select 1/0;',
    );
    await expect(migrate(database.db, [{ owner: 'broken', dir }])).rejects.toThrow();
    const schema = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_namespace where nspname = 'broken'`.execute(database.db);
    expect(schema.rows[0]?.n).toBe(0);
  });

  it('refuses to start when an applied migration was edited', async () => {
    const file = path.join(dir, '202601010000_create.sql');
    await fs.writeFile(file, 'create schema edited;');
    await migrate(database.db, [{ owner: 'edited', dir }]);
    await fs.writeFile(file, 'create schema edited; create table edited.t (id int);');
    await expect(migrate(database.db, [{ owner: 'edited', dir }])).rejects.toThrow(
      /was edited after it was applied/,
    );
  });

  it('refuses badly named files', async () => {
    await fs.writeFile(path.join(dir, 'create_things.sql'), 'select 1;');
    await expect(migrate(database.db, [{ owner: 'named', dir }])).rejects.toThrow(/YYYYMMDDHHMM_snake_case/);
  });
});
