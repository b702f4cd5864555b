import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDatastore } from '../datastore.module';
import { createTestbed, staff, type Testbed } from '../datastore.test-support';
import { LoadsRepo } from './loads.repo';

const editor = staff('bien-tap');

const wardsCsv = [
  'ma_phuong,ten_phuong,dan_so,dien_tich_km2,ngay_cap_nhat,co_wifi,ghi_chu',
  '0201,Phường Hải Châu I,12.345,"1,25",23/11/2026,có,Trung tâm',
  '0202,Phường Thạch Thang,1.234.567,"0,75",2026-11-24,không,',
  '0203,Phường Nại Hiên Đông,7,"12,5",24-11-2026,Có,"Ven sông, gần cầu"',
].join('\r\n');

/** Windows-1258 writes tones as combining marks after a base letter that may carry â, ê, ô, ơ, ư, ă. */
function toWindows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const decomposed = [...text.normalize('NFD').matchAll(/\P{M}\p{M}*/gu)].map(([cluster]) => {
    const marks = cluster.match(tones) ?? [];
    return cluster.replace(tones, '').normalize('NFC') + marks.join('');
  });
  return iconv.encode(decomposed.join(''), 'windows-1258');
}

describe('DataStore loads', () => {
  let t: Testbed;
  const search = (resourceId: string, params: Record<string, unknown> = {}) =>
    t.call('datastore_search', { resource_id: resourceId, ...params });
  const latestLoad = (resourceId: string) => new LoadsRepo(t.database.db).latest(resourceId);

  beforeAll(async () => {
    // Every CSV through the worker thread here; the test below compares with the main thread.
    t = await createTestbed({ sampleRows: 3, autoIndexMinRows: 1, workerMinBytes: 0 });
  });
  afterAll(() => t.close());

  it('loads a UTF-8 (BOM) CSV with Vietnamese numbers, dates and có/không into typed columns', async () => {
    const id = t.access.resource('wards-bom', { editors: [editor] });
    await t.load(id, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wardsCsv)]));
    const result = await search(id, { sort: 'ma_phuong' });
    expect(result.fields).toEqual([
      { id: '_id', type: 'int' },
      { id: 'ma_phuong', type: 'text' },
      { id: 'ten_phuong', type: 'text' },
      { id: 'dan_so', type: 'numeric' },
      { id: 'dien_tich_km2', type: 'numeric' },
      { id: 'ngay_cap_nhat', type: 'date' },
      { id: 'co_wifi', type: 'bool' },
      { id: 'ghi_chu', type: 'text' },
    ]);
    expect(result.records).toEqual([
      {
        _id: 1,
        ma_phuong: '0201',
        ten_phuong: 'Phường Hải Châu I',
        dan_so: 12345,
        dien_tich_km2: 1.25,
        ngay_cap_nhat: '2026-11-23',
        co_wifi: true,
        ghi_chu: 'Trung tâm',
      },
      {
        _id: 2,
        ma_phuong: '0202',
        ten_phuong: 'Phường Thạch Thang',
        dan_so: 1234567,
        dien_tich_km2: 0.75,
        ngay_cap_nhat: '2026-11-24',
        co_wifi: false,
        ghi_chu: null,
      },
      {
        _id: 3,
        ma_phuong: '0203',
        ten_phuong: 'Phường Nại Hiên Đông',
        dan_so: 7,
        dien_tich_km2: 12.5,
        ngay_cap_nhat: '2026-11-24',
        co_wifi: true,
        ghi_chu: 'Ven sông, gần cầu',
      },
    ]);
    const load = await latestLoad(id);
    expect(load).toMatchObject({ status: 'succeeded', rowsDone: 3, encoding: 'utf-8', errorCount: 0 });
    expect(load?.bytesDone).toBe(load?.bytesTotal);
    expect(await t.datastore.hooks.activeResourceIds([id, 'no-such-resource'])).toEqual(new Set([id]));
  });

  it('reads a CSV the same way in the main thread as in the worker thread', async () => {
    const inThread = await createTestbed({ workerMinBytes: Number.POSITIVE_INFINITY });
    try {
      const id = inThread.access.resource('wards-bom', { editors: [editor] });
      await inThread.load(id, wardsCsv);
      const here = await inThread.call('datastore_search', { resource_id: id, sort: 'ma_phuong' });
      expect(here.records).toEqual((await search(id, { sort: 'ma_phuong' })).records);
    } finally {
      await inThread.close();
    }
  });

  it('detects and decodes a Windows-1258 file, recomposing its tones (NFC)', async () => {
    const id = t.access.resource('wards-1258', { editors: [editor] });
    const legacy = toWindows1258(wardsCsv);
    expect(legacy.includes(Buffer.from('Phường'))).toBe(false);
    await t.load(id, legacy);
    expect((await latestLoad(id))?.encoding).toBe('windows-1258');
    const found = await search(id, { q: 'nai hien dong' });
    expect(found.records).toMatchObject([
      { ten_phuong: 'Phường Nại Hiên Đông', ghi_chu: 'Ven sông, gần cầu' },
    ]);
    expect((found.records as { ten_phuong: string }[])[0]?.ten_phuong).toBe(
      'Phường Nại Hiên Đông'.normalize('NFC'),
    );
  });

  it('keeps the previous version when a new file is broken, and reports every problem with its line', async () => {
    const id = t.access.resource('wards-swap', { editors: [editor] });
    await t.load(id, wardsCsv);
    const broken = `${wardsCsv}\n0204,Phường Mới,12a,"1,0",25/11/2026,có,x\n0205,"Phường Hỏng,1,2,25/11/2026,có,x\n`;
    await t.load(id, broken);
    const load = await latestLoad(id);
    expect(load?.status).toBe('failed');
    expect(load?.errors).toEqual([
      { line: 5, field: 'dan_so', code: 'invalid_value', params: { value: '12a', type: 'numeric' } },
      { line: 6, field: null, code: 'unclosed_quote', params: {} },
    ]);
    expect((await search(id)).total).toBe(3);
    const staging = await sql<{ n: number }>`select count(*)::int as n from pg_tables
      where schemaname = 'opendata' and tablename ~ '^datastore_load_[0-9a-f]{32}$'`.execute(t.database.db);
    expect(staging.rows[0]?.n).toBe(0);
  });

  it('reports a row with missing fields instead of loading half of it', async () => {
    const id = t.access.resource('wards-short', { editors: [editor] });
    await t.load(id, 'a,b,c\n1,2,3\n4,5\n6,7,8,,\n');
    expect((await latestLoad(id))?.errors).toEqual([
      { line: 3, field: null, code: 'field_count', params: { found: 2, expected: 3 } },
    ]);
    await expect(search(id)).rejects.toMatchObject({ type: 'Not Found Error' });
  });

  it('loads the first sheet of an XLSX workbook with numbers, dates and booleans', async () => {
    const id = t.access.resource('wards-xlsx', { editors: [editor] });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phường');
    sheet.addRow(['Mã', 'Tên phường', 'Dân số', 'Ngày', 'Có wifi']);
    sheet.addRow(['0201', 'Hải Châu I', 12345, new Date(Date.UTC(2026, 10, 23)), true]);
    sheet.addRow(['0202', 'Thạch Thang', 6789.5, new Date(Date.UTC(2026, 10, 24)), false]);
    await t.load(id, Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    const result = await search(id);
    expect((result.fields as { type: string }[]).map((field) => field.type)).toEqual([
      'int',
      'text',
      'text',
      'numeric',
      'date',
      'bool',
    ]);
    expect(result.records).toEqual([
      {
        _id: 1,
        Mã: '0201',
        'Tên phường': 'Hải Châu I',
        'Dân số': 12345,
        Ngày: '2026-11-23',
        'Có wifi': true,
      },
      {
        _id: 2,
        Mã: '0202',
        'Tên phường': 'Thạch Thang',
        'Dân số': 6789.5,
        Ngày: '2026-11-24',
        'Có wifi': false,
      },
    ]);
  });

  it('loads JSON records, nested values as json, and refuses a record with an unknown field', async () => {
    const id = t.access.resource('stations-json', { editors: [editor] });
    const records = [
      { ma: '01', muc_nuoc: 1.5, ngay: '2026-11-23', vi_tri: { lat: 16.06, lon: 108.2 } },
      { ma: '02', muc_nuoc: 2, ngay: '2026-11-24', vi_tri: null },
    ];
    await t.load(id, JSON.stringify(records, null, 1), 'json');
    const result = await search(id);
    expect((result.fields as { type: string }[]).map((field) => field.type)).toEqual([
      'int',
      'text',
      'numeric',
      'date',
      'json',
    ]);
    expect((result.records as unknown[])[0]).toEqual({ _id: 1, ...records[0] });
    await t.load(id, JSON.stringify([...records, records[0], { ma: '03', la: 1 }]), 'json');
    const load = await latestLoad(id);
    expect(load?.errors).toEqual([{ line: 1, field: 'la', code: 'unknown_field', params: {} }]);
  });

  it('explains an unsupported spreadsheet, and ignores files that are not tables', async () => {
    const id = t.access.resource('bang-cu', { editors: [editor] });
    await t.load(id, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'xls');
    expect((await latestLoad(id))?.errors).toEqual([
      { line: null, field: null, code: 'unsupported_format', params: { format: 'xls' } },
    ]);
    const report = t.access.resource('bao-cao-pdf', { editors: [editor] });
    await t.load(report, '%PDF-1.7', 'pdf');
    expect(await latestLoad(report)).toBeUndefined();
  });

  it('lets several workers drain the queue without running a load twice, and takes over an expired one', async () => {
    const ids = ['q-1', 'q-2', 'q-3'].map((id) => t.access.resource(id, { editors: [editor] }));
    const otherProcess = createDatastore({
      db: t.database.db,
      database: t.database,
      blobs: t.blobs,
      logger: pino({ level: 'silent' }),
      access: t.access,
    });
    for (const id of ids)
      await t.datastore.hooks.resourceFileStored({
        id,
        blobKey: await storeCsv(t, id),
        format: 'csv',
        mimeType: 'text/csv',
      });
    await sql`update opendata.datastore_loads set status = 'running', attempts = 1, lease_token = gen_random_uuid(),
      locked_until = now() - interval '1 minute' where resource_id = 'q-3'`.execute(t.database.db);
    await Promise.all([t.datastore.jobs[0]?.run(), otherProcess.jobs[0]?.run()]);
    const loads = await Promise.all(ids.map(latestLoad));
    expect(loads.map((load) => [load?.status, load?.attempts])).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
      ['succeeded', 2],
    ]);
    expect((await search('q-3')).total).toBe(3);
  });
});

async function storeCsv(t: Testbed, resourceId: string): Promise<string> {
  const key = `opendata/${resourceId}/data.csv`;
  await t.blobs.put(key, Buffer.from(wardsCsv), 'text/csv');
  return key;
}
