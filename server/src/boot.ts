import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp, migrateAll, type CitydxApp } from './app';
import { systemActor } from './platform/audit/audit';
import type { Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/database';
import { loadKernelDemo, loadReferenceData } from './platform/kernel-demo';

const DEMO_LOADED_KEY = 'demo.loaded_at';

export interface StartedPlatform {
  readonly citydx: CitydxApp;
  readonly database: Database;
  readonly url: string;
  readonly adminLogin: {
    readonly email: string;
    readonly passwordFile: string | null;
    readonly fromEnvironment: boolean;
  } | null;
  stop(): Promise<void>;
}

async function loadDemoOnce(citydx: CitydxApp): Promise<boolean> {
  const { db } = citydx.platform;
  const seen = await sql<{
    key: string;
  }>`select key from platform.settings where key = ${DEMO_LOADED_KEY}`.execute(db);
  if (seen.rows.length > 0) return false;
  await loadKernelDemo(citydx.platform);
  for (const module of citydx.modules) await module.loadDemo?.();
  await sql`insert into platform.settings (key, value) values (${DEMO_LOADED_KEY}, to_jsonb(now()))
    on conflict (key) do nothing`.execute(db);
  return true;
}

async function writePasswordFile(file: string, password: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  await fs.chmod(file, 0o600);
}

/** Opens the database, migrates, creates the first admin, loads demo data once, listens. */
export async function startPlatform(config: Config): Promise<StartedPlatform> {
  const database = await openDatabase(config.database);
  const citydx = await buildApp({ config, database });
  const log = citydx.app.log;
  const applied = await migrateAll(database, citydx.modules);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  await loadReferenceData(citydx.platform);
  const admin = await citydx.platform.users.ensureFirstAdmin(
    config.admin.email,
    config.admin.password,
    systemActor,
  );
  if (admin.password) await writePasswordFile(config.admin.passwordFile, admin.password);
  if (config.demoData && (await loadDemoOnce(citydx))) log.info('Da Nang demo data loaded');
  await citydx.startBackground();
  await citydx.app.listen({ port: config.port, host: config.host });
  const address = citydx.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  return {
    citydx,
    database,
    url,
    adminLogin: admin.created
      ? {
          email: config.admin.email,
          passwordFile: admin.password ? config.admin.passwordFile : null,
          fromEnvironment: !admin.password,
        }
      : null,
    async stop() {
      await citydx.close();
      await database.close();
    },
  };
}
