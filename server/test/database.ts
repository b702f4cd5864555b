import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createPgliteDatabase, createPostgresDatabase, type Database } from '../src/platform/db/database';
import { adminConnectionString, databaseUrlFor, testDatabaseEngine } from './test-database-engine';

/**
 * A migrated, empty database for one test file: PGlite in memory started from the global snapshot, or
 * a fresh PostgreSQL database cloned from the migrated template. `close()` also drops the clone.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseEngine() === 'pglite') {
    const snapshot = await fs.readFile(inject('pgliteSnapshot'));
    return createPgliteDatabase({ loadDataDir: new Blob([snapshot]) });
  }
  const name = `citydx_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = createPostgresDatabase(adminConnectionString(), 1);
  await sql.raw(`create database ${name} template ${inject('postgresTemplate')}`).execute(admin.db);
  const database = createPostgresDatabase(databaseUrlFor(name), 4);
  return {
    ...database,
    async close() {
      await database.close();
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}
