// Open data search benchmark (issue #4): CKAN package_search over 10,000 generated datasets with mixed
// Vietnamese queries (with and without diacritics), filters and three facets, at 10 connections, on
// PGlite and on PostgreSQL (DATABASE_URL, else a throwaway database on 127.0.0.1:5432). The baseline is
// /healthz of the same running platform in the same run (goal: p95 ≤ 25 ms on PostgreSQL).
//
// `OPENDATA_BENCH_ENGINE=postgres npm run bench opendata-search` measures one engine only.
//
// The platform starts once with its demo data (agencies, topic groups, licences), stops, gets 10,000
// generated sample datasets by SQL (labelled samples, `is_sample`), and starts again for the measurement.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import {
  createPgliteDatabase,
  createPostgresDatabase,
  type Database,
} from '../server/src/platform/db/database';
import { root, startPlatform, tempDir, writeResult } from './support';

const DATASETS = 10_000;
const CONNECTIONS = 10;
const SECONDS = 10;

const TOPICS = [
  'Dân số',
  'Lao động việc làm',
  'Giáo dục',
  'Y tế',
  'Giao thông',
  'Chất lượng không khí',
  'Du lịch',
  'Nông nghiệp',
  'Đầu tư công',
  'Ngân sách',
  'Trường học',
  'Bệnh viện',
  'Xe buýt',
  'Khách sạn',
  'Thủ tục hành chính',
  'Phản ánh hiện trường',
];
const PLACES = [
  'Hải Châu',
  'Thanh Khê',
  'Sơn Trà',
  'Ngũ Hành Sơn',
  'Liên Chiểu',
  'Cẩm Lệ',
  'Hòa Vang',
  'Hoàng Sa',
];
const FORMATS = ['CSV', 'XLSX', 'JSON', 'GeoJSON', 'PDF'];
const LICENSES = ['cc-by-4.0', 'cc0-1.0', 'odc-odbl'];

// What people type: with and without diacritics, a filter, paging; every request asks for three facets.
const QUERIES = [
  'q=dân số&facet.field=["organization","tags","res_format"]',
  'q=dan so hai chau&facet.field=["organization","tags","res_format"]',
  'q=giao thong&fq=res_format:CSV&facet.field=["organization","tags","res_format"]',
  'q=Chất lượng không khí Sơn Trà&facet.field=["organization","tags","res_format"]',
  'q=benh vien&rows=20&start=20&facet.field=["organization","tags","license_id"]',
  'q=du lich 2024&facet.field=["organization","tags","res_format"]',
  'fq=tags:"Giáo dục"&sort=metadata_modified desc&facet.field=["organization","tags","res_format"]',
  'q=khach san thanh khe&fq=license_id:cc-by-4.0&facet.field=["organization","tags","res_format"]',
].map((query) => `/api/3/action/package_search?${encodeURI(query)}`);

/** 10,000 sample datasets spread over the demo's agencies, topics, places and years, one resource each. */
async function seedDatasets(database: Database): Promise<void> {
  const db = database.db;
  await sql`
    insert into opendata.tags (name) select unnest(${TOPICS}::text[]) on conflict (name) do nothing`.execute(
    db,
  );
  await sql`
    with agencies as (
      select id, name_vi, row_number() over (order by code) - 1 as n, count(*) over () as total
      from platform.agencies where active)
    insert into opendata.datasets
      (name, title, notes, owner_org, org_title, license_id, frequency, is_sample, tags_text, resources_text)
    select 'mau-' || g,
      topic || ' ' || place || ' năm ' || (2015 + g % 12),
      'Dữ liệu mẫu sinh tự động cho đo hiệu năng / generated sample for the benchmark: ' || topic || ', ' || place,
      a.id, a.name_vi, (${LICENSES}::text[])[1 + g % 3], 'ANNUAL', true, topic, topic || '.csv'
    from generate_series(1, ${DATASETS}) g
      cross join lateral (select (${TOPICS}::text[])[1 + g % ${TOPICS.length}] as topic,
                                 (${PLACES}::text[])[1 + (g / ${TOPICS.length}) % ${PLACES.length}] as place) words
      join agencies a on a.n = g % a.total`.execute(db);
  await sql`
    insert into opendata.dataset_tags (dataset_id, tag_id)
    select d.id, t.id from opendata.datasets d join opendata.tags t on t.name = d.tags_text
    where d.name like 'mau-%'`.execute(db);
  await sql`
    insert into opendata.resources (dataset_id, name, url, format, position)
    select d.id, d.tags_text || '.' || lower(f.format), 'https://example.org/' || d.name, f.format, 0
    from opendata.datasets d
      cross join lateral (select (${FORMATS}::text[])[1 + abs(hashtext(d.name)) % ${FORMATS.length}] as format) f
    where d.name like 'mau-%'`.execute(db);
  // What DatasetsRepo.touch() keeps on each row for filters and facets.
  await sql`
    update opendata.datasets d set
      tag_names = array(select t.name from opendata.dataset_tags dt join opendata.tags t on t.id = dt.tag_id
                        where dt.dataset_id = d.id order by t.name),
      res_formats = array(select distinct r.format from opendata.resources r
                          where r.dataset_id = d.id and r.state = 'active' order by r.format)
    where d.name like 'mau-%'`.execute(db);
  // As autovacuum would soon: merges the GIN pending list the bulk insert left (searches scan it linearly).
  await sql`vacuum analyze`.execute(db);
}

