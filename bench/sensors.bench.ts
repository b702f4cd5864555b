// Sensors benchmarks (issue #5), on PostgreSQL (DATABASE_URL, else 127.0.0.1:5432) and on PGlite:
//  a. HTTP CreateObservations, 1,000 observations a request from 4 clients: observations/s, and the ratio
//     to a raw COPY of the same rows into a plain table in the same run (goals: ≥ 50,000/s and ≥ 0.4 on
//     PostgreSQL; ≥ 10,000/s on PGlite), and to a COPY into a table keyed and indexed like
//     sensors.observations (what the schema alone costs; the COPYs take the median of three runs);
//  b. GET /api/v1/sensors/datastreams/{id}/aggregate, hourly average over one day, from 10,000,000 stored
//     observations (generate_series straight into the tables, then the rollup job): p50/p95 (goal p95 ≤
//     100 ms), beside the same day computed from the raw partitions. PGlite gets 1,000,000 observations:
//     10M rows in a WebAssembly heap take tens of minutes to generate and index.
// The server runs in a child process (`citydx start`), the clients and the COPY in this one.
// SENSORS_BENCH_ENGINE=postgres|pglite runs one engine; SENSORS_BENCH_PARTS=ingest|aggregate one part;
// SENSORS_BENCH_PROFILE=<dir> writes the server's CPU profile (node --cpu-prof) there.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runRollup } from '../server/src/modules/sensors/aggregates/rollup.job';
import { createPgliteDatabase, createPostgresDatabase } from '../server/src/platform/db/database';
import {
  adminToken,
  createDatastreams,
  MEASUREMENT,
  median,
  percentile,
  reachablePostgresUrl,
  root,
  startPlatform,
  tempDir,
  writeResult,
  type MeasuredQuantity,
  type RunningPlatform,
} from './support';

const pm25: MeasuredQuantity = {
  label: 'PM2.5',
  unit: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'ucum:ug/m3' },
  property: { name: 'pm25', definition: 'https://smartdatamodels.org/pm25', description: 'PM2.5' },
};

const CLIENTS = 4;
const ROWS_PER_REQUEST = 1000;
const REQUESTS_PER_CLIENT = { postgres: 50, pglite: 15 } as const;
const STORED = { postgres: 10_000_000, pglite: 1_000_000 } as const;
const STORED_DATASTREAMS = 1000;
const QUERY_RUNS = 200;
const HOUR_MS = 3600_000;

type Engine = 'postgres' | 'pglite';
type Part = 'ingest' | 'aggregate';
const parts: Part[] = process.env.SENSORS_BENCH_PARTS
  ? (process.env.SENSORS_BENCH_PARTS.split(',') as Part[])
  : ['ingest', 'aggregate'];

/** The rows of one request: 1,000 observations over 10 datastreams, seconds apart, in the past hour. */
function requestRows(
  datastreams: readonly number[],
  request: number,
): { id: number; rows: [string, number][] }[] {
  const perStream = ROWS_PER_REQUEST / 10;
  const base = Date.now() - HOUR_MS;
  return Array.from({ length: 10 }, (_, index) => ({
    id: datastreams[(request * 10 + index) % datastreams.length] ?? 0,
    rows: Array.from({ length: perStream }, (_, row): [string, number] => [
      new Date(base + (request * perStream + row) * 10).toISOString(),
      Math.round(Math.random() * 1000) / 10,
    ]),
  }));
}

