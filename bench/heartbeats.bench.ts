// Heartbeat benchmark (issue #5): 36,500 cameras heartbeating every 30 s, spread evenly (about 1,217 a
// second), against `citydx start` in a child process with its demo data (36,930 sample devices) and its
// jobs (the status job judges every monitored device every 10 s). The cameras are the demo's sample
// traffic, security and contributed cameras, given a token (`dvt_bench_<id>`, its SHA-256 stored) and
// `monitored = true` over SQL while the platform is stopped, as the simulator does over the devices API.
// 90 % beat over MQTT (QoS 1, the embedded broker, HEARTBEAT_BENCH_CONNECTIONS connections as gateways;
// a heartbeat carries its own token), 10 % over HTTP (POST /api/v1/sensors/devices/{id}/heartbeat with
// X-Device-Token; all from 127.0.0.1, so PUBLIC_RATE_PER_MINUTE is raised for the run).
// Every 5 s the server process's CPU % (utime + stime from /proc/<pid>/stat) and RSS (VmRSS from
// /proc/<pid>/status) are sampled — and, on PostgreSQL, the CPU of the database's backends: min, median,
// max, and the slope of RSS over time (steady = near zero). Baseline in the same run: the same server
// idle (no heartbeats; its jobs run) for the same sampling period, before the load.
// HEARTBEAT_BENCH_SECONDS (300) is each sampling period; HEARTBEAT_BENCH_DEVICES (36,500) the cameras;
// HEARTBEAT_BENCH_WARMUP_SECONDS (75: two intervals and a status-job tick, for the cameras to come
// online) precedes the sampled load; HEARTBEAT_BENCH_HTTP_SHARE (0.1); HEARTBEAT_BENCH_ENGINE=postgres|
// pglite (default PostgreSQL when reachable, a fresh database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { createPgliteDatabase, createPostgresDatabase } from '../server/src/platform/db/database';
import {
  cpuSeconds,
  freePort,
  median,
  reachablePostgresUrl,
  sleep,
  startPlatform,
  tempDir,
  writeResult,
  type RunningPlatform,
} from './support';

type Engine = 'postgres' | 'pglite';

const SECONDS = Number(process.env.HEARTBEAT_BENCH_SECONDS ?? 300);
const DEVICES = Number(process.env.HEARTBEAT_BENCH_DEVICES ?? 36_500);
const WARMUP_SECONDS = Number(process.env.HEARTBEAT_BENCH_WARMUP_SECONDS ?? 75);
const HTTP_SHARE = Number(process.env.HEARTBEAT_BENCH_HTTP_SHARE ?? 0.1);
const CONNECTIONS = Number(process.env.HEARTBEAT_BENCH_CONNECTIONS ?? 100);
const INTERVAL_SECONDS = 30;
const SAMPLE_EVERY_MS = 5000;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

interface Sample {
  readonly seconds: number;
  readonly cpuPercent: number;
  readonly rssMb: number;
  /** CPU % of the database's PostgreSQL backends (PostgreSQL only). */
  readonly backendsCpuPercent: number | null;
}

/** The database's backends (pids) by pg_stat_activity, for their CPU. */
async function backendPids(admin: pg.Client | undefined, database: string | undefined): Promise<number[]> {
  if (!admin || !database) return [];
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  return rows.map((row) => row.pid);
}

/** Samples the process (and the backends) every 5 s for `seconds`. */
async function sample(
  pid: number,
  seconds: number,
  admin: pg.Client | undefined,
  database: string | undefined,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const started = performance.now();
  let previousAt = started;
  let previousCpu = cpuSeconds(pid) ?? 0;
  let previousBackends = new Map((await backendPids(admin, database)).map((p) => [p, cpuSeconds(p) ?? 0]));
  for (let tick = 1; tick <= Math.floor((seconds * 1000) / SAMPLE_EVERY_MS); tick += 1) {
    await sleep(Math.max(0, started + tick * SAMPLE_EVERY_MS - performance.now()));
    const at = performance.now();
    const cpu = cpuSeconds(pid);
    if (cpu === undefined) throw new Error('the server process is gone');
    const elapsed = (at - previousAt) / 1000;
    const backends = new Map((await backendPids(admin, database)).map((p) => [p, cpuSeconds(p) ?? 0]));
    let backendCpu = 0;
    // A backend that appeared since the last sample is counted from its next sample on (its lifetime
    // CPU is not this period's).
    for (const [backend, seconds] of backends) {
      const before = previousBackends.get(backend);
      if (before !== undefined) backendCpu += seconds - before;
    }
    samples.push({
      seconds: (at - started) / 1000,
      cpuPercent: ((cpu - previousCpu) / elapsed) * 100,
      rssMb: rssMb(pid),
      backendsCpuPercent: admin ? (backendCpu / elapsed) * 100 : null,
    });
    previousAt = at;
    previousCpu = cpu;
    previousBackends = backends;
  }
  return samples;
}

