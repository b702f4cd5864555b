import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import mqtt, { type MqttClient } from 'mqtt';
import type { Config } from '../../../platform/config';
import { PlatformClient } from './platform-client';
import { knownQuantity, reading, stationFactor, type Moment } from './scenario';
import type { SimulatorOptions } from './simulator-options';

/** How often the simulated cameras say they are alive (real seconds; the registry's minimum is 5). */
const CAMERA_HEARTBEAT_SECONDS = 10;
/** When the last camera falls silent (real seconds), unless the run is shorter. */
const CAMERA_STOPS_AFTER_SECONDS = 60;

interface SimulatedStream {
  readonly id: number;
  readonly quantity: string;
  readonly station: number;
}

interface SimulatedCamera {
  readonly id: string;
  readonly name: string;
  readonly token: string;
}

export interface SimulatorSummary {
  readonly rounds: number;
  readonly observations: number;
  readonly heartbeats: number;
  readonly streams: number;
  /** The camera that stopped sending heartbeats, if the run lasted long enough. */
  readonly stoppedCamera: string | null;
}

type Log = (line: string) => void;

async function apiToken(options: SimulatorOptions, config: Config, baseUrl: string): Promise<string> {
  if (options.token) return options.token;
  const password =
    config.admin.password ?? (await fs.readFile(config.admin.passwordFile, 'utf8').catch(() => '')).trim();
  if (!password)
    throw new Error(
      `no credentials: pass --token (or CITYDX_TOKEN), set ADMIN_PASSWORD, or run where ${config.admin.passwordFile} exists`,
    );
  return PlatformClient.tokenFor(baseUrl, { email: config.admin.email, password }, 'citydx simulate', 24);
}

/** The demo datastreams (labelled samples) whose quantity the simulator knows. */
async function demoStreams(client: PlatformClient): Promise<SimulatedStream[]> {
  // encodeURIComponent, not URLSearchParams: OData reads '+' literally, a space must be %20.
  const query = Object.entries({
    $filter: 'properties/isSample eq true',
    $select: 'id',
    $expand: 'ObservedProperty($select=name),Thing($select=id)',
    $top: '10000',
  })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  const answer = await client.get<{
    value: { '@iot.id': number; ObservedProperty?: { name: string }; Thing?: { '@iot.id': number } }[];
  }>(`/sta/v1.1/Datastreams?${query}`);
  return answer.value
    .filter((stream) => stream.ObservedProperty && knownQuantity(stream.ObservedProperty.name))
    .map((stream) => ({
      id: stream['@iot.id'],
      quantity: stream.ObservedProperty?.name ?? '',
      station: stationFactor(stream.Thing?.['@iot.id'] ?? stream['@iot.id']),
    }));
}

/** A few demo traffic cameras, given a fresh token each and watched by heartbeats. */
async function demoCameras(client: PlatformClient, count: number): Promise<SimulatedCamera[]> {
  if (count === 0) return [];
  const list = await client.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/sensors/devices?type=traffic_camera&isSample=true&limit=${count}`,
  );
  const cameras: SimulatedCamera[] = [];
  for (const camera of list.items) {
    const { token } = await client.send<{ token: string }>(
      'POST',
      `/api/v1/sensors/devices/${camera.id}/token`,
    );
    await client.send('PATCH', `/api/v1/sensors/devices/${camera.id}`, {
      monitored: true,
      heartbeatIntervalSeconds: CAMERA_HEARTBEAT_SECONDS,
    });
    cameras.push({ id: camera.id, name: camera.name, token });
  }
  return cameras;
}

function brokerUrl(options: SimulatorOptions, config: Config): string {
  if (options.mqttUrl) return options.mqttUrl;
  if (config.mqtt.url) return config.mqtt.url;
  if (config.mqtt.embeddedPort === 0)
    throw new Error('MQTT_EMBEDDED_PORT is 0: the embedded broker has no port to connect to (pass --mqtt)');
  return `mqtt://127.0.0.1:${config.mqtt.embeddedPort}`;
}

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * `citydx simulate`: publishes simulated readings for the demo datastreams over MQTT (STA topics,
 * `parameters.simulated = true`) every `intervalSeconds`, on a clock running `speed` times real time,
 * and heartbeats for a few demo cameras, the last of which stops (the status job turns it offline).
 * Runs until `durationSeconds` or until `signal` aborts.
 */
