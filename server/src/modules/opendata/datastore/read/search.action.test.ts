import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestbed, staff, type Testbed } from '../datastore.test-support';

const editor = staff('bien-tap');
const reader = staff('doc');

const wards = [
  {
    ma: '0201',
    ten: 'Phường Hải Châu I',
    quan: 'Hải Châu',
    dan_so: 12345,
    ngay: '2026-11-23',
    cap_nhat: '2026-11-23T08:30:00',
    nhan: ['trung tâm'],
  },
  {
    ma: '0202',
    ten: 'Phường Thạch Thang',
    quan: 'Hải Châu',
    dan_so: 9876,
    ngay: '2026-11-20',
    cap_nhat: '2026-11-20T07:00:00',
    nhan: [],
  },
  {
    ma: '0301',
    ten: 'Phường Thanh Khê Tây',
    quan: 'Thanh Khê',
    dan_so: 23456,
    ngay: '2026-10-01',
    cap_nhat: null,
    nhan: ['ven biển'],
  },
  {
    ma: '0302',
    ten: 'Phường Xuân Hà',
    quan: 'Thanh Khê',
    dan_so: 15000,
    ngay: '2026-10-02',
    cap_nhat: null,
    nhan: null,
  },
  {
    ma: '0401',
    ten: 'Phường Hòa Cường Bắc',
    quan: 'Hải Châu',
    dan_so: 30000,
    ngay: null,
    cap_nhat: null,
    nhan: null,
  },
  {
    ma: '0501',
    ten: 'Xã Hòa Bắc, huyện "Hòa Vang"',
    quan: 'Hòa Vang',
    dan_so: 5000,
    ngay: null,
    cap_nhat: null,
    nhan: null,
  },
];

