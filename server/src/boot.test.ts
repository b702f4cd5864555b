import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from './boot';
import { loadConfig } from './platform/config';

// The start command end to end on an embedded data folder: first start and a restart.
describe('startPlatform (embedded PGlite under DATA_DIR)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-boot-'));
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  const config = () =>
    loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: 'false',
    });

  it('creates the first administrator with a 0600 password file, loads the demo once, and keeps data across a restart', async () => {
    const first = await startPlatform(config());
    let agencyCount: number;
    try {
      expect(first.adminLogin?.email).toBe('admin@citydx.local');
      const passwordFile = path.join(dataDir, 'admin-password.txt');
      expect((await fs.stat(passwordFile)).mode & 0o777).toBe(0o600);
      const password = (await fs.readFile(passwordFile, 'utf8')).trim();
      const login = await fetch(`${first.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@citydx.local', password }),
      });
      expect(login.status).toBe(200);
      const summary = (await (await fetch(`${first.url}/api/v1/platform/summary`)).json()) as {
        services: { key: string; count: number }[];
      };
      agencyCount = summary.services.find((s) => s.key === 'agencies')?.count ?? 0;
      expect(agencyCount).toBeGreaterThan(50);
      const units = (await (
        await fetch(`${first.url}/api/v1/admin-units?at=2026-01-01&level=ward&limit=1`)
      ).json()) as { total: number };
      expect(units.total).toBe(23);
    } finally {
      await first.stop();
    }

    const second = await startPlatform(config());
    try {
      expect(second.adminLogin).toBeNull();
      const summary = (await (await fetch(`${second.url}/api/v1/platform/summary`)).json()) as {
        services: { key: string; count: number }[];
      };
      expect(summary.services.find((s) => s.key === 'agencies')?.count).toBe(agencyCount);
    } finally {
      await second.stop();
    }
  });

  it('uses ADMIN_PASSWORD when given and writes no password file', async () => {
    const otherDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-boot-env-'));
    const started = await startPlatform(
      loadConfig({
        DATA_DIR: otherDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        JOBS_ENABLED: 'false',
        DEMO_DATA: 'false',
        ADMIN_PASSWORD: 'from-the-environment',
      }),
    );
    try {
      expect(started.adminLogin?.passwordFile).toBeNull();
      await expect(fs.access(path.join(otherDir, 'admin-password.txt'))).rejects.toThrow();
    } finally {
      await started.stop();
      await fs.rm(otherDir, { recursive: true, force: true });
    }
  });
});