/** Least-squares slope of RSS over time, in MB per minute. */
function slopeMbPerMinute(samples: readonly Sample[]): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const meanX = samples.reduce((sum, s) => sum + s.seconds, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.rssMb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.seconds - meanX) * (s.rssMb - meanY);
    den += (s.seconds - meanX) ** 2;
  }
  return (num / den) * 60;
}

function summary(samples: readonly Sample[]) {
  const cpu = samples.map((s) => s.cpuPercent);
  const rss = samples.map((s) => s.rssMb);
  const backends = samples.flatMap((s) => (s.backendsCpuPercent === null ? [] : [s.backendsCpuPercent]));
  return {
    samples: samples.length,
    cpuPercent: { min: Math.min(...cpu), median: median(cpu), max: Math.max(...cpu) },
    rssMb: { min: Math.min(...rss), median: median(rss), max: Math.max(...rss) },
    rssSlopeMbPerMinute: slopeMbPerMinute(samples),
    backendsCpuPercent: backends.length
      ? { min: Math.min(...backends), median: median(backends), max: Math.max(...backends) }
      : null,
  };
}

type Summary = ReturnType<typeof summary>;

function describe(label: string, s: Summary): string {
  const f = (v: number) => v.toFixed(1);
  return (
    `  ${label}: CPU % min ${f(s.cpuPercent.min)} / median ${f(s.cpuPercent.median)} / max ${f(s.cpuPercent.max)}; ` +
    `RSS MB min ${f(s.rssMb.min)} / median ${f(s.rssMb.median)} / max ${f(s.rssMb.max)}; ` +
    `RSS slope ${s.rssSlopeMbPerMinute.toFixed(2)} MB/min` +
    (s.backendsCpuPercent
      ? `; PostgreSQL backends CPU % min ${f(s.backendsCpuPercent.min)} / median ${f(s.backendsCpuPercent.median)} / max ${f(s.backendsCpuPercent.max)}`
      : '') +
    ` (${s.samples} samples)`
  );
}

