import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface RunningPlatform {
  readonly url: string;
  readonly child: ChildProcess;
  readonly readyMs: number;
  stop(): Promise<void>;
}

/**
 * Starts `citydx start` in a child process and measures the time until /readyz answers 200.
 * `nodeArgs` go to the child's node (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow).
 */
export async function startPlatform(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<RunningPlatform> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(root, 'server/src/main.ts'), 'start'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ADMIN_PASSWORD: 'bench-admin-password',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (;;) {
    if (child.exitCode !== null) throw new Error(`citydx exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    child,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function writeResult(name: string, result: unknown): void {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The p-th percentile (nearest rank) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** DATABASE_URL (else the local server) when PostgreSQL answers; undefined when it does not. */
export async function reachablePostgresUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) of a process from /proc (Linux), or undefined when it is gone. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state: utime and stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/** An API token of the first administrator (`startPlatform` sets its password). */
export async function adminToken(url: string, name: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@citydx.local', password: 'bench-admin-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name }),
  });
  return ((await created.json()) as { token: string }).token;
}

export const MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';

/** What the benchmark's datastreams measure. */
export interface MeasuredQuantity {
  readonly label: string;
  readonly unit: { readonly name: string; readonly symbol: string; readonly definition: string };
  readonly property: { readonly name: string; readonly definition: string; readonly description: string };
}

/** A SensorThings Thing with a Location and `count` measurement datastreams (one deep insert); their ids, ascending. */
export async function createDatastreams(
  url: string,
  token: string,
  count: number,
  measured: MeasuredQuantity,
): Promise<number[]> {
  const thing = await fetch(`${url}/sta/v1.1/Things`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name: `Trạm đo tải ${measured.label}`,
      description: 'Benchmark',
      Locations: [
        {
          name: 'Đà Nẵng',
          description: 'bench',
          encodingType: 'application/geo+json',
          location: { type: 'Point', coordinates: [108.2, 16.05] },
        },
      ],
      Datastreams: Array.from({ length: count }, (_, index) => ({
        name: `${measured.label} ${index}`,
        description: 'bench',
        observationType: MEASUREMENT,
        unitOfMeasurement: measured.unit,
        Sensor: { name: 'S', description: 'S', encodingType: 'text/html', metadata: 'x' },
        ObservedProperty: measured.property,
      })),
    }),
  });
  if (thing.status !== 201) throw new Error(await thing.text());
  const location = thing.headers.get('location') ?? '';
  const listed = (await (await fetch(`${location}/Datastreams?$select=id&$top=10000`)).json()) as {
    value: { '@iot.id': number }[];
  };
  return listed.value.map((d) => d['@iot.id']).sort((a, b) => a - b);
}
