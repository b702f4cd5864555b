import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type CitydxApp } from '../src/app';
import { systemActor } from '../src/platform/audit/audit';
import { Principal } from '../src/platform/auth/principal';
import type { RoleGrant } from '../src/platform/auth/roles';
import { loadConfig } from '../src/platform/config';
import type { Database } from '../src/platform/db/database';
import { createTestDatabase } from './database';

export interface TestApp {
  readonly citydx: CitydxApp;
  readonly database: Database;
  close(): Promise<void>;
}

/** The real app on a migrated test database, with background work off (tests drive it explicitly). */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    ...env,
  });
  const database = await createTestDatabase();
  const citydx = await buildApp({ config, database, logger: false });
  return {
    citydx,
    database,
    async close() {
      await citydx.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

const systemPrincipal = new Principal(
  '00000000-0000-0000-0000-000000000000',
  'system',
  'system',
  [{ role: 'system_admin', agencyId: null }],
  'token',
  null,
);

let userSequence = 0;

/** Creates a staff account with the given roles and returns an API token for it. */
export async function createUserWithToken(
  citydx: CitydxApp,
  grants: readonly RoleGrant[],
  password = 'correct horse battery staple',
): Promise<{ userId: string; email: string; password: string; token: string }> {
  userSequence += 1;
  const email = `user${userSequence}.${Date.now()}@test.citydx`;
  const { user } = await citydx.platform.users.create(
    systemPrincipal,
    { email, displayName: `Người dùng ${userSequence}`, locale: 'vi', password, grants },
    systemActor,
  );
  const principal = new Principal(user.id, email, user.displayName, grants, 'token', null);
  const { token } = await citydx.platform.auth.createToken(principal, 'test', null, systemActor);
  return { userId: user.id, email, password, token };
}

/** Parses a JSON response body (fails the test readably when it is not JSON). */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}