async function ingest(url: string, token: string, datastreams: number[], engine: Engine) {
  const perClient = REQUESTS_PER_CLIENT[engine];
  const bodies = Array.from({ length: CLIENTS * perClient }, (_, request) =>
    JSON.stringify(
      requestRows(datastreams, request).map((block) => ({
        Datastream: { '@iot.id': block.id },
        components: ['phenomenonTime', 'result'],
        dataArray: block.rows,
      })),
    ),
  );
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const send = async (body: string) => {
    const response = await fetch(`${url}/sta/v1.1/CreateObservations`, { method: 'POST', headers, body });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  await send(bodies[0] ?? ''); // warm-up (not counted)
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let request = 1; request < perClient; request += 1)
        await send(bodies[client * perClient + request] ?? '');
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const observations = CLIENTS * (perClient - 1) * ROWS_PER_REQUEST;
  const csv = bodies
    .slice(1)
    .flatMap((body) =>
      (JSON.parse(body) as { Datastream: { '@iot.id': number }; dataArray: [string, number][] }[]).flatMap(
        (block) =>
          block.dataArray.map(([time, value]) => `${block.Datastream['@iot.id']},${time},${value}\n`),
      ),
    )
    .join('');
  return { observationsPerSecond: observations / seconds, observations, csv };
}

// The issue's baseline: the rows into a plain table (no key, no index).
const PLAIN_TABLE =
  'create table bench_copy (datastream_id bigint, phenomenon_time timestamptz, result_number float8)';
// A second reference, the schema's own ceiling: the same rows into a table partitioned, keyed and
// indexed like sensors.observations (identity id, primary key (id, phenomenon_time), an index on
// (datastream_id, phenomenon_time desc) and one on feature_of_interest_id), without the service.
const INDEXED_TABLE = `create table bench_copy (id bigint generated always as identity, datastream_id bigint not null,
    phenomenon_time timestamptz not null, result_number float8, feature_of_interest_id bigint not null default 1,
    primary key (id, phenomenon_time)) partition by range (phenomenon_time);
  create table bench_copy_default partition of bench_copy default;
  create index on bench_copy (datastream_id, phenomenon_time desc);
  create index on bench_copy (feature_of_interest_id)`;
const COPY_COLUMNS = 'bench_copy (datastream_id, phenomenon_time, result_number)';

async function copyPostgres(adminUrl: string, csv: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('drop table if exists bench_copy');
    await client.query(table);
    const started = performance.now();
    await pipeline(
      Readable.from([csv]),
      client.query(copyFrom(`COPY ${COPY_COLUMNS} FROM STDIN WITH (FORMAT csv)`)),
    );
    const ms = performance.now() - started;
    await client.query('drop table bench_copy');
    return ms;
  } finally {
    await client.end();
  }
}

