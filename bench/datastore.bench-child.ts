// One run of bench/datastore.bench.ts in a fresh process (so maxRSS is this run's peak): imports a CSV
// into the DataStore, COPYs it raw into a plain table, and optionally times datastore_search.
// Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import pino from 'pino';
import { createDatastore, type Datastore } from '../server/src/modules/opendata/datastore';
import type { CatalogAccess } from '../server/src/modules/opendata/contracts';
import {
  createPgliteDatabase,
  createPostgresDatabase,
  type Database,
} from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrator';
import { LocalBlobStore } from '../server/src/platform/files/local-blob-store';
import { kernelMigrations } from '../server/src/platform/kernel-catalogue';
import { median, root, tempDir } from './support';

interface Options {
  engine: 'pglite' | 'postgres';
  file: string;
  rows: number;
  search: boolean;
  postgresUrl?: string;
  wards: string[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const REPEATS = 3;
const RAW_COLUMNS = ['ma_ho', 'ten_phuong', 'ngay_cap_nhat', 'dan_so', 'ty_le', 'co_wifi', 'ghi_chu'];

/** Every resource public: the bench measures the DataStore, not the catalog. */
const publicAccess: CatalogAccess = {
  readableResource: async () => ({ packageId: 'bench', isPrivate: false }),
  canEditResource: async () => true,
  readableResourceIds: async () => new Set(['bench-1m']),
};

type Bench = { database: Database; copyRaw: () => Promise<number>; close: () => Promise<void> };

async function openPglite(dir: string): Promise<Bench> {
  const database = await createPgliteDatabase({ dataDir: path.join(dir, 'pglite') });
  return {
    database,
    copyRaw: async () => {
      const blob = await fs.openAsBlob(options.file);
      const started = performance.now();
      await database.pglite.query(`COPY bench_raw FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob,
      });
      return performance.now() - started;
    },
    close: () => database.close(),
  };
}

/** The `Database.withRawClient` the DataStore asks of the kernel, on a pool of the bench's own. */
function rawClients(pool: pg.Pool) {
  return async <T>(fn: (session: { kind: 'postgres'; client: pg.PoolClient }) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await fn({ kind: 'postgres', client });
    } finally {
      client.release();
    }
  };
}

async function openPostgres(): Promise<Bench> {
  const adminUrl = options.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `citydx_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2, options: '-c TimeZone=UTC' });
  const base = createPostgresDatabase(url.toString(), 4);
  const database = { ...base, withRawClient: rawClients(pool) };
  return {
    database,
    copyRaw: async () => {
      const client = await pool.connect();
      try {
        const started = performance.now();
        const copy = client.query(copyFrom(`COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)`));
        await pipeline(fs.createReadStream(options.file), copy);
        return performance.now() - started;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await base.close();
      await pool.end();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

async function migrateAll(database: Database, dir: string): Promise<void> {
  const source = path.join(root, 'server/src/modules/opendata/migrations');
  const own = path.join(dir, 'migrations');
  fs.mkdirSync(own);
  for (const name of fs.readdirSync(source).filter((file) => /_datastore_.*\.sql$/.test(file))) {
    fs.copyFileSync(path.join(source, name), path.join(own, name));
  }
  await migrate(database.db, [...kernelMigrations, { owner: 'opendata', dir: own }]);
  const columns = RAW_COLUMNS.map((column) => `${column} text`).join(', ');
  await sql.raw(`create table bench_raw (${columns})`).execute(database.db);
}

/** Imports the file; returns the milliseconds until the new table was live (swap) and until done. */
async function importFile(datastore: Datastore, blobs: LocalBlobStore, database: Database) {
  const key = `opendata/bench-1m/${Date.now()}.csv`;
  await blobs.put(key, fs.createReadStream(options.file), 'text/csv');
  const started = performance.now();
  await datastore.hooks.resourceFileStored({
    id: 'bench-1m',
    blobKey: key,
    format: 'csv',
    mimeType: 'text/csv',
  });
  await datastore.jobs[0]?.run();
  const totalMs = performance.now() - started;
  const load = await sql<{ status: string; rows_done: number; swapped_ms: number }>`
    select status, rows_done, extract(epoch from swapped_at - created_at) * 1000 as swapped_ms
    from opendata.datastore_loads order by created_at desc limit 1`.execute(database.db);
  const row = load.rows[0];
  if (row?.status !== 'succeeded' || Number(row.rows_done) !== options.rows)
    throw new Error(`load ${JSON.stringify(row)}`);
  return { totalMs, liveMs: Number(row.swapped_ms) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timeSearches(
  datastore: Datastore,
  runs: number,
  params: (run: number) => Record<string, unknown>,
  warmups = 10,
) {
  const action = datastore.actions.find((candidate) => candidate.name === 'datastore_search');
  if (!action) throw new Error('no datastore_search');
  const request = { url: '/api/3/action/datastore_search' } as FastifyRequest;
  const durations: number[] = [];
  let total = 0;
  for (let run = -warmups; run < runs; run += 1) {
    const started = performance.now();
    const result = (await action.handle({
      params: { resource_id: 'bench-1m', ...params(run) },
      principal: null,
      request,
      baseUrl: '',
      files: [],
    })) as { total: number };
    if (run >= 0) durations.push(performance.now() - started);
    total = result.total;
  }
  return {
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    p99: percentile(durations, 99),
    total,
  };
}

async function searchFigures(datastore: Datastore) {
  const filtered = await timeSearches(datastore, 300, (run) => ({
    filters: { ten_phuong: options.wards[Math.abs(run) % options.wards.length] },
    limit: 100,
  }));
  const unfiltered = await timeSearches(datastore, 100, () => ({ limit: 100 }));
  const q = await timeSearches(datastore, 3, () => ({ q: 'hoa khanh', limit: 100 }), 1);
  const qFiltered = await timeSearches(datastore, 50, (run) => ({
    q: `ho so ${Math.abs(run) + 1}`,
    filters: { ten_phuong: options.wards[Math.abs(run) % options.wards.length] },
    limit: 100,
  }));
  return {
    searchRuns: 300,
    matchingRows: filtered.total,
    searchP50: filtered.p50,
    searchP95: filtered.p95,
    searchP99: filtered.p99,
    unfilteredP95: unfiltered.p95,
    qMedian: q.p50,
    qFilteredP95: qFiltered.p95,
  };
}

const dir = tempDir('citydx-bench-datastore-child-');
const bench = options.engine === 'pglite' ? await openPglite(dir) : await openPostgres();
try {
  await migrateAll(bench.database, dir);
  const blobs = new LocalBlobStore(path.join(dir, 'blobs'));
  const deps = {
    db: bench.database.db,
    database: bench.database,
    blobs,
    logger: pino({ level: 'warn' }),
    access: publicAccess,
  };
  const dataOnly = createDatastore({ ...deps, tuning: { autoIndexMinRows: Number.MAX_SAFE_INTEGER } });
  const rssBefore = process.memoryUsage().rss;
  // The machine may be shared: repeat and compare medians. All imports first, so that the peak memory
  // read afterwards is theirs (PGlite's raw COPY reads the whole file into memory).
  const imports: { liveMs: number; totalMs: number }[] = [];
  for (let run = 0; run < REPEATS; run += 1) imports.push(await importFile(dataOnly, blobs, bench.database));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const raws: number[] = [];
  for (let run = 0; run < REPEATS; run += 1) {
    await sql`truncate bench_raw`.execute(bench.database.db);
    raws.push(await bench.copyRaw());
  }
  const liveMs = median(imports.map((entry) => entry.liveMs));
  const importMs = median(imports.map((entry) => entry.totalMs));
  const rawCopyMs = median(raws);
  const result: Record<string, number | string | boolean> = {
    engine: options.engine,
    rows: options.rows,
    repeats: REPEATS,
    liveMs,
    importMs,
    importRowsPerSecond: options.rows / (liveMs / 1000),
    rawCopyMs,
    ratioToRawCopy: rawCopyMs / liveMs,
    ratioToRawCopyWithVacuum: rawCopyMs / importMs,
    rssBefore,
    peakRss,
    imports: JSON.stringify(imports.map((entry) => Math.round(entry.liveMs))),
    raws: JSON.stringify(raws.map(Math.round)),
  };
  if (options.search) {
    // The guard against unfiltered q on big PGlite tables is lifted to measure what it guards against.
    const indexed = createDatastore({
      ...deps,
      tuning: { maxUnfilteredTextScanRows: Number.POSITIVE_INFINITY },
    });
    result.indexedImportMs = (await importFile(indexed, blobs, bench.database)).totalMs;
    Object.assign(result, await searchFigures(indexed));
  }
  console.log(JSON.stringify(result));
} finally {
  await bench.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
