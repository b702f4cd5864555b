import fs from 'node:fs/promises';
import os from 'node:os';
import { allErrorCatalogues, buildApp, migrateAll } from './app';
import { renderErrorsDoc } from './platform/http/errors-doc';
import { startPlatform } from './boot';
import { parseSimulatorArgs, runSimulator, simulatorUsage, UsageError } from './modules/sensors';
import { ConfigError, loadConfig, renderEnvExample } from './platform/config';
import { createPgliteDatabase, openDatabase } from './platform/db/database';

const usage = `citydx <command>

  start         migrate, load demo data once, serve the web app and every API
  migrate       apply pending migrations and exit
  docs          regenerate docs/openapi.json, docs/errors.md and .env.example
  simulate      publish simulated sensor readings to a running platform (--help)
`;

/** Writes the committed generated files; tests fail when they drift from the code. */
async function generateDocs(): Promise<void> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:8080',
    JOBS_ENABLED: 'false',
    DATA_DIR: os.tmpdir(),
  });
  const database = await createPgliteDatabase();
  const citydx = await buildApp({ config, database, logger: false });
  await fs.writeFile('docs/openapi.json', `${JSON.stringify(citydx.app.swagger(), null, 2)}\n`);
  await fs.writeFile('docs/errors.md', renderErrorsDoc(allErrorCatalogues(citydx.modules)));
  await fs.writeFile('.env.example', renderEnvExample());
  await citydx.close();
  await database.close();
  console.log('wrote docs/openapi.json, docs/errors.md, .env.example');
}

async function migrateOnly(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const citydx = await buildApp({ config, database, logger: false });
  const applied = await migrateAll(database, citydx.modules);
  console.log(applied.length ? `applied:\n  ${applied.join('\n  ')}` : 'nothing to apply');
  await citydx.close();
  await database.close();
}

async function start(): Promise<void> {
  const started = Date.now();
  const platform = await startPlatform(loadConfig());
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\ncitydx is ready in ${seconds}s: ${platform.url}`);
  console.log(`  console: ${platform.url}/console    API docs: ${platform.url}/docs`);
  if (platform.adminLogin) {
    const where = platform.adminLogin.passwordFile
      ? `the password is in ${platform.adminLogin.passwordFile}`
      : 'the password is ADMIN_PASSWORD';
    console.log(`  first administrator: ${platform.adminLogin.email} (${where})`);
  }
  const shutdown = async (signal: string) => {
    platform.citydx.app.log.info({ signal }, 'shutting down');
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Simulated readings for the demo stations, against a platform started with `start` (docs/simulator.md). */
async function simulate(): Promise<void> {
  const args = process.argv.slice(3);
  if (args.includes('--help')) return void process.stdout.write(simulatorUsage);
  let options;
  try {
    options = parseSimulatorArgs(args, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${simulatorUsage}`);
    process.exit(2);
  }
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  const summary = await runSimulator(options, loadConfig(), (line) => console.log(line), stop.signal);
  console.log(
    `simulator stopped: ${summary.observations} simulated observations in ${summary.rounds} rounds, ${summary.heartbeats} heartbeats`,
  );
}

const commands: Record<string, () => Promise<void>> = {
  start,
  migrate: migrateOnly,
  docs: generateDocs,
  simulate,
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stdout.write(usage);
  process.exit(process.argv[2] ? 2 : 0);
}
command().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
