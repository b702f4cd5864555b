// MQTT ingest benchmark (issue #5), on PostgreSQL (a fresh database; DATABASE_URL, else 127.0.0.1:5432)
// and on PGlite, against `citydx start` in a child process with its embedded broker (aedes):
//  a. throughput: 4 publishers (an admin API token as password), one STA Observation per message at
//     QoS 1 on `v1.1/Datastreams(<id>)/Observations` (40 datastreams), MQTT_BENCH_INFLIGHT (250)
//     unacknowledged messages each; a PUBACK means committed (docs/mqtt.md), so acknowledged
//     messages/s is stored observations/s (goals: ≥ 20,000/s PostgreSQL, ≥ 5,000/s PGlite);
//  b. latency from publish to an IOC client, at a paced rate below saturation (MQTT_BENCH_RATE/s):
//     an MQTT client subscribed to `v1.1/Datastreams(<id>)/Observations` (the notification citydx
//     publishes after the commit; goal p99 ≤ 250 ms), and the SSE feed /api/v1/sensors/live, which
//     coalesces the latest value per datastream about once a second (so its latency is up to ~1 s by
//     design, and only the last value of each datastream in a tick is seen);
//  baseline in the same run: the same publishers, payloads and in-flight window against the same
//  broker on `bench/raw/Datastreams(<id>)/Observations`, which no handler takes, with a bare
//  subscriber: the raw broker round trip (throughput, and latency at the same paced rate).
// MQTT_BENCH_ENGINE=postgres|pglite runs one engine; MQTT_BENCH_SECONDS (20) is the length of each
// throughput phase, MQTT_BENCH_LATENCY_SECONDS (15) of each paced phase. MQTT_BENCH_CPU_PROF=<dir> writes
// a CPU profile of the server process there (node --cpu-prof; open it in Chrome DevTools).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import {
  adminToken,
  cpuSeconds,
  createDatastreams,
  freePort,
  percentile,
  reachablePostgresUrl,
  root,
  sleep,
  startPlatform,
  tempDir,
  writeResult,
  type MeasuredQuantity,
  type RunningPlatform,
} from './support';

const waterLevel: MeasuredQuantity = {
  label: 'Mực nước',
  unit: { name: 'metre', symbol: 'm', definition: 'ucum:m' },
  property: {
    name: 'waterLevel',
    definition: 'https://smartdatamodels.org/waterLevel',
    description: 'water level',
  },
};

type Engine = 'postgres' | 'pglite';

const PUBLISHERS = 4;
const DATASTREAMS = 40;
const INFLIGHT = Number(process.env.MQTT_BENCH_INFLIGHT ?? 250);
const SECONDS = Number(process.env.MQTT_BENCH_SECONDS ?? 20);
const LATENCY_SECONDS = Number(process.env.MQTT_BENCH_LATENCY_SECONDS ?? 15);
const RATE = Number(process.env.MQTT_BENCH_RATE ?? 1000);
const GOAL_RATE = { postgres: 20_000, pglite: 5_000 } as const;
const GOAL_P99_MS = 250;
const CPU_PROFILE_DIR = process.env.MQTT_BENCH_CPU_PROF;

/** CPU % of the server process and of this one (the clients) while `work` runs. */
async function withCpu<T>(serverPid: number | undefined, work: () => Promise<T>) {
  const started = performance.now();
  const server = cpuSeconds(serverPid) ?? NaN;
  const own = process.cpuUsage();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(own);
  return {
    result,
    serverCpuPercent: (((cpuSeconds(serverPid) ?? NaN) - server) / seconds) * 100,
    clientsCpuPercent: ((used.user + used.system) / 1e6 / seconds) * 100,
  };
}

async function storedObservations(url: string): Promise<number> {
  const answer = (await (await fetch(`${url}/sta/v1.1/Observations?$count=true&$top=0`)).json()) as {
    '@iot.count': number;
  };
  return answer['@iot.count'];
}

