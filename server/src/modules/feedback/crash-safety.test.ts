import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adminConnectionString,
  databaseUrlFor,
  testDatabaseEngine,
} from '../../../test/test-database-engine';
import { createPgliteDatabase, createPostgresDatabase, type Database } from '../../platform/db/database';

const child = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));

function runChild(
  args: string[],
): Promise<{ stdout: string; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('error', reject);
    process_.on('exit', (_code, signal) => resolve({ stdout, signal, stderr }));
  });
}

/** No report is ever lost: once a citizen holds a tracking code, the report survives a crash. */
describe('crash safety', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('finds the report and its outbox event after the process is killed right after answering', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-crash-'));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    let url = '';
    let admin: Database | null = null;
    if (testDatabaseEngine() === 'postgres') {
      const name = `citydx_crash_${crypto.randomBytes(5).toString('hex')}`;
      admin = createPostgresDatabase(adminConnectionString(), 1);
      await sql.raw(`create database ${name}`).execute(admin.db);
      url = databaseUrlFor(name);
      const adminDb = admin;
      cleanups.push(async () => {
        await sql.raw(`drop database if exists ${name} with (force)`).execute(adminDb.db);
        await adminDb.close();
      });
    }
    const { stdout, signal, stderr } = await runChild(url ? [dataDir, url] : [dataDir]);
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    const code = stdout.trim();
    expect(code).toMatch(/^PA-\d{4}-\d{6}$/);

    const reopened = url
      ? createPostgresDatabase(url, 1)
      : await createPgliteDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const found = await sql<{ status: string; description: string }>`
        select status, description from feedback.reports where tracking_code = ${code}`.execute(reopened.db);
      expect(found.rows).toEqual([{ status: 'received', description: 'Ổ gà trước chợ Cồn' }]);
      const event = await sql<{ n: number }>`select count(*) as n from platform.outbox_events
        where type = 'feedback.report.submitted' and payload->>'trackingCode' = ${code}`.execute(reopened.db);
      expect(Number(event.rows[0]?.n)).toBe(1);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
