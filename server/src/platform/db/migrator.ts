import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database';

/** A folder of plain `.sql` migrations owned by the kernel or by one module. */
export interface MigrationSource {
  readonly owner: string;
  readonly dir: string;
}

interface MigrationFile {
  readonly owner: string;
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

const FILE_PATTERN = /^\d{12}_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same for every citydx process sharing the database.
const MIGRATION_LOCK_KEY = 4_202_611_22;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

async function readSource(source: MigrationSource): Promise<MigrationFile[]> {
  const names = (await fs.readdir(source.dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      if (!FILE_PATTERN.test(name)) {
        throw new MigrationError(
          `${source.owner}/${name}: migration files are named YYYYMMDDHHMM_snake_case.sql`,
        );
      }
      const text = await fs.readFile(path.join(source.dir, name), 'utf8');
      const checksum = crypto.createHash('sha256').update(text).digest('hex');
      return { owner: source.owner, name, checksum, sql: text };
    }),
  );
}

/**
 * Applies pending migrations in order (kernel first, then modules in the order given), each in its
 * own transaction, under an advisory lock so that several app processes starting together migrate
 * once. A migration that was applied and then edited stops the boot: migrations are append-only.
 */
export async function migrate(db: Db, sources: readonly MigrationSource[]): Promise<string[]> {
  const files = (await Promise.all(sources.map(readSource))).flat();
  const applied: string[] = [];
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      await sql`create table if not exists public.citydx_migrations (
        owner text not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (owner, name)
      )`.execute(connection);
      const done = await sql<{ owner: string; name: string; checksum: string }>`
        select owner, name, checksum from public.citydx_migrations`.execute(connection);
      const known = new Map(done.rows.map((row) => [`${row.owner}/${row.name}`, row.checksum]));
      for (const file of files) {
        const key = `${file.owner}/${file.name}`;
        const checksum = known.get(key);
        if (checksum !== undefined) {
          if (checksum !== file.checksum) {
            throw new MigrationError(`${key} was edited after it was applied; add a new migration instead`);
          }
          continue;
        }
        await connection.transaction().execute(async (trx) => {
          await sql.raw(file.sql).execute(trx);
          await sql`insert into public.citydx_migrations (owner, name, checksum)
            values (${file.owner}, ${file.name}, ${file.checksum})`.execute(trx);
        });
        applied.push(key);
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
  return applied;
}
