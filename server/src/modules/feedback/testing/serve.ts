// Serves the feedback module for bench/feedback.bench.ts in its own process, the way app.ts will once
// it mounts the module: node --import tsx serve.ts. Reads the usual environment (DATABASE_URL or
// DATA_DIR, PORT, PUBLIC_RATE_PER_MINUTE…), migrates, loads the categories and routing table, creates
// an API token for Open311 POSTs and prints one JSON line: { url, apiKey }. Also serves
// /bench/body/<bytes>, the benchmark's baseline for sending a large answer.
import fs from 'node:fs';
import { buildApp, migrateAll } from '../../../app';
import { systemActor } from '../../../platform/audit/audit';
import { Principal } from '../../../platform/auth/principal';
import { loadConfig } from '../../../platform/config';
import { openDatabase } from '../../../platform/db/database';
import { loadKernelDemo, loadReferenceData } from '../../../platform/kernel-demo';
import { loadFeedbackDemo } from '../feedback.demo';
import { assembleFeedbackApp } from './assemble';
import { RecordingNotifier } from './recording-notifier';

const system = new Principal(
  '00000000-0000-0000-0000-000000000000',
  'system',
  'system',
  [{ role: 'system_admin', agencyId: null }],
  'token',
  null,
);

const config = loadConfig();
const database = await openDatabase(config.database);
const citydx = await buildApp({ config, database, logger: false });
await migrateAll(database, citydx.modules);
const platform = citydx.platform;
await loadReferenceData(platform);
await loadKernelDemo(platform);
const { app, services } = await assembleFeedbackApp(platform, new RecordingNotifier(false), {
  database,
  extraRoutes: (fastify) => {
    // The benchmark's transfer baseline: a prepared JSON body of the given size, nothing computed, so
    // that a large Open311 page can be compared with merely sending that many bytes (public, no SQL).
    const bodies = new Map<number, string>();
    fastify.get<{ Params: { bytes: string } }>(
      '/bench/body/:bytes',
      { config: { access: 'public' } },
      async (request, reply) => {
        const bytes = Math.min(Math.max(Number(request.params.bytes) || 3, 3), 10_000_000);
        let body = bodies.get(bytes);
        if (!body) {
          const zeros = Math.floor((bytes - 3) / 2);
          body = `[${'0,'.repeat(zeros)}0${' '.repeat(bytes - 3 - 2 * zeros)}]`;
          bodies.set(bytes, body);
        }
        return reply.type('application/json; charset=utf-8').send(body);
      },
    );
  },
});
await loadFeedbackDemo(services.ctx, { samples: false });

const email = `open311-client-${Date.now()}@bench.citydx`;
const { user } = await platform.users.create(
  system,
  {
    email,
    displayName: 'Open311 client',
    locale: 'vi',
    password: 'bench-password-not-used',
    grants: [{ role: 'viewer', agencyId: null }],
  },
  systemActor,
);
const owner = new Principal(
  user.id,
  email,
  'Open311 client',
  [{ role: 'viewer', agencyId: null }],
  'token',
  null,
);
const { token } = await platform.auth.createToken(owner, 'bench', null, systemActor);

// As `citydx start` does: the outbox dispatcher delivers each report's event, so the benchmark pays for
// the acknowledgement like production (here twice, an upper bound: the app's own feedback module and
// this assembled one both subscribe).
platform.events.start();
const url = await app.listen({ port: config.port, host: config.host });
fs.writeSync(1, `${JSON.stringify({ url, apiKey: token })}\n`);

const stop = async () => {
  await app.close();
  await citydx.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
