import { describe, expect, it } from 'vitest';
import { calendarDecisionsSeed } from './calendar.seed';
import {
  addWorkingDays,
  clockStartDay,
  deadlineDay,
  isWorkingDay,
  resolveRules,
  UncoveredYearError,
  workingDaysBetween,
} from './working-days';

// The real 2025 and 2026 civil-service calendars: statutory holidays plus the recorded decisions.
const rules = resolveRules([2025, 2026], calendarDecisionsSeed);

/** An instant given as Vietnamese local time. */
function vn(localDateTime: string): Date {
  return new Date(`${localDateTime}+07:00`);
}

const cutoff = '15:00';

describe('isWorkingDay over the real 2025 and 2026 calendars', () => {
  it.each([
    ['2025-01-24', true, 'Friday before Tết'],
    ['2025-01-27', false, 'Tết Ất Tỵ'],
    ['2025-02-03', true, 'back to work after Tết'],
    ['2025-04-07', false, 'Giỗ Tổ Hùng Vương'],
    ['2025-04-26', true, 'Saturday worked in exchange for 2/5'],
    ['2025-04-27', false, 'ordinary Sunday'],
    ['2025-05-02', false, 'swapped day off'],
    ['2025-09-01', false, 'second National Day'],
    ['2025-09-03', true, 'Wednesday after National Day'],
    ['2026-01-02', false, 'swapped New Year day off'],
    ['2026-01-10', true, 'Saturday worked in exchange for 2/1'],
    ['2026-02-20', false, 'mùng 4 Tết Bính Ngọ'],
    ['2026-02-23', true, 'back to work after Tết'],
    ['2026-04-27', false, 'compensatory day for Giỗ Tổ on Sunday 26/4'],
    ['2026-04-28', true, 'no swap between Giỗ Tổ and 30/4'],
    ['2026-08-22', true, 'Saturday worked in exchange for 31/8'],
    ['2026-08-31', false, 'swapped day off before National Day'],
  ])('%s is %s (%s)', (day, expected) => {
    expect(isWorkingDay(day, rules)).toBe(expected);
  });

  it('counts 250 working days in each of 2025 and 2026', () => {
    expect(
      workingDaysBetween('2024-12-31', '2025-12-31', resolveRules([2024, 2025], calendarDecisionsSeed)),
    ).toBe(250);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', rules)).toBe(250);
  });

  it('refuses to answer for a year the rules do not cover', () => {
    expect(() => isWorkingDay('2027-01-04', rules)).toThrow(UncoveredYearError);
  });

  it('lets a decision cancel a computed day off', () => {
    const cancelled = resolveRules([2026], [{ day: '2026-04-27', kind: 'working_day' }]);
    expect(isWorkingDay('2026-04-27', cancelled)).toBe(true);
  });
});

describe('same-day procedures with a 15:00 cutoff (addWorkingDays with n = 0)', () => {
  it('returns the same day when received before the cutoff on a working day', () => {
    expect(deadlineDay(vn('2025-03-03T10:00'), 0, { cutoff, rules })).toBe('2025-03-03');
  });

  it('counts 15:00 itself as in time and anything later as the next working day', () => {
    expect(deadlineDay(vn('2025-03-03T15:00:00'), 0, { cutoff, rules })).toBe('2025-03-03');
    expect(deadlineDay(vn('2025-03-03T15:00:01'), 0, { cutoff, rules })).toBe('2025-03-04');
  });

  it('moves a Friday-afternoon dossier before Tết to the first working day after it', () => {
    expect(deadlineDay(vn('2026-02-13T16:30'), 0, { cutoff, rules })).toBe('2026-02-23');
  });

  it('moves a dossier received on a day off to the next working day, whatever the time', () => {
    expect(deadlineDay(vn('2025-04-27T08:00'), 0, { cutoff, rules })).toBe('2025-04-28');
    expect(deadlineDay(vn('2025-12-31T16:00'), 0, { cutoff, rules })).toBe('2026-01-05');
  });

  it('treats a swapped working Saturday as a working day', () => {
    expect(deadlineDay(vn('2026-01-10T09:00'), 0, { cutoff, rules })).toBe('2026-01-10');
  });

  it('reasons in Vietnamese time, not UTC', () => {
    // 18:30 UTC on Sunday 2 March is 01:30 on Monday 3 March in Vietnam.
    expect(clockStartDay(new Date('2025-03-02T18:30:00Z'), { rules })).toBe('2025-03-03');
    // 08:30 UTC is 15:30 in Vietnam: after the cutoff.
    expect(clockStartDay(new Date('2025-03-03T08:30:00Z'), { cutoff, rules })).toBe('2025-03-04');
  });
});

describe('deadlines of n working days', () => {
  it('starts the clock the next working day and skips holidays and swaps', () => {
    // Received Tuesday 29/4/2025: 30/4, 1/5, 2/5 (swapped) and the weekend are off.
    expect(deadlineDay(vn('2025-04-29T09:00'), 3, { rules })).toBe('2025-05-07');
    // Received Thursday 12/2/2026: Friday 13/2 is day 1, Tết runs 14–22/2.
    expect(deadlineDay(vn('2026-02-12T10:00'), 2, { rules })).toBe('2026-02-23');
  });

  it('counts a received-after-cutoff dossier from the next working day', () => {
    expect(deadlineDay(vn('2025-03-03T16:00'), 3, { cutoff, rules })).toBe('2025-03-07');
    expect(deadlineDay(vn('2025-03-03T16:00'), 3, { rules })).toBe('2025-03-06');
  });

  it('ends at 23:59:59.999 in Vietnam on the deadline day', () => {
    expect(addWorkingDays(vn('2025-03-03T10:00'), 0, { cutoff, rules }).toISOString()).toBe(
      '2025-03-03T16:59:59.999Z',
    );
    expect(addWorkingDays(vn('2025-08-29T10:00'), 1, { rules }).toISOString()).toBe(
      '2025-09-03T16:59:59.999Z',
    );
  });

  it('is undone by workingDaysBetween for a dossier received on a working day', () => {
    const received = vn('2025-12-22T09:00');
    for (const n of [0, 1, 5, 8, 15, 30, 60]) {
      expect(workingDaysBetween(received, addWorkingDays(received, n, { rules }), rules), String(n)).toBe(n);
    }
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => deadlineDay(vn('2025-03-03T10:00'), -1, { rules })).toThrow(RangeError);
    expect(() => deadlineDay(vn('2025-03-03T10:00'), 1.5, { rules })).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to and including the last', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-23', rules)).toBe(1);
    expect(workingDaysBetween('2025-04-25', '2025-04-28', rules)).toBe(2);
    expect(workingDaysBetween('2025-03-03', '2025-03-03', rules)).toBe(0);
  });

  it('is negative when the end comes first, e.g. days overdue', () => {
    expect(workingDaysBetween('2026-02-23', '2026-02-13', rules)).toBe(-1);
  });
});