async function copyPglite(csv: string, table: string): Promise<number> {
  const db = await PGlite.create();
  await db.exec(table);
  const started = performance.now();
  await db.query(`COPY ${COPY_COLUMNS} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
  const ms = performance.now() - started;
  await db.close();
  return ms;
}

/** Observations a second for a COPY of `csv` into `table`: the median of three runs (each is short). */
async function copyRate(
  engine: Engine,
  databaseUrl: string | undefined,
  csv: string,
  rows: number,
  table: string,
): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < 3; run += 1)
    runs.push(
      engine === 'postgres' && databaseUrl
        ? await copyPostgres(databaseUrl, csv, table)
        : await copyPglite(csv, table),
    );
  return rows / (median(runs) / 1000);
}

/** Stored observations straight into the partitions, then the rollup job over them. */
async function generateStored(
  db: Kysely<unknown>,
  engine: Engine,
): Promise<{ datastreams: number[]; end: Date }> {
  const perStream = STORED[engine] / STORED_DATASTREAMS;
  // 21 days of readings whatever the count (3 minutes apart for PostgreSQL's 10M, 30 for PGlite's 1M):
  // the queried days reach 16 days back, across the current and often the last month's partitions.
  const stepSeconds = Math.floor((21 * 24 * 3600) / perStream);
  const end = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS);
  const { rows } = await sql<{ id: number }>`
    insert into sensors.datastreams (name, description, observation_type, unit_of_measurement, thing_id, sensor_id,
      observed_property_id)
    select 'Stored ' || g, 'bench', ${MEASUREMENT}, '{"symbol":"µg/m³"}'::jsonb, d.thing_id, d.sensor_id, d.observed_property_id
    from generate_series(1, ${STORED_DATASTREAMS}::int) g, (select * from sensors.datastreams limit 1) d
    returning id`.execute(db);
  const ids = rows.map((row) => Number(row.id));
  const feature = await sql<{ id: number }>`select min(id) as id from sensors.features_of_interest`.execute(
    db,
  );
  const foi = Number(feature.rows[0]?.id);
  const started = performance.now();
  for (let start = 0; start < ids.length; start += 100) {
    const batch = ids.slice(start, start + 100);
    await sql`insert into sensors.observations (datastream_id, phenomenon_time, result_number, feature_of_interest_id)
      select ds, ${end.toISOString()}::timestamptz - make_interval(secs => ${stepSeconds} * s), (s % 500) / 10.0, ${foi}::bigint
      from unnest(${`{${batch.join(',')}}`}::bigint[]) ds, generate_series(1, ${perStream}::int) s`.execute(
      db,
    );
  }
  await sql`update sensors.datastreams set phenomenon_time_start = ${end.toISOString()}::timestamptz - make_interval(secs => ${stepSeconds * perStream})
    where id in (select unnest(${`{${ids.join(',')}}`}::bigint[]))`.execute(db);
  await sql`analyze sensors.observations`.execute(db);
  console.log(
    `  generated ${STORED[engine].toLocaleString('en')} observations in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const rolled = performance.now();
  await runRollup(db, { graceMs: 0, hoursPerTransaction: 24, maxTransactions: 1000, dirtyBatch: 10_000 });
  console.log(`  rolled up in ${((performance.now() - rolled) / 1000).toFixed(0)} s`);
  return { datastreams: ids, end };
}

async function timeAggregates(url: string, datastreams: number[], end: Date) {
  const durations: number[] = [];
  for (let run = 0; run < QUERY_RUNS + 10; run += 1) {
    const id = datastreams[(run * 37) % datastreams.length];
    const dayEnd = new Date(end.getTime() - ((run % 15) + 1) * 24 * HOUR_MS);
    const from = new Date(dayEnd.getTime() - 24 * HOUR_MS).toISOString();
    const started = performance.now();
    const response = await fetch(
      `${url}/api/v1/sensors/datastreams/${id}/aggregate?interval=1h&fn=avg&from=${from}&to=${dayEnd.toISOString()}`,
    );
    const body = (await response.json()) as { points: unknown[] };
    if (response.status !== 200 || body.points.length !== 24) throw new Error(JSON.stringify(body));
    if (run >= 10) durations.push(performance.now() - started);
  }
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

async function timeRawDay(db: Kysely<unknown>, datastreams: number[], end: Date): Promise<number[]> {
  const durations: number[] = [];
  for (let run = 0; run < 50; run += 1) {
    const id = datastreams[(run * 37) % datastreams.length] ?? 0;
    const dayEnd = new Date(end.getTime() - ((run % 15) + 1) * 24 * HOUR_MS);
    const started = performance.now();
    await sql`select date_bin('1 hour', phenomenon_time, timestamptz '2000-01-01T00:00:00+07:00'), avg(result_number)
      from sensors.observations where datastream_id = ${id}::bigint
        and phenomenon_time >= ${new Date(dayEnd.getTime() - 24 * HOUR_MS).toISOString()}::timestamptz
        and phenomenon_time < ${dayEnd.toISOString()}::timestamptz group by 1`.execute(db);
    durations.push(performance.now() - started);
  }
  return durations;
}

async function runEngine(engine: Engine, adminUrl: string | undefined) {
  console.log(`\n--- ${engine} ---`);
  const dataDir = tempDir('citydx-bench-sensors-');
  let databaseUrl: string | undefined;
  let admin: pg.Client | undefined;
  if (engine === 'postgres' && adminUrl) {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const name = `citydx_bench_sensors_${process.pid}`;
    await admin.query(`create database ${name}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
  }
  const profileDir = process.env.SENSORS_BENCH_PROFILE;
  const env = {
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  let platform: RunningPlatform | undefined = await startPlatform(env, nodeArgs);
  try {
    const token = await adminToken(platform.url, 'bench');
    const datastreams = await createDatastreams(platform.url, token, 40, pm25);
    const result: Record<string, number> = {};
    if (parts.includes('ingest')) {
      const load = os.loadavg()[0] ?? 0;
      const ingested = await ingest(platform.url, token, datastreams, engine);
      const copyPerSecond = await copyRate(
        engine,
        databaseUrl,
        ingested.csv,
        ingested.observations,
        PLAIN_TABLE,
      );
      const indexedPerSecond = await copyRate(
        engine,
        databaseUrl,
        ingested.csv,
        ingested.observations,
        INDEXED_TABLE,
      );
      const rate = ingested.observationsPerSecond;
      console.log(
        `CreateObservations over HTTP, ${CLIENTS} clients × 1,000 rows/request: ${rate.toFixed(0)} observations/s ` +
          `(load average ${load.toFixed(1)} on ${os.cpus().length} cores)\n` +
          `  raw COPY of the same ${ingested.observations.toLocaleString('en')} rows into a plain table: ${copyPerSecond.toFixed(0)}/s; ratio ${(rate / copyPerSecond).toFixed(2)}\n` +
          `  raw COPY into a table keyed and indexed like sensors.observations: ${indexedPerSecond.toFixed(0)}/s; ratio ${(rate / indexedPerSecond).toFixed(2)}`,
      );
      Object.assign(result, {
        ingestObservationsPerSecond: ingested.observationsPerSecond,
        rawCopyPerSecond: copyPerSecond,
        ratioToCopy: ingested.observationsPerSecond / copyPerSecond,
        rawIndexedCopyPerSecond: indexedPerSecond,
        ratioToIndexedCopy: ingested.observationsPerSecond / indexedPerSecond,
        loadAverage: load,
      });
    }
    if (parts.includes('aggregate')) {
      // b. The stored observations: on PGlite the child owns the data directory, so it stops meanwhile.
      let database;
      if (engine === 'pglite') {
        await platform.stop();
        platform = undefined;
        database = await createPgliteDatabase({ dataDir: path.join(dataDir, 'pglite') });
      } else database = createPostgresDatabase(databaseUrl ?? '', 4);
      const stored = await generateStored(database.db, engine);
      const raw = await timeRawDay(database.db, stored.datastreams, stored.end);
      await database.close();
      platform ??= await startPlatform(env, nodeArgs);
      const timed = await timeAggregates(platform.url, stored.datastreams, stored.end);
      console.log(
        `aggregate, hourly avg over one day (${STORED[engine].toLocaleString('en')} stored), ${QUERY_RUNS} requests: p50 ${timed.p50.toFixed(1)} ms, ` +
          `p95 ${timed.p95.toFixed(1)} ms (same day from raw partitions, SQL only: median ${median(raw).toFixed(1)} ms, p95 ${percentile(raw, 95).toFixed(1)} ms)`,
      );
      Object.assign(result, {
        stored: STORED[engine],
        aggregateP50: timed.p50,
        aggregateP95: timed.p95,
        rawDayMedian: median(raw),
      });
    }
    return result;
  } finally {
    // A child that already exited would never report its exit again.
    if (platform && platform.child.exitCode === null) await platform.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin && databaseUrl) {
      await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
  }
}

const adminUrl = await reachablePostgresUrl();
const only = process.env.SENSORS_BENCH_ENGINE as Engine | undefined;
const engines: Engine[] = (adminUrl ? ['postgres', 'pglite'] : ['pglite']).filter(
  (engine) => !only || engine === only,
) as Engine[];
if (!adminUrl) console.log('PostgreSQL not reachable: PGlite only');
// A run of one engine or part keeps the other figures of the last full run.
const resultFile = path.join(root, 'bench', 'results', 'sensors.json');
const previous = fs.existsSync(resultFile)
  ? ((JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { results?: Record<string, object> }).results ?? {})
  : {};
const results: Record<string, object> = { ...previous };
for (const engine of engines)
  results[engine] = { ...results[engine], ...(await runEngine(engine, adminUrl)) };
writeResult('sensors', {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  results,
});
