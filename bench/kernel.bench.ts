// Kernel benchmarks (issue #2):
//  1. cold start to ready on PGlite, fresh data dir and warm restart, median of 5, as a ratio to the
//     time a bare PGlite takes to boot in a fresh process (the floor we cannot go under);
//  2. /healthz requests/s and p50/p99 with autocannon at 10 connections: the baseline every later
//     benchmark divides by.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { median, root, startPlatform, tempDir, writeResult } from './support';

const RUNS = 5;

function barePgliteBootMs(): number {
  const script = `
    const t = performance.now();
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: process.argv[1] });
    await db.query('select 1');
    process.stdout.write(String(performance.now() - t));
    await db.close();`;
  const dir = tempDir('citydx-bench-bare-');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], {
    cwd: root,
    encoding: 'utf8',
  });
  const total = performance.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(result.stderr);
  return total;
}

async function coldStarts(): Promise<{ fresh: number[]; warm: number[]; bare: number[] }> {
  const fresh: number[] = [];
  const warm: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    bare.push(barePgliteBootMs());
    const dataDir = tempDir('citydx-bench-start-');
    const first = await startPlatform({ DATA_DIR: dataDir });
    fresh.push(first.readyMs);
    await first.stop();
    const second = await startPlatform({ DATA_DIR: dataDir });
    warm.push(second.readyMs);
    await second.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { fresh, warm, bare };
}

async function healthz(): Promise<autocannon.Result> {
  const dataDir = tempDir('citydx-bench-healthz-');
  const platform = await startPlatform({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' });
  try {
    await autocannon({ url: `${platform.url}/healthz`, connections: 10, duration: 2 });
    return await autocannon({ url: `${platform.url}/healthz`, connections: 10, duration: 10 });
  } finally {
    await platform.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const starts = await coldStarts();
const bareMs = median(starts.bare);
const freshMs = median(starts.fresh);
const warmMs = median(starts.warm);
console.log(
  `cold start, fresh data dir (migrate + demo data): median ${freshMs.toFixed(0)} ms of ${RUNS} (ratio to bare PGlite boot ${(freshMs / bareMs).toFixed(2)})`,
);
console.log(
  `cold start, warm restart:                          median ${warmMs.toFixed(0)} ms of ${RUNS} (ratio to bare PGlite boot ${(warmMs / bareMs).toFixed(2)})`,
);
console.log(`baseline, bare PGlite boot in a fresh process:    median ${bareMs.toFixed(0)} ms`);

const result = await healthz();
console.log(
  `/healthz at 10 connections: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (errors ${result.errors}, non-2xx ${result.non2xx})`,
);
console.log('  (this is the baseline later benchmarks divide by)');

writeResult('kernel', {
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  coldStart: {
    runs: RUNS,
    freshMedianMs: freshMs,
    warmMedianMs: warmMs,
    barePgliteMedianMs: bareMs,
    fresh: starts.fresh,
    warm: starts.warm,
  },
  healthz: {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  },
});
