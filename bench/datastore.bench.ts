// DataStore benchmarks (issue #4), on PGlite and on PostgreSQL (DATABASE_URL, else 127.0.0.1:5432):
//  1. CSV → DataStore import of a generated 1,000,000-row Vietnamese CSV: rows/s, and the ratio to a raw
//     COPY of the same file into a plain table (text columns: PostgreSQL cannot read "1.234.567" or
//     "23/11/2026" itself) in the same process (goal ≥ 0.5);
//  2. peak memory of the import (maxRSS of a fresh process) for 250k and 1M rows: flat means equal;
//  3. datastore_search with a filter and limit 100 on the 1M-row table: p50/p95/p99 (goal p95 ≤ 30 ms).
// Each (engine, size) runs in a child process so that its peak memory is its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, tempDir, writeResult } from './support';

const SIZES = [250_000, 1_000_000];
// The wards of Đà Nẵng before the 2025 merger: a realistic category column (56 values).
const WARDS = `
  Hải Châu I, Hải Châu II, Thạch Thang, Thanh Bình, Thuận Phước, Phước Ninh, Hòa Thuận Tây, Hòa Thuận Đông
  Nam Dương, Bình Hiên, Bình Thuận, Hòa Cường Bắc, Hòa Cường Nam, Tam Thuận, Thanh Khê Tây, Thanh Khê Đông
  Xuân Hà, Tân Chính, Chính Gián, Vĩnh Trung, Thạc Gián, An Khê, Hòa Khê, Thọ Quang
  Nại Hiên Đông, Mân Thái, An Hải Bắc, Phước Mỹ, An Hải Tây, An Hải Đông, Mỹ An, Khuê Mỹ
  Hòa Quý, Hòa Hải, Khuê Trung, Hòa Phát, Hòa An, Hòa Thọ Tây, Hòa Thọ Đông, Hòa Xuân
  Hòa Hiệp Bắc, Hòa Hiệp Nam, Hòa Khánh Bắc, Hòa Khánh Nam, Hòa Minh, Hòa Bắc, Hòa Liên, Hòa Ninh
  Hòa Sơn, Hòa Nhơn, Hòa Phú, Hòa Phong, Hòa Châu, Hòa Tiến, Hòa Phước, Hòa Khương
`
  .split(/[,\n]/)
  .map((name) => name.trim())
  .filter((name) => name.length > 0)
  .map((name) => `Phường ${name}`);

/** A Vietnamese CSV: codes with leading zeros, dot thousands, decimal commas, day-first dates, có/không. */
function generateCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  let chunk = 'ma_ho,ten_phuong,ngay_cap_nhat,dan_so,ty_le,co_wifi,ghi_chu\n';
  for (let row = 1; row <= rows; row += 1) {
    const people = (row * 7919) % 2_000_000;
    const day = `${String(1 + (row % 28)).padStart(2, '0')}/${String(1 + (row % 12)).padStart(2, '0')}/2026`;
    chunk += `${String(row).padStart(7, '0')},${WARDS[row % WARDS.length]},${day},"${people.toLocaleString('de-DE')}",`;
    chunk += `"${String((row % 1000) / 10).replace('.', ',')}",${row % 3 ? 'có' : 'không'},"Hộ số ${row}, tổ ${row % 50}"\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

async function postgresReachable(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

type ChildResult = Record<string, number | string | boolean>;

function runChild(options: Record<string, unknown>): ChildResult {
  const script = path.join(root, 'bench', 'datastore.bench-child.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`child failed: ${JSON.stringify(options)}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as ChildResult;
}

const ms = (value: unknown) => `${Number(value).toFixed(1)} ms`;
const mb = (value: unknown) => `${(Number(value) / 1e6).toFixed(0)} MB`;

function report(engine: string, small: ChildResult, large: ChildResult): void {
  console.log(`\n--- ${engine} ---`);
  const seconds = (value: unknown) => `${(Number(value) / 1000).toFixed(2)} s`;
  for (const run of [small, large]) {
    console.log(
      `import ${Number(run.rows).toLocaleString('en')} rows (median of ${run.repeats}): ` +
        `${Number(run.importRowsPerSecond).toFixed(0)} rows/s, live after ${seconds(run.liveMs)}, done (VACUUM ANALYZE) ` +
        `after ${seconds(run.importMs)}; raw COPY ${seconds(run.rawCopyMs)}; ratio ${Number(run.ratioToRawCopy).toFixed(2)} ` +
        `(done: ${Number(run.ratioToRawCopyWithVacuum).toFixed(2)}); peak RSS ${mb(run.peakRss)} (${mb(run.rssBefore)} before)`,
    );
  }
  console.log(`peak RSS 1M / 250k: ${(Number(large.peakRss) / Number(small.peakRss)).toFixed(2)} (flat ≈ 1)`);
  console.log(
    `reload with automatic indexes (1M, done when indexed): ${(Number(large.indexedImportMs) / 1000).toFixed(2)} s`,
  );
  console.log(
    `datastore_search, filter ten_phuong (~${large.matchingRows} rows) + limit 100 + total, ${large.searchRuns} runs: ` +
      `p50 ${ms(large.searchP50)}, p95 ${ms(large.searchP95)}, p99 ${ms(large.searchP99)}`,
  );
  console.log(`datastore_search unfiltered (cached total): p95 ${ms(large.unfilteredP95)}`);
  console.log(
    `datastore_search q="ho so N" + ward filter (~18k rows scanned): p95 ${ms(large.qFilteredP95)}`,
  );
  console.log(
    `datastore_search q="hoa khanh" unfiltered (scans 1M rows; refused on PGlite by default): median ${ms(large.qMedian)}`,
  );
}

const dir = tempDir('citydx-bench-datastore-');
try {
  const files = SIZES.map((rows) => {
    const file = path.join(dir, `${rows}.csv`);
    generateCsv(file, rows);
    return { rows, file, bytes: fs.statSync(file).size };
  });
  console.log(`generated ${files.map((f) => `${f.rows} rows (${mb(f.bytes)})`).join(', ')}`);
  const postgresUrl = await postgresReachable();
  const engines = postgresUrl ? ['postgres', 'pglite'] : ['pglite'];
  if (!postgresUrl) console.log('PostgreSQL not reachable: PGlite only');
  const results: Record<string, ChildResult[]> = {};
  for (const engine of engines) {
    results[engine] = files.map(({ rows, file }) =>
      runChild({ engine, file, rows, search: rows === 1_000_000, postgresUrl, wards: WARDS.slice(0, 20) }),
    );
    const [small, large] = results[engine] as [ChildResult, ChildResult];
    report(engine, small, large);
  }
  writeResult('datastore', {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    files: files.map(({ rows, bytes }) => ({ rows, bytes })),
    results,
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
