import { describe, expect, it } from 'vitest';
import { converterFor } from './cells';
import { guessColumns } from './infer';
import { parseBool, parseDate, parseNumber, parseTime, parseTimestamp } from './vn-values';

describe('Vietnamese values', () => {
  it('reads numbers in the Vietnamese and the English convention', () => {
    expect(parseNumber('1.234.567', 'vn')).toBe('1234567');
    expect(parseNumber('12,5', 'vn')).toBe('12.5');
    expect(parseNumber('-1.234,75', 'vn')).toBe('-1234.75');
    expect(parseNumber('1,234.5', 'en')).toBe('1234.5');
    expect(parseNumber('1,234.5', 'vn')).toBeUndefined();
    expect(parseNumber('12.5', 'vn')).toBeUndefined();
    expect(parseNumber('+42', 'vn')).toBe('42');
  });

  it('keeps codes with leading zeros and very long digit strings as non-numbers', () => {
    expect(parseNumber('0511', 'vn')).toBeUndefined();
    expect(parseNumber('048012345678', 'en')).toBeUndefined();
    expect(parseNumber('1234567890123456', 'vn')).toBeUndefined();
    expect(parseNumber('0', 'vn')).toBe('0');
    expect(parseNumber('0,5', 'vn')).toBe('0.5');
  });

  it('reads day-first dates, times, timestamps and có/không', () => {
    expect(parseDate('23/11/2026')).toBe('2026-11-23');
    expect(parseDate('2026-11-23')).toBe('2026-11-23');
    expect(parseDate('23-11-2026')).toBe('2026-11-23');
    expect(parseDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDate('31/02/2026')).toBeUndefined();
    expect(parseDate('11/23/2026')).toBeUndefined();
    expect(parseTime('8:30')).toBe('08:30:00');
    expect(parseTimestamp('23/11/2026 08:30')).toBe('2026-11-23 08:30:00');
    expect(parseTimestamp('2026-11-23T08:30:15Z')).toBe('2026-11-23 08:30:15');
    expect(parseTimestamp('2026-11-23T08:30:15+07:00')).toBeUndefined();
    expect([parseBool('Có'), parseBool('KHÔNG'), parseBool('true'), parseBool('1')]).toEqual([
      't',
      'f',
      't',
      undefined,
    ]);
  });
});

describe('type inference', () => {
  const guess = (values: string[]) =>
    guessColumns(
      1,
      values.map((value) => [value]),
    )[0];

  it('guesses Vietnamese samples', () => {
    expect(guess(['1.234.567', '12,5', '', '7'])).toMatchObject({ type: 'numeric', style: 'vn' });
    expect(guess(['1,234.5', '1.234', '3'])).toMatchObject({ type: 'numeric', style: 'en' });
    expect(guess(['1.234', '2.500'])).toMatchObject({ type: 'numeric', style: 'vn' });
    expect(guess(['23/11/2026', '2026-11-24'])?.type).toBe('date');
    expect(guess(['23/11/2026', '24/11/2026 07:00'])?.type).toBe('timestamp');
    expect(guess(['có', 'không', 'Có'])?.type).toBe('bool');
    expect(guess(['0511', '0236', '1000'])?.type).toBe('text');
    expect(guess(['12', 'mười hai'])?.type).toBe('text');
    expect(guess(['', ' '])?.type).toBe('text');
  });

  it('converts a value with the guessed convention', () => {
    const vn = converterFor('numeric', 'vn');
    expect([vn('1.234'), vn('12,5'), vn(''), vn('abc')]).toEqual(['1234', '12.5', '\\N', undefined]);
    expect(converterFor('numeric', 'en')('1.234')).toBe('1.234');
    expect(converterFor('text', 'vn')('a\tb\\c\nd')).toBe('a\\tb\\\\c\\nd');
    expect(converterFor('date', 'vn')(new Date(Date.UTC(2026, 10, 23)))).toBe('2026-11-23');
  });
});
