// Feedback benchmarks (issue #3), each against a /healthz baseline measured in the same run:
//  1. Open311 POST requests.json (form-encoded, api_key): requests/s and p99 at 50 connections, on
//     PostgreSQL (DATABASE_URL, else a throwaway database on 127.0.0.1:5432) and on PGlite;
//  2. GET with filters over 1,000,000 stored reports on PostgreSQL: p95 per query.
// The module is served by server/src/modules/feedback/testing/serve.ts in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, root, tempDir, writeResult } from './support';

const CONNECTIONS = 50;
const POST_SECONDS = 15;
const GET_SECONDS = 10;
const GET_CONCURRENCY = 10;
const REPORTS = 1_000_000;
const serveScript = path.join(root, 'server/src/modules/feedback/testing/serve.ts');

interface Served {
  readonly url: string;
  readonly apiKey: string;
  stop(): Promise<void>;
}

async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', serveScript], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      PUBLIC_RATE_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
  });
  const { url, apiKey } = JSON.parse(first) as { url: string; apiKey: string };
  const stop = () =>
    new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  return { url, apiKey, stop };
}

async function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  await autocannon({ ...options, duration: 2 });
  return autocannon(options);
}

function summary(result: autocannon.Result) {
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function postBench(served: Served) {
  const healthz = summary(
    await cannon({ url: `${served.url}/healthz`, connections: CONNECTIONS, duration: POST_SECONDS }),
  );
  const body = new URLSearchParams({
    api_key: served.apiKey,
    service_code: 'giao-thong',
    lat: '16.0678',
    long: '108.2208',
    description: 'Ổ gà lớn giữa đường Bạch Đằng, nguy hiểm cho xe máy (benchmark)',
    email: 'bench@example.vn',
  }).toString();
  const post = summary(
    await cannon({
      url: `${served.url}/open311/v2/requests.json`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
      connections: CONNECTIONS,
      duration: POST_SECONDS,
    }),
  );
  return {
    healthz,
    post,
    ratio: {
      requestsPerSecond: post.requestsPerSecond / healthz.requestsPerSecond,
      p99: post.p99Ms / Math.max(healthz.p99Ms, 1),
    },
  };
}

/** Latencies of `concurrency` clients looping over `url` for `seconds` (autocannon has no p95). */
async function latencies(
  url: string,
  seconds: number,
  concurrency: number,
): Promise<{ p50: number; p95: number; count: number; failed: number }> {
  const samples: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) failed += 1;
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), count: samples.length, failed };
}

