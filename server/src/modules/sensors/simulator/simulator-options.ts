import type { ScenarioName } from './scenario';

export interface SimulatorOptions {
  /** Simulated seconds per real second. */
  readonly speed: number;
  /** Real seconds to run; null = until stopped (Ctrl-C). */
  readonly durationSeconds: number | null;
  readonly scenario: ScenarioName;
  /** Real seconds between two rounds of readings. */
  readonly intervalSeconds: number;
  /** Demo cameras that send heartbeats (the last one stops part-way). */
  readonly cameras: number;
  /** Overrides of where the platform is and how to sign in (else from the environment). */
  readonly url: string | null;
  readonly mqttUrl: string | null;
  readonly token: string | null;
}

export const simulatorUsage = `citydx simulate [options]

  Publishes SIMULATED readings (parameters.simulated = true) for the demo stations over MQTT, and
  heartbeats for a few demo cameras, one of which stops (it goes offline).

  --scenario normal|flood   daily cycles only, or rain and a flood crossing the alert thresholds (normal)
  --speed N                 simulated seconds per real second (60: an hour passes in a minute)
  --duration D              how long to run: 90s, 10m, 1h (default: until Ctrl-C)
  --interval S              real seconds between rounds of readings (5)
  --cameras N               demo cameras sending heartbeats, the last one stops (5; 0: none)
  --url URL                 the platform (default PUBLIC_URL)
  --mqtt URL                the MQTT broker (default MQTT_URL, else the embedded broker's port)
  --token TOKEN             an API token of a system administrator or data publisher (default
                            CITYDX_TOKEN, else sign in as ADMIN_EMAIL with ADMIN_PASSWORD or the
                            password file in DATA_DIR)
`;

export class UsageError extends Error {}

/** "90", "90s", "10m", "1h" → seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`--duration: '${text}' is not a duration like 90s, 10m or 1h`);
  const unit = { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

function positive(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new UsageError(`--${name}: '${text}' is not a number between 0 and ${max}`);
  return value;
}

/** Reads the command line after `simulate`. */
export function parseSimulatorArgs(args: readonly string[], env: NodeJS.ProcessEnv): SimulatorOptions {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [arg, undefined];
    const value = inline ?? args[(index += 1)];
    if (!arg.startsWith('--') || value === undefined) throw new UsageError(`cannot read '${arg}'`);
    values.set(name ?? '', value);
  }
  const known = ['scenario', 'speed', 'duration', 'interval', 'cameras', 'url', 'mqtt', 'token'];
  for (const name of values.keys())
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  const scenario = values.get('scenario') ?? 'normal';
  if (scenario !== 'normal' && scenario !== 'flood')
    throw new UsageError(`--scenario: '${scenario}' is not normal or flood`);
  const duration = values.get('duration');
  const cameras = Number(values.get('cameras') ?? 5);
  if (!Number.isInteger(cameras) || cameras < 0 || cameras > 50)
    throw new UsageError('--cameras: a whole number from 0 to 50');
  return {
    scenario,
    speed: positive('speed', values.get('speed') ?? '60', 100_000),
    durationSeconds: duration === undefined ? null : parseDuration(duration),
    intervalSeconds: positive('interval', values.get('interval') ?? '5', 3600),
    cameras,
    url: values.get('url') ?? null,
    mqttUrl: values.get('mqtt') ?? null,
    token: values.get('token') ?? env.CITYDX_TOKEN ?? null,
  };
}
