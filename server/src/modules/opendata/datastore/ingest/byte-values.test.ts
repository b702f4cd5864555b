import { describe, expect, it } from 'vitest';
import { scanDate, scanNumber, writeDate, writeNumber, type ByteSink } from './byte-values';
import { parseDate, parseNumber, type NumberStyle } from './vn-values';

function collect(write: (sink: ByteSink) => void): string {
  const bytes: number[] = [];
  write({ reserve: () => undefined, byte: (value) => void bytes.push(value) });
  return Buffer.from(bytes).toString('latin1');
}

function byteNumber(value: string, style: NumberStyle): string | undefined {
  const buffer = Buffer.from(value);
  if (scanNumber(buffer, 0, buffer.length, style, false) < 0) return undefined;
  return collect((sink) => writeNumber(sink, buffer, 0, buffer.length, style));
}

function byteDate(value: string): string | undefined {
  const buffer = Buffer.from(value);
  const packed = scanDate(buffer, 0, buffer.length);
  return packed < 0 ? undefined : collect((sink) => writeDate(sink, packed));
}

const numbers = [
  '0',
  '7',
  '-7',
  '+7',
  '12',
  '0511',
  '00',
  '1.234',
  '1.234.567',
  '1,234',
  '1,234,567',
  '12,5',
  '12.5',
  '0,5',
  '0.5',
  '-0,25',
  '1.234,5',
  '1,234.5',
  '1.23',
  '1234.567',
  '1.2345',
  '12.',
  ',5',
  '.5',
  '-',
  '+',
  '1e5',
  '١٢',
  '123456789012345',
  '1234567890123456',
  '1.234.567.890.123',
  '12 345',
  'abc',
  '1.000.000,00',
  '0.123',
  '0,123',
];
const dates = [
  '2026-11-23',
  '2026-1-5',
  '23/11/2026',
  '1/2/2026',
  '23-11-2026',
  '23.11.2026',
  '31/02/2026',
  '29/02/2024',
  '29/02/2026',
  '2026/11/23',
  '11/23/2026',
  '23/11/26',
  '2026-11-23T00:00',
  '0023-01-01',
  '23/11-2026',
  'x',
];

describe('byte-level parsers', () => {
  it('accept exactly what the string parsers accept, with the same result', () => {
    for (const style of ['vn', 'en'] as const) {
      for (const value of numbers)
        expect([value, byteNumber(value, style)]).toEqual([value, parseNumber(value, style)]);
    }
    for (const value of dates) expect([value, byteDate(value)]).toEqual([value, parseDate(value)]);
  });

  it('refuse a fraction in an integer column', () => {
    const buffer = Buffer.from('12,5');
    expect(scanNumber(buffer, 0, buffer.length, 'vn', true)).toBe(-1);
  });
});