/** The cameras: a token and monitoring each, all offline and long silent (so the idle run changes nothing). */
async function prepareCameras(db: Kysely<unknown>, count: number): Promise<{ id: string; token: string }[]> {
  const { rows } = await sql<{ id: string }>`
    with chosen as (
      select id from sensors.devices
      where type in ('traffic_camera', 'security_camera', 'contributed_camera')
      order by id limit ${count}::int)
    update sensors.devices d set
      token_hash = encode(sha256(convert_to('dvt_bench_' || d.id::text, 'UTF8')), 'hex'),
      monitored = true, heartbeat_interval_seconds = ${INTERVAL_SECONDS}::int, heartbeat_streak = 0,
      status = 'offline', last_seen_at = now() - interval '1 day', status_changed_at = now() - interval '1 day'
    from chosen where d.id = chosen.id
    returning d.id`.execute(db);
  if (rows.length < count) throw new Error(`only ${rows.length} sample cameras (demo data loaded?)`);
  return rows
    .map((row) => ({ id: row.id, token: `dvt_bench_${row.id}` }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

interface Counts {
  mqttSent: number;
  mqttAcked: number;
  httpSent: number;
  http204: number;
  httpOther: number;
  errors: number;
}

/**
 * Heartbeats of every camera every 30 s, spread evenly: camera i beats at i/N of each interval. The
 * first `httpShare` of each ten go over HTTP, the rest over MQTT (QoS 1) through `clients`.
 */
function heartbeat(
  url: string,
  cameras: readonly { id: string; token: string }[],
  clients: readonly MqttClient[],
  httpShare: number,
): { stop: () => Promise<Counts>; counts: Counts } {
  const counts: Counts = { mqttSent: 0, mqttAcked: 0, httpSent: 0, http204: 0, httpOther: 0, errors: 0 };
  const pending = new Set<Promise<void>>();
  const httpPerTen = Math.round(httpShare * 10);
  const started = performance.now();
  let sent = 0;
  let running = true;
  const track = (promise: Promise<void>) => {
    const done = promise.finally(() => pending.delete(done));
    pending.add(done);
  };
  const beat = (index: number) => {
    const camera = cameras[index % cameras.length];
    if (!camera) return;
    if (index % 10 < httpPerTen) {
      counts.httpSent += 1;
      track(
        fetch(`${url}/api/v1/sensors/devices/${camera.id}/heartbeat`, {
          method: 'POST',
          headers: { 'x-device-token': camera.token },
        }).then(
          async (response) => {
            await response.arrayBuffer();
            if (response.status === 204) counts.http204 += 1;
            else counts.httpOther += 1;
          },
          () => {
            counts.errors += 1;
          },
        ),
      );
    } else {
      counts.mqttSent += 1;
      const client = clients[index % clients.length] as MqttClient;
      track(
        client
          .publishAsync(`citydx/devices/${camera.id}/heartbeat`, JSON.stringify({ token: camera.token }), {
            qos: 1,
          })
          .then(
            () => {
              counts.mqttAcked += 1;
            },
            () => {
              counts.errors += 1;
            },
          ),
      );
    }
  };
  const loop = (async () => {
    while (running) {
      const due = Math.floor(((performance.now() - started) / (INTERVAL_SECONDS * 1000)) * cameras.length);
      for (; sent < due; sent += 1) beat(sent);
      await sleep(20);
    }
  })();
  return {
    counts,
    stop: async () => {
      running = false;
      await loop;
      await Promise.all(pending);
      return counts;
    },
  };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
}

async function run(engine: Engine, adminUrl: string | undefined) {
  console.log(`\n--- ${engine} ---`);
  const dataDir = tempDir('citydx-bench-heartbeats-');
  let databaseUrl: string | undefined;
  let databaseName: string | undefined;
  let admin: pg.Client | undefined;
  if (engine === 'postgres' && adminUrl) {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    databaseName = `citydx_bench_heartbeats_${process.pid}`;
    await admin.query(`create database ${databaseName}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${databaseName}`;
    databaseUrl = parsed.toString();
  }
  const mqttPort = await freePort();
  const env = {
    DATA_DIR: dataDir,
    MQTT_EMBEDDED_PORT: String(mqttPort),
    PUBLIC_RATE_PER_MINUTE: '1000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  let platform: RunningPlatform | undefined;
  const clients: MqttClient[] = [];
  try {
    // First start: migrations and the demo data (the sample fleet). Then the cameras' tokens over SQL
    // with the platform stopped (PGlite has one owner), and a fresh process for the measurement.
    const first = await startPlatform(env);
    console.log(`  first start with demo data: ${(first.readyMs / 1000).toFixed(0)} s`);
    await first.stop();
    const database =
      engine === 'pglite'
        ? await createPgliteDatabase({ dataDir: path.join(dataDir, 'pglite') })
        : createPostgresDatabase(databaseUrl ?? '', 2);
    const cameras = await prepareCameras(database.db, DEVICES);
    await database.close();
    platform = await startPlatform(env);
    const pid = platform.child.pid ?? 0;
    await sleep(20_000); // the start's own work settles (first job runs, JIT)

    const idleLoad = os.loadavg()[0] ?? 0;
    const idleSamples = await sample(pid, SECONDS, admin, databaseName);
    const idle = summary(idleSamples);

    const brokerUrl = `mqtt://127.0.0.1:${mqttPort}`;
    for (let index = 0; index < CONNECTIONS; index += 1)
      clients.push(
        await mqtt.connectAsync(brokerUrl, {
          clientId: `bench-gateway-${index}-${process.pid}`,
          protocolVersion: 4,
          reconnectPeriod: 1000,
        }),
      );
    const malformedBefore = await metric(platform.url, 'citydx_mqtt_messages_malformed_total');
    const load = heartbeat(platform.url, cameras, clients, HTTP_SHARE);
    await sleep(WARMUP_SECONDS * 1000);
    const loadedLoad = os.loadavg()[0] ?? 0;
    const countsAtStart = { ...load.counts };
    const loadedSamples = await sample(pid, SECONDS, admin, databaseName);
    const loaded = summary(loadedSamples);
    const countsAtEnd = { ...load.counts };
    const loadAfter = os.loadavg()[0] ?? 0;
    const counts = await load.stop();
    const malformed = (await metric(platform.url, 'citydx_mqtt_messages_malformed_total')) - malformedBefore;
    const fleet = (await (await fetch(`${platform.url}/api/v1/sensors/fleet`)).json()) as {
      byType: { type: string; total: number; online: number }[];
    };
    const cameraTypes = fleet.byType.filter((row) => row.type.endsWith('_camera'));
    const camerasOnline = cameraTypes.reduce((sum, row) => sum + row.online, 0);
    const camerasTotal = cameraTypes.reduce((sum, row) => sum + row.total, 0);
    const beatsPerSecond =
      (countsAtEnd.mqttSent + countsAtEnd.httpSent - countsAtStart.mqttSent - countsAtStart.httpSent) /
      SECONDS;

    console.log(
      `${DEVICES.toLocaleString('en')} cameras every ${INTERVAL_SECONDS} s (${beatsPerSecond.toFixed(0)} heartbeats/s sampled; ` +
        `${Math.round((1 - HTTP_SHARE) * 100)} % MQTT QoS 1 over ${CONNECTIONS} connections, ${Math.round(HTTP_SHARE * 100)} % HTTP), ` +
        `${SECONDS} s sampled every 5 s after ${WARMUP_SECONDS} s of warm-up, server process pid ${pid}:\n` +
        describe(
          `under heartbeats (load average ${loadedLoad.toFixed(1)} → ${loadAfter.toFixed(1)})`,
          loaded,
        ) +
        '\n' +
        describe(`baseline, same server idle (load average ${idleLoad.toFixed(1)})`, idle) +
        '\n' +
        `  ratio of median CPU to idle ${(loaded.cpuPercent.median / idle.cpuPercent.median).toFixed(1)}, ` +
        `median RSS ${(loaded.rssMb.median - idle.rssMb.median).toFixed(1)} MB above idle\n` +
        `  heartbeats: MQTT ${counts.mqttAcked.toLocaleString('en')} of ${counts.mqttSent.toLocaleString('en')} acknowledged, ` +
        `HTTP ${counts.http204.toLocaleString('en')} of ${counts.httpSent.toLocaleString('en')} answered 204 (${counts.httpOther} other), ` +
        `${counts.errors} errors, ${malformed} counted malformed; fleet: ${camerasOnline.toLocaleString('en')} ` +
        `of ${camerasTotal.toLocaleString('en')} cameras online (the status job's verdict)`,
    );
    return {
      devices: DEVICES,
      intervalSeconds: INTERVAL_SECONDS,
      heartbeatsPerSecond: beatsPerSecond,
      httpShare: HTTP_SHARE,
      mqttConnections: CONNECTIONS,
      sampledSeconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      loadAverage: { idle: idleLoad, loaded: loadedLoad, after: loadAfter },
      loaded,
      idle,
      counts,
      malformed,
      camerasOnline,
      camerasTotal,
      samples: { loaded: loadedSamples, idle: idleSamples },
    };
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true).catch(() => undefined)));
    if (platform && platform.child.exitCode === null) await platform.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin && databaseName) {
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
  }
}

const adminUrl = await reachablePostgresUrl();
const engine: Engine =
  (process.env.HEARTBEAT_BENCH_ENGINE as Engine | undefined) ?? (adminUrl ? 'postgres' : 'pglite');
if (engine === 'postgres' && !adminUrl) throw new Error('PostgreSQL not reachable');
writeResult('heartbeats', {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  engine,
  result: await run(engine, adminUrl),
});
