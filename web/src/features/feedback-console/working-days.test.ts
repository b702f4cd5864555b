import { describe, expect, it } from 'vitest';
import { deadlineState, workingDaysBetween, type WorkingCalendar } from './working-days';

const plain: WorkingCalendar = { daysOff: new Set(), workingDays: new Set() };
// 2026: 2 September (National Day) is a Wednesday; say 1 September is a decided day off and
// Saturday 12 September a swapped working day.
const september: WorkingCalendar = {
  daysOff: new Set(['2026-09-01', '2026-09-02']),
  workingDays: new Set(['2026-09-12']),
};

describe('workingDaysBetween', () => {
  it('skips weekends: Friday to the next Tuesday is two working days', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-24', plain)).toBe(2);
  });

  it('is zero for the same day and negative backwards', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23', plain)).toBe(0);
    expect(workingDaysBetween('2026-11-24', '2026-11-20', plain)).toBe(-2);
  });

  it('skips days off and counts swapped Saturdays', () => {
    // Mon 31 Aug → Mon 14 Sep: 3–4, 7–11 Sep, Sat 12, Mon 14 = 2 + 5 + 1 + 1.
    expect(workingDaysBetween('2026-08-31', '2026-09-14', september)).toBe(9);
  });
});

describe('deadlineState', () => {
  const monday = new Date('2026-11-23T03:00:00Z');

  it('counts the working days left until the deadline day', () => {
    expect(deadlineState('2026-11-26T16:59:59.999Z', false, plain, monday)).toEqual({
      kind: 'remaining',
      workingDays: 3,
    });
  });

  it('says by how many working days an overdue report is late', () => {
    expect(deadlineState('2026-11-18T16:59:59.999Z', true, plain, monday)).toEqual({
      kind: 'overdue',
      workingDays: 3,
    });
  });

  it('has nothing to say without a deadline or a calendar', () => {
    expect(deadlineState(null, false, plain, monday)).toEqual({ kind: 'none' });
    expect(deadlineState('2026-11-26T16:59:59.999Z', false, null, monday)).toEqual({ kind: 'none' });
  });
});
