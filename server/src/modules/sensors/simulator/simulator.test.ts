import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../mqtt-ingest/mqtt-ingest.test-support';
import { PlatformProcess } from '../testing/platform-process';
import { PlatformClient } from './platform-client';

const PASSWORD = 'correct horse battery staple';
const ROOT = path.resolve(import.meta.dirname, '../../../../..');

/** `citydx simulate …` as a user runs it; resolves with its exit code and output. */
function simulate(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'simulate', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('citydx simulate against a running platform', () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let env: Record<string, string>;
  let sta: PlatformClient;

  const count = async (filter: string) => {
    const query = `$filter=${encodeURIComponent(filter)}&$count=true&$top=1`;
    return (await sta.get<{ '@iot.count': number }>(`/sta/v1.1/Observations?${query}`))['@iot.count'];
  };

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-simulate-'));
    const [httpPort, mqttPort] = [await freePort(), await freePort()];
    const http = `http://127.0.0.1:${httpPort}`;
    env = {
      DATA_DIR: dataDir,
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: http,
      MQTT_EMBEDDED_PORT: String(mqttPort),
      ADMIN_PASSWORD: PASSWORD,
      JOBS_ENABLED: 'false',
      WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    };
    // With its demo data (the default): the stations and cameras the simulator drives.
    platform = await PlatformProcess.start(env, 180_000);
    sta = new PlatformClient(http);
  }, 200_000);

  afterAll(async () => {
    await platform?.kill('SIGTERM');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('publishes labelled simulated readings, a flood above 1.5 m, and camera heartbeats', async () => {
    const before = await count('parameters/simulated eq true');
    const run = await simulate(
      ['--scenario', 'flood', '--speed', '3600', '--duration', '8s', '--interval', '1', '--cameras', '3'],
      env,
    );
    expect(run.code, run.output).toBe(0);
    const rounds = Number(/in (\d+) rounds/.exec(run.output)?.[1]);
    expect(rounds).toBeGreaterThanOrEqual(3);

    // 74 demo datastreams a round, each reading labelled simulated.
    expect(before).toBe(0);
    expect(await count('parameters/simulated eq true')).toBe(74 * rounds);
    expect(await count("parameters/scenario eq 'flood'")).toBe(74 * rounds);
    // The flood crossed the water-level threshold of the demo alert rules.
    expect(
      await count(
        "parameters/simulated eq true and Datastream/ObservedProperty/name eq 'waterLevel' and result gt 1.5",
      ),
    ).toBeGreaterThan(0);

    const cameras = await new PlatformClient(sta.baseUrl).get<{ items: { lastSeenAt: string | null }[] }>(
      '/api/v1/sensors/devices?type=traffic_camera&isSample=true&limit=3',
    );
    // Heartbeats are written within a second of arriving.
    const started = Date.now() - 15_000;
    expect(cameras.items.every((c) => c.lastSeenAt !== null && Date.parse(c.lastSeenAt) > started)).toBe(
      true,
    );
  }, 120_000);
});
