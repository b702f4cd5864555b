import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminConnectionString,
  databaseUrlFor,
  testDatabaseEngine,
} from '../../../../test/test-database-engine';
import { createPostgresDatabase } from '../../../platform/db/database';
import { PlatformClient } from '../simulator/platform-client';
import { PlatformProcess } from '../testing/platform-process';
import { stationBody } from '../testing/sta-client';
import { connectClient, eventually, freePort } from './mqtt-ingest.test-support';

const ADMIN = { email: 'admin@citydx.local', password: 'correct horse battery staple' };
const TOTAL = 4000;
const IN_FLIGHT = 200;
const KILL_AFTER_ACKS = 600;

/** A fresh, empty PostgreSQL database for the child (it migrates it itself), or PGlite on disk. */
async function databaseEnv(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testDatabaseEngine() === 'pglite') return { env: {}, drop: async () => {} };
  const name = `citydx_crash_${crypto.randomBytes(5).toString('hex')}`;
  const admin = createPostgresDatabase(adminConnectionString(), 1);
  await sql.raw(`create database ${name}`).execute(admin.db);
  return {
    env: { DATABASE_URL: databaseUrlFor(name) },
    async drop() {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}

describe(`crash safety: a SIGKILLed platform keeps every acknowledged observation (${testDatabaseEngine()})`, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let platform: PlatformProcess | undefined;
  let http: string;
  let mqttUrl: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-crash-'));
    const database = await databaseEnv();
    drop = database.drop;
    const [httpPort, mqttPort] = [await freePort(), await freePort()];
    http = `http://127.0.0.1:${httpPort}`;
    mqttUrl = `mqtt://127.0.0.1:${mqttPort}`;
    env = {
      ...database.env,
      DATA_DIR: dataDir,
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: http,
      MQTT_EMBEDDED_PORT: String(mqttPort),
      ADMIN_PASSWORD: ADMIN.password,
      DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    };
  }, 60_000);

  afterAll(async () => {
    await platform?.kill();
    await drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('stores every PUBACKed observation after a SIGKILL mid-stream and a restart', async () => {
    platform = await PlatformProcess.start(env);
    const token = await PlatformClient.tokenFor(http, ADMIN, 'crash test');
    const client = new PlatformClient(http, token);
    const thing = await client.create('/sta/v1.1/Things', stationBody('Trạm thử sập nguồn', [108.2, 16.05]));
    const thingId = Number(/Things\((\d+)\)/.exec(thing)?.[1]);
    const streams = await client.get<{ value: { '@iot.id': number }[] }>(
      `/sta/v1.1/Things(${thingId})/Datastreams`,
    );
    const datastream = Math.min(...streams.value.map((s) => s['@iot.id']));

    const publisher: MqttClient = await connectClient(mqttUrl, { username: 'crash-test', password: token });
    publisher.on('error', () => {});
    const acknowledged = new Set<number>();
    let sent = 0;
    let stopped = false;
    // Keep IN_FLIGHT QoS 1 messages outstanding; each acknowledgement frees a slot for the next.
    const publishNext = (): void => {
      if (stopped || sent >= TOTAL) return;
      const sequence = sent++;
      publisher.publish(
        `v1.1/Datastreams(${datastream})/Observations`,
        JSON.stringify({ result: sequence, parameters: { sequence } }),
        { qos: 1 },
        (error) => {
          if (error) return;
          acknowledged.add(sequence);
          publishNext();
        },
      );
    };
    for (let slot = 0; slot < IN_FLIGHT; slot += 1) publishNext();
    await eventually(() => acknowledged.size >= KILL_AFTER_ACKS, 60_000);
    await platform.kill('SIGKILL');
    stopped = true;
    const acknowledgedAtKill = [...acknowledged];
    const sentAtKill = sent;
    publisher.end(true);

    platform = await PlatformProcess.start(env);
    const stored = await client.get<{ value: { parameters: { sequence: number } }[] }>(
      `/sta/v1.1/Datastreams(${datastream})/Observations?$select=parameters&$top=10000`,
    );
    const storedSequences = new Set(stored.value.map((o) => o.parameters.sequence));
    const lost = acknowledgedAtKill.filter((sequence) => !storedSequences.has(sequence));
    process.stdout.write(
      `crash safety (${testDatabaseEngine()}): sent ${sentAtKill}, acknowledged ${acknowledgedAtKill.length}, ` +
        `stored ${storedSequences.size} (${storedSequences.size - acknowledgedAtKill.length} stored without an ` +
        `acknowledgement), lost acknowledged: ${lost.length}\n`,
    );
    expect(acknowledgedAtKill.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(sentAtKill).toBeGreaterThan(acknowledgedAtKill.length);
    expect(lost).toEqual([]);
  }, 300_000);
});
