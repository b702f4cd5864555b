// Browser journeys: builds the web app if needed, starts the platform on a fresh embedded database
// with the Da Nang demo data, runs e2e/**/*.spec.ts (or the specs named as arguments) in headless
// Debian Chromium, stops the platform; then the same on a fresh PostgreSQL database when DATABASE_URL
// is set.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `test:e2e: no Chromium at ${chromium}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web-if-needed.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilReady(url, server, seconds = 180) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the platform exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the platform was not ready after ${seconds}s`);
}

// A throwaway PostgreSQL database next to DATABASE_URL's, for the second pass (dropped afterwards).
async function createPostgresDatabase(baseUrl) {
  const { default: pg } = await import('pg');
  const name = `citydx_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Starts the platform on a fresh database with the demo data, runs the specs against it, stops it. */
async function runPass(engine, specs) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citydx-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminPassword = 'e2e-admin-password';
  const postgres = engine === 'postgres' ? await createPostgresDatabase(process.env.DATABASE_URL) : null;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
    // A port of its own, so a platform already running on this machine does not stop the embedded broker.
    MQTT_EMBEDDED_PORT: String(await freePort()),
  };
  if (postgres) env.DATABASE_URL = postgres.url;
  else delete env.DATABASE_URL;
  console.log(`\ntest:e2e: browser journeys on ${engine}`);
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts'), 'start'],
    { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  try {
    await waitUntilReady(baseUrl, server);
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...specs], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_ADMIN_PASSWORD: adminPassword,
        CHROMIUM_PATH: chromium,
      },
    });
    return run.status ?? 1;
  } catch (error) {
    console.error(`test:e2e (${engine}): ${error.message}`);
    return 1;
  } finally {
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  }
}

// Spec files given on the command line (`node scripts/test-e2e.mjs e2e/feedback.spec.ts`) run alone.
// The journeys run on the embedded database, and again on PostgreSQL when DATABASE_URL is set (CI).
const specs = process.argv.slice(2);
let status = await runPass('pglite', specs);
if (process.env.DATABASE_URL) status = (await runPass('postgres', specs)) || status;
process.exit(status);