describe('datastore_search', () => {
  let t: Testbed;
  const search = (params: Record<string, unknown>, principal = null as typeof reader | null) =>
    t.call('datastore_search', { resource_id: 'phuong', ...params }, principal);

  beforeAll(async () => {
    t = await createTestbed();
    t.access.resource('phuong', { editors: [editor] });
    const created = await t.call(
      'datastore_create',
      {
        resource_id: 'phuong',
        fields: [
          { id: 'ma', type: 'text' },
          { id: 'ten', type: 'text', info: { label: 'Tên phường, xã', notes: 'Theo Nghị quyết 2025' } },
          { id: 'quan', type: 'text' },
          { id: 'dan_so', type: 'int' },
          { id: 'ngay', type: 'date' },
          { id: 'cap_nhat', type: 'timestamp' },
          { id: 'nhan', type: 'text[]' },
        ],
        primary_key: 'ma',
        indexes: 'quan',
        records: wards,
      },
      editor,
    );
    expect(created).toMatchObject({ resource_id: 'phuong', method: 'insert', primary_key: ['ma'] });
  });
  afterAll(() => t.close());

  it('returns CKAN’s result: _id first, the data dictionary, the cached total and paging links', async () => {
    const result = await search({});
    expect((result.fields as unknown[]).slice(0, 3)).toEqual([
      { id: '_id', type: 'int' },
      { id: 'ma', type: 'text' },
      { id: 'ten', type: 'text', info: { label: 'Tên phường, xã', notes: 'Theo Nghị quyết 2025' } },
    ]);
    expect(result).toMatchObject({
      total: 6,
      total_was_estimated: false,
      limit: 100,
      offset: 0,
      records_format: 'objects',
      include_total: true,
      resource_id: 'phuong',
      filters: {},
    });
    expect(result._links).toEqual({
      start: '/api/3/action/datastore_search',
      next: '/api/3/action/datastore_search?offset=100',
    });
    expect((result.records as unknown[])[0]).toEqual({ _id: 1, ...wards[0] });
  });

  it('ANDs filters across fields and ORs a list of values, also given as JSON text (GET)', async () => {
    const ids = async (params: Record<string, unknown>) =>
      ((await search(params)).records as { ma: string }[]).map((row) => row.ma);
    expect(await ids({ filters: { quan: 'Hải Châu', dan_so: 9876 } })).toEqual(['0202']);
    expect(await ids({ filters: JSON.stringify({ quan: ['Thanh Khê', 'Hòa Vang'] }) })).toEqual([
      '0301',
      '0302',
      '0501',
    ]);
    expect(await ids({ filters: { dan_so: { gte: 15000, lt: 30000 } } })).toEqual(['0301', '0302']);
    expect(await ids({ filters: { ngay: null } })).toEqual(['0401', '0501']);
    expect((await search({ filters: { quan: 'Hải Châu' } })).total).toBe(3);
    await expect(search({ filters: { phuong: 'x' } })).rejects.toMatchObject({
      type: 'Validation Error',
      fields: { filters: ['field "phuong" not in table'] },
    });
    await expect(search({ filters: { dan_so: 'mười' } })).rejects.toMatchObject({ type: 'Validation Error' });
  });

  it('finds words in any field without caring for case or Vietnamese diacritics', async () => {
    const names = async (q: unknown) =>
      ((await search({ q })).records as { ten: string }[]).map((row) => row.ten);
    expect(await names('thach THANG')).toEqual(['Phường Thạch Thang']);
    expect(await names('hai chau')).toEqual([
      'Phường Hải Châu I',
      'Phường Thạch Thang',
      'Phường Hòa Cường Bắc',
    ]);
    expect(await names('HOA  bac')).toEqual(['Phường Hòa Cường Bắc', 'Xã Hòa Bắc, huyện "Hòa Vang"']);
    expect(await names({ quan: 'thanh khe' })).toEqual(['Phường Thanh Khê Tây', 'Phường Xuân Hà']);
    expect(await names('100%')).toEqual([]);
  });

  it('asks for a filter before q scans a table above the configured size', async () => {
    const small = await createTestbed({ maxUnfilteredTextScanRows: 2 });
    try {
      small.access.resource('lon', { editors: [editor] });
      await small.call('datastore_create', { resource_id: 'lon', records: wards }, editor);
      await expect(small.call('datastore_search', { resource_id: 'lon', q: 'hai' })).rejects.toMatchObject({
        type: 'Validation Error',
      });
      const narrowed = await small.call('datastore_search', {
        resource_id: 'lon',
        q: 'hai',
        filters: { quan: 'Hải Châu' },
      });
      expect(narrowed.total).toBe(3);
    } finally {
      await small.close();
    }
  });

  it('sorts, pages, clamps the limit to 32000 and can leave the total out', async () => {
    const sort = 'ngay desc nulls last, "dan_so" desc';
    const sorted = await search({ sort, limit: 2, offset: 1 });
    expect((sorted.records as { ma: string }[]).map((row) => row.ma)).toEqual(['0202', '0302']);
    expect(sorted).toMatchObject({ sort, limit: 2, offset: 1 });
    const last = await search({ sort, limit: 2, offset: 4 });
    expect((last.records as { ma: string }[]).map((row) => row.ma)).toEqual(['0401', '0501']);
    const huge = await search({ limit: '50000', include_total: 'false' });
    expect(huge.limit).toBe(32000);
    expect(huge).not.toHaveProperty('total');
    await expect(search({ sort: 'dan_so sideways' })).rejects.toMatchObject({ type: 'Validation Error' });
    await expect(search({ sort: 'khong_co desc' })).rejects.toMatchObject({
      fields: { sort: ['field "khong_co" not in table'] },
    });
    await expect(search({ limit: -1 })).rejects.toMatchObject({
      fields: { limit: ['Must be a natural number'] },
    });
  });

  it('renders records as lists, csv or tsv (no header), with the fields asked for in their order', async () => {
    const csv = await search({
      records_format: 'csv',
      fields: 'ngay, dan_so, ten',
      sort: 'ma',
      filters: { ma: ['0201', '0501'] },
    });
    expect(csv.fields).toEqual([
      { id: 'ngay', type: 'date' },
      { id: 'dan_so', type: 'int' },
      { id: 'ten', type: 'text', info: { label: 'Tên phường, xã', notes: 'Theo Nghị quyết 2025' } },
    ]);
    expect(csv.records).toBe('2026-11-23,12345,Phường Hải Châu I\n,5000,"Xã Hòa Bắc, huyện ""Hòa Vang"""\n');
    const tsv = await search({
      records_format: 'tsv',
      fields: ['ma', 'cap_nhat', 'nhan'],
      filters: { ma: '0201' },
    });
    expect(tsv.records).toBe('0201\t2026-11-23T08:30:00\t["trung tâm"]\n');
    const lists = await search({ records_format: 'lists', fields: ['_id', 'ma'], limit: 1 });
    expect(lists.records).toEqual([[1, '0201']]);
    await expect(search({ records_format: 'xml' })).rejects.toMatchObject({ type: 'Validation Error' });
  });

  it('checks the catalog on every search: a private resource is not found by others, found by its readers', async () => {
    t.access.resource('bi-mat', { isPrivate: true, editors: [editor], readers: [reader] });
    await t.call('datastore_create', { resource_id: 'bi-mat', records: [{ a: 1 }] }, editor);
    await expect(t.call('datastore_search', { id: 'bi-mat' })).rejects.toMatchObject({
      type: 'Not Found Error',
    });
    expect((await t.call('datastore_search', { id: 'bi-mat' }, reader)).records).toEqual([{ _id: 1, a: 1 }]);
    const anonymous = await t.call('datastore_search', { resource_id: '_table_metadata' });
    expect((anonymous.records as { name: string }[]).map((row) => row.name)).toEqual(['phuong']);
    const known = await t.call('datastore_search', { resource_id: '_table_metadata' }, reader);
    expect((known.records as { name: string }[]).map((row) => row.name)).toEqual(['bi-mat', 'phuong']);
    await expect(t.call('datastore_search', {})).rejects.toMatchObject({
      fields: { resource_id: ['Missing value'] },
    });
  });

  it('describes the table with datastore_info', async () => {
    const info = await t.call('datastore_info', { id: 'phuong' });
    expect(info.meta).toMatchObject({ id: 'phuong', count: 6, table_type: 'BASE TABLE' });
    expect((info.fields as unknown[])[2]).toEqual({
      id: 'quan',
      type: 'text',
      info: {},
      schema: { native_type: 'text', notnull: false, is_index: true, uniquekey: false },
    });
    expect((info.fields as { schema: { uniquekey: boolean } }[])[0]?.schema.uniquekey).toBe(true);
  });
});
