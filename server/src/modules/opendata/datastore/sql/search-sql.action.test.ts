import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestbed, staff, type Testbed } from '../datastore.test-support';

const editor = staff('bien-tap');
const insider = staff('noi-bo');

describe('datastore_search_sql', () => {
  let t: Testbed;
  const query = (sql: string, principal = null as typeof editor | null) =>
    t.call('datastore_search_sql', { sql }, principal);

  beforeAll(async () => {
    t = await createTestbed();
    t.access.resource('mua', { editors: [editor] });
    t.access.resource('song', { editors: [editor] });
    t.access.resource('noi-bo', { isPrivate: true, editors: [editor], readers: [insider] });
    t.access.resource('khac');
    const records = Array.from({ length: 200 }, (_, index) => ({
      tram: index % 2 ? 'Cẩm Lệ' : 'Hòa Vang',
      luong_mua: index,
      ngay: '2026-11-23T06:00:00',
    }));
    await t.call(
      'datastore_create',
      {
        resource_id: 'mua',
        fields: [
          { id: 'tram', type: 'text' },
          { id: 'luong_mua', type: 'int' },
          { id: 'ngay', type: 'timestamp' },
        ],
        records,
      },
      editor,
    );
    await t.call(
      'datastore_create',
      { resource_id: 'song', records: [{ tram: 'Cẩm Lệ', song: 'Cẩm Lệ' }] },
      editor,
    );
    await t.call(
      'datastore_create',
      { resource_id: 'noi-bo', records: [{ bi_mat: 'không công khai' }] },
      editor,
    );
  });
  afterAll(() => t.close());

  it('runs a SELECT over readable tables, with joins, aggregates and CKAN’s public. prefix', async () => {
    const result =
      await query(`SELECT m.tram, count(*) AS so_ngay, max(m.luong_mua) AS cao_nhat, min(m.ngay) AS tu
      FROM public."mua" m JOIN "song" s ON s.tram = m.tram GROUP BY m.tram;`);
    expect(result.fields).toEqual([
      { id: 'tram', type: 'text' },
      { id: 'so_ngay', type: 'int8' },
      { id: 'cao_nhat', type: 'int4' },
      { id: 'tu', type: 'timestamp' },
    ]);
    expect(result.records).toEqual([
      { tram: 'Cẩm Lệ', so_ngay: 100, cao_nhat: 199, tu: '2026-11-23T06:00:00' },
    ]);
    expect(result).not.toHaveProperty('records_truncated');
    const folded = await query(`select count(*) as n from mua where platform.search_key(tram) = 'cam le'`);
    expect(folded.records).toEqual([{ n: 100 }]);
  });

  it('caps the result at 32000 rows and says so', async () => {
    const result = await query('select a._id from mua a cross join mua b');
    expect((result.records as unknown[]).length).toBe(32000);
    expect(result.records_truncated).toBe(true);
  });

  it('refuses writes, second statements and dangerous functions with a Validation Error', async () => {
    for (const sql of [
      'INSERT INTO mua (tram) VALUES (1)',
      'select 1; delete from mua',
      'select pg_sleep(5)',
      `select set_config('search_path', 'public', false)`,
    ]) {
      await expect(query(sql)).rejects.toMatchObject({ type: 'Validation Error' });
    }
    expect((await t.call('datastore_search', { resource_id: 'mua', limit: 0 })).total).toBe(200);
  });

  it('refuses the catalogs, the platform’s tables, another resource’s table and a private one', async () => {
    await expect(query('select * from pg_catalog.pg_authid')).rejects.toMatchObject({
      type: 'Authorization Error',
      message: 'Access denied: Not authorized to access system tables',
    });
    await expect(query('select usename from pg_user')).rejects.toMatchObject({ type: 'Authorization Error' });
    await expect(query('select * from platform.users')).rejects.toMatchObject({
      type: 'Authorization Error',
    });
    await expect(query('select * from opendata.datastore_tables')).rejects.toMatchObject({
      type: 'Authorization Error',
    });
    await expect(query('select * from "noi-bo"')).rejects.toMatchObject({ type: 'Authorization Error' });
    await expect(query('select * from mua where exists (select 1 from "noi-bo")')).rejects.toMatchObject({
      type: 'Authorization Error',
    });
    await expect(query('select * from khac')).rejects.toMatchObject({
      type: 'Validation Error',
      fields: { query: [expect.stringContaining('does not exist')] },
    });
    expect((await query('select bi_mat from "noi-bo"', insider)).records).toEqual([
      { bi_mat: 'không công khai' },
    ]);
  });

  it('refuses a query the planner expects to be too expensive', async () => {
    const small = await createTestbed({ maxCost: 50 });
    try {
      small.access.resource('lon', { editors: [editor] });
      await small.call(
        'datastore_create',
        { resource_id: 'lon', records: Array.from({ length: 300 }, (_, n) => ({ n })) },
        editor,
      );
      await expect(
        small.call('datastore_search_sql', { sql: 'select count(*) from lon a, lon b, lon c' }),
      ).rejects.toMatchObject({ fields: { query: [expect.stringContaining('too expensive')] } });
    } finally {
      await small.close();
    }
  });
});
