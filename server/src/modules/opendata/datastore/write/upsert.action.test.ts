import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestbed, staff, type Testbed } from '../datastore.test-support';

const editor = staff('bien-tap');
const stranger = staff('nguoi-la');

describe('datastore_upsert, datastore_delete', () => {
  let t: Testbed;
  const rows = async (resourceId: string) => {
    const result = await t.call('datastore_search', { resource_id: resourceId, sort: '_id' });
    return { total: result.total, records: result.records as Record<string, unknown>[] };
  };
  const upsert = (params: Record<string, unknown>, principal = editor) =>
    t.call('datastore_upsert', { resource_id: 'tram', ...params }, principal);

  beforeAll(async () => {
    t = await createTestbed();
    t.access.resource('tram', { editors: [editor] });
    await t.call(
      'datastore_create',
      {
        resource_id: 'tram',
        fields: [
          { id: 'ma', type: 'text' },
          { id: 'ten', type: 'text' },
          { id: 'muc_nuoc', type: 'numeric' },
        ],
        primary_key: ['ma'],
        records: [
          { ma: 'CL', ten: 'Cẩm Lệ', muc_nuoc: 1.2 },
          { ma: 'AN', ten: 'Ái Nghĩa', muc_nuoc: 3.4 },
        ],
      },
      editor,
    );
  });
  afterAll(() => t.close());

  it('upserts on the primary key: changes existing rows, adds new ones, keeps the cached total right', async () => {
    const result = await upsert({
      records: [
        { ma: 'CL', muc_nuoc: 1.9 },
        { ma: 'HK', ten: 'Hòa Khánh', muc_nuoc: 0.5 },
      ],
    });
    expect(result).toEqual({ resource_id: 'tram', method: 'upsert' });
    const after = await rows('tram');
    expect(after.total).toBe(3);
    expect(after.records.map((row) => [row.ma, row.ten, row.muc_nuoc])).toEqual([
      ['CL', 'Cẩm Lệ', 1.9],
      ['AN', 'Ái Nghĩa', 3.4],
      ['HK', 'Hòa Khánh', 0.5],
    ]);
  });

  it('inserts, refusing a duplicate key, and updates only rows that exist (by key or _id)', async () => {
    await upsert({ method: 'insert', records: [{ ma: 'TT', ten: 'Túy Loan' }] });
    await expect(upsert({ method: 'insert', records: [{ ma: 'TT' }] })).rejects.toMatchObject({
      type: 'Validation Error',
      fields: { constraints: ['Cannot insert records or create index because of uniqueness constraint'] },
    });
    await upsert({
      method: 'update',
      records: [
        { ma: 'TT', muc_nuoc: 2.2 },
        { _id: 2, ten: 'Ái Nghĩa (Đại Lộc)' },
      ],
    });
    await expect(upsert({ method: 'update', records: [{ ma: 'XX', muc_nuoc: 1 }] })).rejects.toMatchObject({
      fields: { key: ['key "[XX]" not found'] },
    });
    await expect(upsert({ records: [{ ten: 'không khoá' }] })).rejects.toMatchObject({
      fields: { key: ['fields "ma" are missing but needed as key'] },
    });
    await expect(upsert({ records: [{ ma: 'CL', do_duc: 3 }] })).rejects.toMatchObject({
      fields: { fields: ['field "do_duc" not in table'] },
    });
    const after = await rows('tram');
    expect(after.total).toBe(4);
    expect(after.records.find((row) => row.ma === 'TT')?.muc_nuoc).toBe(2.2);
    expect(after.records.find((row) => row._id === 2)?.ten).toBe('Ái Nghĩa (Đại Lộc)');
  });

  it('applies all records or none, and a dry run changes nothing', async () => {
    await expect(
      upsert({ method: 'insert', records: [{ ma: 'NEW' }, { ma: 'BAD', muc_nuoc: 'nhiều' }] }),
    ).rejects.toMatchObject({ type: 'Validation Error' });
    expect(await upsert({ dry_run: true, records: [{ ma: 'DRY', ten: 'Thử' }] })).toEqual({
      resource_id: 'tram',
      method: 'upsert',
    });
    const after = await rows('tram');
    expect(after.total).toBe(4);
    expect(after.records.map((row) => row.ma)).not.toContain('NEW');
    expect(after.records.map((row) => row.ma)).not.toContain('DRY');
  });

  it('lets only editors write', async () => {
    await expect(upsert({ records: [{ ma: 'CL', muc_nuoc: 9 }] }, stranger)).rejects.toMatchObject({
      type: 'Authorization Error',
    });
    await expect(t.call('datastore_create', { resource_id: 'tram', records: [] })).rejects.toMatchObject({
      type: 'Authorization Error',
    });
    await expect(t.call('datastore_delete', { resource_id: 'tram' }, stranger)).rejects.toMatchObject({
      type: 'Authorization Error',
    });
  });

  it('deletes matching rows with filters, and the whole table without', async () => {
    const result = await t.call(
      'datastore_delete',
      { resource_id: 'tram', filters: { ma: ['TT', 'HK'] } },
      editor,
    );
    expect(result).toEqual({ resource_id: 'tram', filters: { ma: ['TT', 'HK'] } });
    expect((await rows('tram')).total).toBe(2);
    await t.call('datastore_delete', { resource_id: 'tram' }, editor);
    await expect(rows('tram')).rejects.toMatchObject({ type: 'Not Found Error' });
    expect(await t.datastore.hooks.activeResourceIds(['tram'])).toEqual(new Set());
  });

  it('protects a table loaded from a file unless force is given, and drops it when the resource goes', async () => {
    const id = t.access.resource('nap-tu-tep', { editors: [editor] });
    await t.load(id, 'ma,so\nA,1\nB,2\n');
    await expect(
      t.call('datastore_upsert', { resource_id: id, method: 'insert', records: [{ ma: 'C' }] }, editor),
    ).rejects.toMatchObject({ fields: { 'read-only': [expect.stringContaining('force=True')] } });
    await t.call(
      'datastore_upsert',
      { resource_id: id, method: 'insert', force: true, records: [{ ma: 'C', so: 3 }] },
      editor,
    );
    expect((await rows(id)).total).toBe(3);
    await t.datastore.hooks.resourceDeleted(id);
    expect(await t.datastore.hooks.activeResourceIds([id])).toEqual(new Set());
  });
});