/** A million reports over the last year, by SQL in batches (categories and agencies from the demo). */
async function seedReports(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    for (let from = 1; from <= REPORTS; from += 100_000) {
      await client.query(seedSql, [from, Math.min(from + 99_999, REPORTS)]);
    }
    // A table that grew to a million reports over a year has been vacuumed by autovacuum (its insert
    // threshold): without it the visibility map is empty and no count can be an index-only scan.
    await client.query('vacuum (analyze) feedback.reports');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

const seedSql = `
  with categories as (select array_agg(code order by code) as codes from feedback.categories),
       agencies as (select array_agg(distinct agency_id) as ids from feedback.routes where admin_unit_code is null),
       units as (select array_agg(distinct admin_unit_code) as codes from feedback.routes where admin_unit_code is not null)
  insert into feedback.reports (tracking_code, category_code, status, channel, description, latitude, longitude,
    admin_unit_code, agency_id, is_anonymous, received_at, due_at, answered_at, published_at, is_sample, updated_at)
  select 'PA-' || to_char(t, 'YYYY') || '-' || (100000000 + i)::text,
    c.codes[1 + i % array_length(c.codes, 1)],
    (array['received','classified','assigned','in_progress','answered','published','closed','closed','closed','rejected'])[1 + (i * 7) % 10],
    (array['web','phone','zalo','sms','open311'])[1 + i % 5],
    '[Mẫu] Phản ánh sinh tự động số ' || i, 15.96 + (i % 1000) * 0.00015, 108.14 + (i % 997) * 0.00012,
    u.codes[1 + i % array_length(u.codes, 1)], a.ids[1 + i % array_length(a.ids, 1)], true,
    t, t + interval '4 days', case when (i * 7) % 10 >= 4 then t + interval '2 days' end,
    case when (i * 7) % 10 between 5 and 8 then t + interval '3 days' end, true, t + interval '3 days'
  from generate_series($1::int, $2::int) as i, categories c, agencies a, units u,
    lateral (select now() - (i % 525600) * interval '1 minute' as t) as at_`;

async function getBench(served: Served) {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const defaultList = '/open311/v2/requests.json?status=open&service_code=giao-thong';
  // The default page is ~0.5 MB: sending that many bytes is itself a cost, so it is also compared with
  // a prepared body of the same size (serve.ts's /bench/body/<bytes>: no SQL, no presentation).
  const defaultBytes = (await (await fetch(`${served.url}${defaultList}`)).arrayBuffer()).byteLength;
  const queries: Record<string, string> = {
    healthz: '/healthz',
    [`prepared body of the default page's size (${defaultBytes} bytes)`]: `/bench/body/${defaultBytes}`,
    'open311 status=open&service_code (default 90 days, up to 1000)': defaultList,
    'open311 status=closed, two codes, page_size=100':
      '/open311/v2/requests.json?status=closed&service_code=trat-tu-do-thi,ve-sinh-moi-truong&page_size=100',
    'open311 start_date (30 days) & status=open, page_size=100': `/open311/v2/requests.json?start_date=${encodeURIComponent(since)}&status=open&page_size=100`,
    'open311 service_request_id list':
      '/open311/v2/requests.json?service_request_id=PA-2026-100000001,PA-2026-100000002,PA-2026-100500000',
    'board category=giao-thong&status=closed (20 + count)':
      '/api/v1/feedback/board/reports?category=giao-thong&status=closed',
    'board unit & date range (20 + count)': `/api/v1/feedback/board/reports?adminUnitCode=20242&from=${encodeURIComponent(since)}`,
  };
  const results: Record<string, { p50: number; p95: number; count: number; failed: number }> = {};
  for (const [name, pathAndQuery] of Object.entries(queries)) {
    await latencies(`${served.url}${pathAndQuery}`, 2, GET_CONCURRENCY);
    results[name] = await latencies(`${served.url}${pathAndQuery}`, GET_SECONDS, GET_CONCURRENCY);
  }
  return results;
}

async function withPostgres<T>(run: (url: string) => Promise<T>): Promise<T> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `citydx_bench_feedback_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function printPost(label: string, result: Awaited<ReturnType<typeof postBench>>): void {
  const { post, healthz, ratio } = result;
  console.log(
    `${label}: Open311 POST ${post.requestsPerSecond.toFixed(0)} req/s, p50 ${post.p50Ms} ms, p99 ${post.p99Ms} ms (errors ${post.errors}, non-2xx ${post.non2xx})`,
  );
  console.log(
    `${label}: /healthz     ${healthz.requestsPerSecond.toFixed(0)} req/s, p99 ${healthz.p99Ms} ms; ratio POST/healthz: req/s ${ratio.requestsPerSecond.toFixed(3)}, p99 ${ratio.p99.toFixed(1)}×`,
  );
}

// FEEDBACK_BENCH_PARTS=post skips seeding 1,000,000 reports and the GETs (a quick check of a write change).
const withGets = (process.env.FEEDBACK_BENCH_PARTS ?? 'post,get').split(',').includes('get');

// The figures only mean something on a quiet machine: say how busy it was.
const loadAtStart = os.loadavg();
console.log(
  `machine: ${os.cpus().length} CPUs, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`,
);

const postgres = await withPostgres(async (databaseUrl) => {
  const served = await serve({
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    DATA_DIR: tempDir('citydx-bench-fb-pg-'),
  });
  try {
    const posts = await postBench(served);
    printPost('PostgreSQL', posts);
    if (!withGets) return { posts };
    const seconds = await seedReports(databaseUrl);
    console.log(`seeded ${REPORTS.toLocaleString('en')} reports in ${seconds.toFixed(0)} s`);
    const gets = await getBench(served);
    const base = gets.healthz?.p95 ?? 1;
    for (const [name, r] of Object.entries(gets))
      console.log(
        `GET ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.count} requests, ${r.failed} failed; p95 ratio to /healthz ${(r.p95 / base).toFixed(1)}×)`,
      );
    return { posts, gets, seedSeconds: seconds };
  } finally {
    await served.stop();
  }
});

const pgliteDir = tempDir('citydx-bench-fb-pglite-');
const pgliteServed = await serve({ DATA_DIR: pgliteDir });
let pglite: Awaited<ReturnType<typeof postBench>>;
try {
  pglite = await postBench(pgliteServed);
  printPost('PGlite', pglite);
} finally {
  await pgliteServed.stop();
  fs.rmSync(pgliteDir, { recursive: true, force: true });
}

writeResult('feedback', {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAtStart, loadAtEnd: os.loadavg() },
  connections: CONNECTIONS,
  postgres,
  pglite,
});