export async function runSimulator(
  options: SimulatorOptions,
  config: Config,
  log: Log,
  signal: AbortSignal = new AbortController().signal,
): Promise<SimulatorSummary> {
  const baseUrl = (options.url ?? config.publicUrl).replace(/\/$/, '');
  const token = await apiToken(options, config, baseUrl);
  const client = new PlatformClient(baseUrl, token);
  const streams = await demoStreams(client);
  if (streams.length === 0)
    throw new Error(
      'no demo stations found: start the platform with its demo data (DEMO_DATA=true, the default)',
    );
  const cameras = await demoCameras(client, options.cameras);
  const url = brokerUrl(options, config);
  const broker: MqttClient = await mqtt.connectAsync(url, {
    clientId: `citydx-simulator-${crypto.randomBytes(4).toString('hex')}`,
    username: 'citydx-simulator',
    password: token,
    protocolVersion: 4,
    reconnectPeriod: 1000,
  });
  broker.on('error', (error) => log(`MQTT: ${error.message}`));
  log(
    `simulating ${streams.length} demo datastreams and ${cameras.length} cameras on ${url}: scenario ` +
      `${options.scenario}, ${options.speed}x, ${options.durationSeconds ? `${options.durationSeconds} s` : 'until Ctrl-C'}`,
  );
  log('every reading carries parameters.simulated = true (SIMULATED DATA, not a real station)');

  const started = Date.now();
  const stopAt = options.durationSeconds === null ? Infinity : started + options.durationSeconds * 1000;
  const run = new AbortController();
  const stop = () => run.abort();
  signal.addEventListener('abort', stop, { once: true });
  const timer = Number.isFinite(stopAt) ? setTimeout(stop, stopAt - started) : undefined;
  const cameraStopsAt =
    started + Math.min(CAMERA_STOPS_AFTER_SECONDS, (options.durationSeconds ?? Infinity) / 3) * 1000;
  let observations = 0;
  let heartbeats = 0;
  let rounds = 0;
  let stoppedCamera: string | null = null;

  const beat = async () => {
    while (!run.signal.aborted) {
      const silent =
        cameras.length > 0 && Date.now() >= cameraStopsAt ? cameras[cameras.length - 1] : undefined;
      if (silent && stoppedCamera === null) {
        stoppedCamera = silent.name;
        log(`camera "${silent.name}" stops sending heartbeats: it will be marked offline`);
      }
      const beating = cameras.filter((camera) => camera !== silent);
      await Promise.all(
        beating.map((camera) =>
          broker.publishAsync(
            `citydx/devices/${camera.id}/heartbeat`,
            JSON.stringify({ token: camera.token }),
            {
              qos: 1,
            },
          ),
        ),
      );
      heartbeats += beating.length;
      await sleep(CAMERA_HEARTBEAT_SECONDS * 1000, run.signal);
    }
  };

  const publishRound = async () => {
    const now = new Date();
    const hours = ((now.getTime() - started) * options.speed) / 3_600_000;
    const moment: Moment = {
      scenario: options.scenario,
      time: new Date(started + hours * 3_600_000),
      hours,
    };
    const values = streams.map((stream) => ({
      stream,
      value: reading(stream.quantity, moment, stream.station, Math.random()),
    }));
    await Promise.all(
      values.map(({ stream, value }) =>
        broker.publishAsync(
          `v1.1/Datastreams(${stream.id})/Observations`,
          JSON.stringify({
            phenomenonTime: now.toISOString(),
            resultTime: now.toISOString(),
            result: value,
            parameters: {
              simulated: true,
              scenario: options.scenario,
              simulatedTime: moment.time.toISOString(),
            },
          }),
          { qos: 1 },
        ),
      ),
    );
    observations += values.length;
    rounds += 1;
    const max = (quantity: string) =>
      Math.max(...values.filter((v) => v.stream.quantity === quantity).map((v) => v.value), 0);
    log(
      `${moment.time.toISOString().slice(0, 16)}Z simulated (+${hours.toFixed(1)} h): ${values.length} readings; ` +
        `water level max ${max('waterLevel').toFixed(2)} m, rain max ${max('precipitation').toFixed(1)} mm, ` +
        `PM2.5 max ${max('pm25').toFixed(0)} µg/m³`,
    );
  };

  const heartbeatLoop = beat();
  try {
    while (!run.signal.aborted) {
      await publishRound();
      await sleep(options.intervalSeconds * 1000, run.signal);
    }
  } finally {
    stop();
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    await heartbeatLoop.catch(() => {});
    await broker.endAsync();
  }
  return { rounds, observations, heartbeats, streams: streams.length, stoppedCamera };
}
