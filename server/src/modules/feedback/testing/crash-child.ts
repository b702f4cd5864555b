// Run by crash-safety.test.ts in its own process: node --import tsx crash-child.ts <data dir> [database url]
// Files one report through the HTTP route, prints the tracking code the citizen was given, and is
// killed with SIGKILL at once: no shutdown hook, no flush, nothing after the answer.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp, migrateAll } from '../../../app';
import { loadConfig } from '../../../platform/config';
import { openDatabase } from '../../../platform/db/database';
import { assembleFeedbackApp } from './assemble';
import { RecordingNotifier } from './recording-notifier';

const [dataDir = '', databaseUrl = ''] = process.argv.slice(2);
const config = loadConfig({
  LOG_LEVEL: 'silent',
  DATA_DIR: dataDir,
  JOBS_ENABLED: 'false',
  DEMO_DATA: 'false',
  WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const database = await openDatabase(config.database);
const citydx = await buildApp({ config, database, logger: false });
await migrateAll(database, citydx.modules);
const { app, services } = await assembleFeedbackApp(citydx.platform, new RecordingNotifier(), { database });
await services.ctx.platform.db.transaction().execute((trx) =>
  services.ctx.routing.insertCategory(trx, {
    code: 'giao-thong',
    nameVi: 'Giao thông',
    nameEn: null,
    descriptionVi: null,
    descriptionEn: null,
    group: 'giao-thong',
    keywords: '',
    deadlineWorkingDays: 3,
    attributes: [],
    duplicateRadiusMetres: 100,
    active: true,
    sortOrder: 0,
  }),
);
const response = await app.inject({
  method: 'POST',
  url: '/api/v1/feedback/reports',
  payload: { categoryCode: 'giao-thong', description: 'Ổ gà trước chợ Cồn', address: 'Hùng Vương' },
});
const { trackingCode } = JSON.parse(response.body) as { trackingCode: string };
// Synchronous: a write to a pipe through process.stdout could still be queued when the kill lands.
fs.writeSync(1, `${trackingCode}\n`);
process.kill(process.pid, 'SIGKILL');