/**
 * Publish times by sequence number. Each message carries its number as its `result`, which comes
 * back in the STA notification, in the SSE event and in the raw round trip.
 */
class Clock {
  readonly sentAt: number[] = [];
  next = 1;
  take(): number {
    const seq = this.next;
    this.next += 1;
    this.sentAt[seq] = performance.now();
    return seq;
  }
}

/** Latencies (ms) of the messages numbered in [from, to) that a receiver saw. */
class Receiver {
  readonly latencies: number[] = [];
  window: [number, number] = [0, 0];
  constructor(protected readonly clock: Clock) {}
  saw(seq: number, at = performance.now()): void {
    const sent = this.clock.sentAt[seq];
    if (sent !== undefined && seq >= this.window[0] && seq < this.window[1]) this.latencies.push(at - sent);
  }
  reset(from: number): void {
    this.latencies.length = 0;
    this.window = [from, Number.MAX_SAFE_INTEGER];
  }
  close(to: number): void {
    this.window = [this.window[0], to];
  }
}

/**
 * The SSE feed shows only each datastream's latest value per tick: an observation counts as delivered
 * when an event shows it or a later value of its datastream (that is when the IOC screen includes it),
 * so every observation of the window gets a latency, not only the ones that happened to be last.
 */
class CoalescedReceiver extends Receiver {
  /** The highest sequence number already covered, per datastream index (seq ≡ index mod count). */
  readonly #covered = new Map<number, number>();
  constructor(
    clock: Clock,
    private readonly count: number,
  ) {
    super(clock);
  }
  override saw(seq: number, at = performance.now()): void {
    const index = seq % this.count;
    const start = Math.max(this.#covered.get(index) ?? 0, this.window[0] - 1);
    for (
      let q = start + 1 + ((index - ((start + 1) % this.count) + this.count) % this.count);
      q <= seq;
      q += this.count
    )
      super.saw(q, at);
    if (seq > (this.#covered.get(index) ?? 0)) this.#covered.set(index, seq);
  }
}

function topicOf(kind: 'ingest' | 'raw', datastream: number): string {
  return kind === 'ingest'
    ? `v1.1/Datastreams(${datastream})/Observations`
    : `bench/raw/Datastreams(${datastream})/Observations`;
}

function payloadOf(seq: number): string {
  return `{"phenomenonTime":"${new Date().toISOString()}","result":${seq}}`;
}

interface Publishers {
  readonly clients: MqttClient[];
  /** Saturates: `INFLIGHT` messages in flight per publisher for `seconds`; acknowledged messages/s. */
  saturate(
    kind: 'ingest' | 'raw',
    seconds: number,
  ): Promise<{ perSecond: number; acked: number; ackedWithTail: number }>;
  /** `rate` messages/s in total for `seconds`, not waiting for acknowledgements. */
  pace(kind: 'ingest' | 'raw', rate: number, seconds: number): Promise<{ acked: number }>;
}

async function connectPublishers(
  brokerUrl: string,
  token: string,
  datastreams: readonly number[],
  clock: Clock,
): Promise<Publishers> {
  const clients = await Promise.all(
    Array.from({ length: PUBLISHERS }, (_, index) =>
      mqtt.connectAsync(brokerUrl, {
        clientId: `bench-publisher-${index}-${process.pid}`,
        username: 'bench',
        password: token,
        protocolVersion: 4,
        reconnectPeriod: 0,
      }),
    ),
  );
  const send = (client: MqttClient, kind: 'ingest' | 'raw'): Promise<void> => {
    const seq = clock.take();
    const datastream = datastreams[seq % datastreams.length] ?? 0;
    return client.publishAsync(topicOf(kind, datastream), payloadOf(seq), { qos: 1 }).then(() => undefined);
  };
  return {
    clients,
    async saturate(kind, seconds) {
      const started = performance.now();
      const endAt = started + seconds * 1000;
      let acked = 0;
      let ackedWithTail = 0;
      await Promise.all(
        clients.flatMap((client) =>
          Array.from({ length: INFLIGHT }, async () => {
            while (performance.now() < endAt) {
              await send(client, kind);
              ackedWithTail += 1;
              if (performance.now() <= endAt) acked += 1;
            }
          }),
        ),
      );
      return { perSecond: acked / seconds, acked, ackedWithTail };
    },
    async pace(kind, rate, seconds) {
      const started = performance.now();
      const endAt = started + seconds * 1000;
      let sent = 0;
      let acked = 0;
      const pending = new Set<Promise<void>>();
      while (performance.now() < endAt) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        for (; sent < due; sent += 1) {
          const done = send(clients[sent % clients.length] as MqttClient, kind).then(() => {
            acked += 1;
            pending.delete(done);
          });
          pending.add(done);
        }
        await sleep(5);
      }
      await Promise.all(pending);
      return { acked };
    },
  };
}

/** The SSE feed: every `observations` event's entries, by the `result` (= the sequence number). */
function followLive(url: string, receiver: Receiver): { close: () => void } {
  const controller = new AbortController();
  void (async () => {
    const response = await fetch(`${url}/api/v1/sensors/live`, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`live feed: HTTP ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('event: observations\n')) continue;
        const at = performance.now();
        const data = block.slice(block.indexOf('data: ') + 6);
        for (const value of JSON.parse(data) as { result: unknown }[])
          if (typeof value.result === 'number') receiver.saw(value.result, at);
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) console.error('live feed failed:', error);
  });
  return { close: () => controller.abort() };
}

function latencyFigures(latencies: readonly number[]) {
  return {
    samples: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    // No spread: hundreds of thousands of arguments overflow the stack.
    maxMs: latencies.reduce((max, value) => Math.max(max, value), latencies.length ? -Infinity : NaN),
  };
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

async function runEngine(engine: Engine, adminUrl: string | undefined) {
  console.log(`\n--- ${engine} ---`);
  const dataDir = tempDir('citydx-bench-mqtt-');
  let databaseUrl: string | undefined;
  let admin: pg.Client | undefined;
  if (engine === 'postgres' && adminUrl) {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const name = `citydx_bench_mqtt_${process.pid}`;
    await admin.query(`create database ${name}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
  }
  const mqttPort = await freePort();
  let platform: RunningPlatform | undefined;
  const connections: MqttClient[] = [];
  let live: { close: () => void } | undefined;
  try {
    platform = await startPlatform(
      {
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        JOBS_ENABLED: 'false',
        MQTT_EMBEDDED_PORT: String(mqttPort),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      CPU_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(CPU_PROFILE_DIR)] : [],
    );
    const brokerUrl = `mqtt://127.0.0.1:${mqttPort}`;
    const token = await adminToken(platform.url, 'bench-mqtt');
    const datastreams = await createDatastreams(platform.url, token, DATASTREAMS, waterLevel);
    // The IOC client watches 4 of the 40 datastreams: one message in 10.
    const watched = datastreams.slice(1, 5);
    const clock = new Clock();
    const publishers = await connectPublishers(brokerUrl, token, datastreams, clock);
    connections.push(...publishers.clients);

    // The IOC client over MQTT (anonymous: reading is public), and the bare subscriber of the baseline.
    const notified = new Receiver(clock);
    const raw = new Receiver(clock);
    const sse = new CoalescedReceiver(clock, datastreams.length);
    const subscriber = await mqtt.connectAsync(brokerUrl, {
      clientId: `bench-ioc-${process.pid}`,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    connections.push(subscriber);
    subscriber.on('message', (topic, payload) => {
      const at = performance.now();
      const result = (JSON.parse(payload.toString()) as { result?: unknown }).result;
      if (typeof result !== 'number') return;
      (topic.startsWith('bench/') ? raw : notified).saw(result, at);
    });
    await subscriber.subscribeAsync(
      watched.flatMap((id) => [topicOf('ingest', id), topicOf('raw', id)]),
      { qos: 0 },
    );
    live = followLive(platform.url, sse);
    await sleep(1500); // the live feed's first poll only sets its starting point

    // Warm-up (not counted): both paths, JIT and pool.
    await publishers.saturate('raw', 2);
    await publishers.saturate('ingest', 3);
    const storedBefore = await storedObservations(platform.url);
    const load = os.loadavg()[0] ?? 0;

    // a. Throughput: the raw broker round trip, then the ingest.
    raw.reset(clock.next);
    const rawTimed = await withCpu(platform.child.pid, () => publishers.saturate('raw', SECONDS));
    const rawRun = rawTimed.result;
    raw.close(clock.next);
    await sleep(500);
    const rawSaturated = latencyFigures(raw.latencies);

    notified.reset(clock.next);
    sse.reset(clock.next);
    const ingestTimed = await withCpu(platform.child.pid, () => publishers.saturate('ingest', SECONDS));
    const ingestRun = ingestTimed.result;
    notified.close(clock.next);
    sse.close(clock.next);
    await sleep(2500);
    const notifiedSaturated = latencyFigures(notified.latencies);
    const sseSaturated = latencyFigures(sse.latencies);
    const storedAfter = await storedObservations(platform.url);

    // b. Latency at a paced rate (at most half the measured ingest rate), raw then ingest.
    const rate = Math.max(10, Math.min(RATE, Math.floor(ingestRun.perSecond / 2)));
    raw.reset(clock.next);
    await publishers.pace('raw', rate, LATENCY_SECONDS);
    raw.close(clock.next);
    await sleep(500);
    const rawPaced = latencyFigures(raw.latencies);
    notified.reset(clock.next);
    sse.reset(clock.next);
    const pacedRun = await publishers.pace('ingest', rate, LATENCY_SECONDS);
    notified.close(clock.next);
    sse.close(clock.next);
    await sleep(2500);
    const notifiedPaced = latencyFigures(notified.latencies);
    const ssePaced = latencyFigures(sse.latencies);
    const loadAfter = os.loadavg()[0] ?? 0;

    const ratio = ingestRun.perSecond / rawRun.perSecond;
    const goal = GOAL_RATE[engine];
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `MQTT ingest, ${PUBLISHERS} publishers × ${INFLIGHT} in flight, QoS 1, one STA observation a message, ${SECONDS} s ` +
        `(load average ${load.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${os.cpus().length} cores):\n` +
        `  ingest: ${ingestRun.perSecond.toFixed(0)} observations/s (goal ≥ ${goal.toLocaleString('en')}/s: ${verdict(ingestRun.perSecond >= goal)}); ` +
        `stored ${(storedAfter - storedBefore).toLocaleString('en')} of ${ingestRun.ackedWithTail.toLocaleString('en')} acknowledged; ` +
        `CPU: server ${ingestTimed.serverCpuPercent.toFixed(0)} %, bench clients ${ingestTimed.clientsCpuPercent.toFixed(0)} %\n` +
        `  baseline, same publishers on the same broker, no ingest (bare subscriber): ${rawRun.perSecond.toFixed(0)} messages/s; ratio ${ratio.toFixed(2)} ` +
        `(CPU: server ${rawTimed.serverCpuPercent.toFixed(0)} %, bench clients ${rawTimed.clientsCpuPercent.toFixed(0)} %)\n` +
        `  latency under saturation (queueing in the ${INFLIGHT}-message windows dominates): MQTT notification p50 ${ms(notifiedSaturated.p50Ms)}, p99 ${ms(notifiedSaturated.p99Ms)}; ` +
        `SSE p50 ${ms(sseSaturated.p50Ms)}, p99 ${ms(sseSaturated.p99Ms)}; raw round trip p50 ${ms(rawSaturated.p50Ms)}, p99 ${ms(rawSaturated.p99Ms)}\n` +
        `latency from publish to the IOC client at ${rate.toLocaleString('en')} observations/s for ${LATENCY_SECONDS} s (${pacedRun.acked.toLocaleString('en')} acknowledged):\n` +
        `  MQTT subscriber of v1.1/Datastreams(${watched.join('|')})/Observations: p50 ${ms(notifiedPaced.p50Ms)}, p99 ${ms(notifiedPaced.p99Ms)} ` +
        `(${notifiedPaced.samples} samples; goal p99 ≤ ${GOAL_P99_MS} ms: ${verdict(notifiedPaced.p99Ms <= GOAL_P99_MS)})\n` +
        `  SSE /api/v1/sensors/live (coalesced every 200 ms, latest value per datastream): p50 ${ms(ssePaced.p50Ms)}, p99 ${ms(ssePaced.p99Ms)} ` +
        `(${ssePaced.samples} samples; an observation counts when the feed shows it or a later value of its datastream; ` +
        `goal p99 ≤ ${GOAL_P99_MS} ms: ${verdict(ssePaced.p99Ms <= GOAL_P99_MS)}${ssePaced.p99Ms > GOAL_P99_MS ? ', not reachable with a 1 s poll' : ''})\n` +
        `  baseline, raw broker round trip at the same rate: p50 ${ms(rawPaced.p50Ms)}, p99 ${ms(rawPaced.p99Ms)}; ` +
        `ratio of the MQTT notification's p99 ${(notifiedPaced.p99Ms / rawPaced.p99Ms).toFixed(1)}`,
    );
    return {
      loadAverage: load,
      loadAverageAfter: loadAfter,
      publishers: PUBLISHERS,
      inflightPerPublisher: INFLIGHT,
      seconds: SECONDS,
      ingestObservationsPerSecond: ingestRun.perSecond,
      ingestAcknowledged: ingestRun.ackedWithTail,
      storedDuringRun: storedAfter - storedBefore,
      rawBrokerMessagesPerSecond: rawRun.perSecond,
      ratioToRawBroker: ratio,
      cpuPercent: {
        ingest: { server: ingestTimed.serverCpuPercent, clients: ingestTimed.clientsCpuPercent },
        raw: { server: rawTimed.serverCpuPercent, clients: rawTimed.clientsCpuPercent },
      },
      goalObservationsPerSecond: goal,
      saturated: { mqttNotification: notifiedSaturated, sse: sseSaturated, rawRoundTrip: rawSaturated },
      paced: {
        rate,
        seconds: LATENCY_SECONDS,
        mqttNotification: notifiedPaced,
        sse: ssePaced,
        rawRoundTrip: rawPaced,
        p99RatioToRaw: notifiedPaced.p99Ms / rawPaced.p99Ms,
      },
      goalP99Ms: GOAL_P99_MS,
    };
  } finally {
    live?.close();
    await Promise.all(connections.map((client) => client.endAsync(true).catch(() => undefined)));
    if (platform && platform.child.exitCode === null) await platform.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin && databaseUrl) {
      await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
  }
}

const adminUrl = await reachablePostgresUrl();
const only = process.env.MQTT_BENCH_ENGINE as Engine | undefined;
const engines = ((adminUrl ? ['postgres', 'pglite'] : ['pglite']) as Engine[]).filter(
  (engine) => !only || engine === only,
);
if (!adminUrl) console.log('PostgreSQL not reachable: PGlite only');
// A run of one engine keeps the other engine's figures of the last run.
const resultFile = path.join(root, 'bench', 'results', 'mqtt.json');
const previous = fs.existsSync(resultFile)
  ? ((JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { results?: Record<string, object> }).results ?? {})
  : {};
const results: Record<string, object> = { ...previous };
for (const engine of engines) results[engine] = await runEngine(engine, adminUrl);
writeResult('mqtt', {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  results,
});
