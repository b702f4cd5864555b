import { describe, expect, test } from 'vitest';
import { ckanDay, ckanInstant } from './ckan-dates';

describe('CKAN timestamps', () => {
  test('a zoneless CKAN instant is UTC, shown in Vietnam time', () => {
    expect(ckanInstant('2026-11-23T20:28:00.939000')).toBe('24/11/2026 03:28');
    expect(ckanInstant('2026-11-23T02:28:00+07:00')).toBe('23/11/2026 02:28');
  });

  test('days stay days; missing values show nothing', () => {
    expect(ckanDay('2024-12-31')).toBe('31/12/2024');
    expect(ckanDay('2026-11-23T20:28:00.939000')).toBe('24/11/2026');
    expect(ckanInstant(null)).toBe('');
  });
});
