import { describe, expect, it } from 'vitest';
import { columnsToIndex, planColumns } from './load-columns';

describe('planColumns and columnsToIndex', () => {
  const header = ['Mã hộ', 'Phường', 'Ngày', 'Dân số', 'Năm', 'Có wifi', 'Ghi chú', '_an'];
  const sample = Array.from({ length: 40 }, (_, n) => [
    String(n).padStart(6, '0'),
    `Phường ${['Hải Châu I', 'Thạch Thang', 'Xuân Hà'][n % 3]}`,
    `${1 + (n % 28)}/11/2026`,
    String(1000 + n * 37),
    String(2020 + (n % 4)),
    n % 2 ? 'có' : 'không',
    `Hộ số ${n}, tổ ${n % 5}`,
    '',
  ]);

  it('keeps the header as ids and carries the data dictionary of the previous version over', () => {
    const plan = planColumns(header, sample, [
      { id: 'Năm', type: 'numeric', info: { notes: 'Năm khảo sát', type_override: 'int' } },
    ]);
    expect(plan.fields.map((field) => [field.id, field.type])).toEqual([
      ['Mã hộ', 'text'],
      ['Phường', 'text'],
      ['Ngày', 'date'],
      ['Dân số', 'numeric'],
      ['Năm', 'int'],
      ['Có wifi', 'bool'],
      ['Ghi chú', 'text'],
      ['an', 'text'],
    ]);
    expect(plan.fields[4]?.info).toEqual({ notes: 'Năm khảo sát', type_override: 'int' });
    expect(plan.fields[7]?.info).toEqual({ label: '_an' });
  });

  it('indexes codes, categories and dates, not measures, booleans or prose', () => {
    const plan = planColumns(header, sample, undefined);
    expect(columnsToIndex(plan, 8)).toEqual(['Mã hộ', 'Phường', 'Ngày', 'Năm']);
    expect(columnsToIndex(plan, 2)).toEqual(['Mã hộ', 'Phường']);
  });
});