interface Engine {
  readonly name: 'pglite' | 'postgres';
  readonly env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

function pgliteEngine(): Engine {
  const dataDir = tempDir('citydx-bench-search-');
  return {
    name: 'pglite',
    env: { DATA_DIR: dataDir },
    open: () => createPgliteDatabase({ dataDir: path.join(dataDir, 'pglite') }),
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine | undefined> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `citydx_bench_search_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    console.log('PostgreSQL not reachable: skipping its run');
    return undefined;
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dataDir = tempDir('citydx-bench-search-pg-');
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: async () => createPostgresDatabase(url.toString(), 4),
    cleanup: async () => {
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function summary(result: autocannon.Result) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: result.latency.p97_5 === undefined ? null : percentile95(result),
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

// autocannon reports p90 and p97.5, not p95: interpolate between them (documented in the output).
function percentile95(result: autocannon.Result): number {
  const { p90, p97_5: p975 } = result.latency;
  return Math.round((p90 + ((p975 - p90) * 5) / 7.5) * 100) / 100;
}

async function measure(engine: Engine) {
  const env = { ...engine.env, JOBS_ENABLED: 'false' };
  const first = await startPlatform({ ...env, DEMO_DATA: 'true' });
  await first.stop();
  const database = await engine.open();
  const seeded = performance.now();
  await seedDatasets(database);
  const seedMs = performance.now() - seeded;
  await database.close();
  const platform = await startPlatform({ ...env, DEMO_DATA: 'false' });
  try {
    const count = (await (await fetch(`${platform.url}/api/3/action/package_search?rows=0`)).json()) as {
      result: { count: number };
    };
    const warm = { url: platform.url, connections: CONNECTIONS, duration: 2 };
    await autocannon({ ...warm, url: `${platform.url}/healthz` });
    const healthz = await autocannon({
      url: `${platform.url}/healthz`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const requests = QUERIES.map((query) => ({ method: 'GET' as const, path: query }));
    await autocannon({ ...warm, requests });
    const search = await autocannon({
      url: platform.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests,
    });
    const result = {
      engine: engine.name,
      datasets: count.result.count,
      seedMs: Math.round(seedMs),
      healthz: summary(healthz),
      packageSearch: summary(search),
      ratioToHealthz: Math.round((search.requests.average / healthz.requests.average) * 1000) / 1000,
    };
    console.log(
      `${engine.name}: package_search over ${result.datasets} datasets, ${CONNECTIONS} connections: ` +
        `${result.packageSearch.requestsPerSecond} req/s, p50 ${result.packageSearch.p50} ms, ` +
        `p95 ${result.packageSearch.p95} ms, p99 ${result.packageSearch.p99} ms ` +
        `(errors ${result.packageSearch.errors}, non-2xx ${result.packageSearch.non2xx}); ` +
        `/healthz ${result.healthz.requestsPerSecond} req/s → ratio ${result.ratioToHealthz}`,
    );
    return result;
  } finally {
    await platform.stop();
  }
}

// The web build is not needed for API calls, but the start script builds it when stale: do it first so
// the timing of the first start is not the build's.
spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web-if-needed.mjs')], { stdio: 'inherit' });

// OPENDATA_BENCH_ENGINE=postgres|pglite runs one engine only (default: both).
const only = process.env.OPENDATA_BENCH_ENGINE;
const engines = [
  only === 'postgres' ? undefined : pgliteEngine(),
  only === 'pglite' ? undefined : await postgresEngine(),
];
const results = [];
for (const engine of engines) {
  if (!engine) continue;
  try {
    results.push(await measure(engine));
  } finally {
    await engine.cleanup();
  }
}
console.log('p95 is interpolated between autocannon’s p90 and p97.5. Goal: p95 ≤ 25 ms on PostgreSQL.');
writeResult('opendata-search', { measuredAt: new Date().toISOString(), results });
