import { describe, expect, test } from 'vitest';
import { dayBoundary, formatDateTime, formatDay, todayInCity, weekdayOf } from './format';

describe('dates in Asia/Ho_Chi_Minh', () => {
  test('an instant is shown as dd/MM/yyyy HH:mm in Vietnam time, whatever the zone it was written in', () => {
    expect(formatDateTime('2025-12-31T17:30:00Z')).toBe('01/01/2026 00:30');
    expect(formatDateTime('2025-07-01T08:05:00+07:00')).toBe('01/07/2025 08:05');
  });

  test('missing or broken values show nothing rather than "Invalid Date"', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  test('a calendar day is reordered, not shifted by a time zone', () => {
    expect(formatDay('2026-02-16')).toBe('16/02/2026');
    expect(weekdayOf('2026-02-16')).toBe(1);
  });

  test('"today" is the Vietnamese day: 20:00 UTC is already tomorrow there', () => {
    expect(todayInCity(new Date('2025-06-30T20:00:00Z'))).toBe('2025-07-01');
  });

  test('day boundaries carry the +07:00 offset the API expects', () => {
    expect(dayBoundary('2025-07-01', 'start')).toBe('2025-07-01T00:00:00+07:00');
    expect(new Date(dayBoundary('2025-07-01', 'end')).toISOString()).toBe('2025-07-01T16:59:59.999Z');
  });
});
