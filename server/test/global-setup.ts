import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createModules } from '../src/app';
import { createPgliteDatabase, createPostgresDatabase } from '../src/platform/db/database';
import { migrate } from '../src/platform/db/migrator';
import { allMigrationSources } from '../src/app';
import { adminConnectionString, databaseUrlFor, testDatabaseEngine } from './test-database-engine';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
  }
}

const sources = allMigrationSources(createModules());

async function preparePglite(project: TestProject): Promise<() => Promise<void>> {
  const database = await createPgliteDatabase();
  await migrate(database.db, sources);
  const dump = await database.pglite.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `citydx-test-snapshot-${process.pid}.tar`);
  await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshot', file);
  project.provide('postgresTemplate', '');
  return () => fs.rm(file, { force: true });
}

async function preparePostgres(project: TestProject): Promise<() => Promise<void>> {
  const admin = createPostgresDatabase(adminConnectionString(), 1);
  const template = `citydx_test_template_${process.pid}`;
  const { sql } = await import('kysely');
  await sql.raw(`drop database if exists ${template}`).execute(admin.db);
  await sql.raw(`create database ${template}`).execute(admin.db);
  const templateDb = createPostgresDatabase(databaseUrlFor(template), 1);
  await migrate(templateDb.db, sources);
  await templateDb.close();
  project.provide('pgliteSnapshot', '');
  project.provide('postgresTemplate', template);
  return async () => {
    await sql.raw(`drop database if exists ${template}`).execute(admin.db);
    await admin.close();
  };
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  return testDatabaseEngine() === 'postgres' ? preparePostgres(project) : preparePglite(project);
}
