import { describe, expect, it } from 'vitest';
import { isWeekend } from './civil-date';
import { statutoryHolidays } from './holidays';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';

function dates(year: number, kind?: 'public_holiday' | 'compensatory'): string[] {
  return statutoryHolidays(year)
    .filter((entry) => kind === undefined || entry.kind === kind)
    .map((entry) => entry.date);
}

/** Weekdays off computed for a year, in a date window: what a civil servant actually gets off. */
function weekdaysOff(year: number, from: string, to: string): string[] {
  return dates(year).filter((date) => date >= from && date <= to && !isWeekend(date));
}

describe('statutoryHolidays', () => {
  it('computes the eleven holidays of 2025 (no compensatory day that year)', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(dates(2025, 'compensatory')).toEqual([]);
  });

  it('gives 2026 its compensatory days: Tết eve on Sunday, Giỗ Tổ on Sunday 26/4', () => {
    expect(dates(2026, 'public_holiday')).toHaveLength(11);
    expect(dates(2026, 'compensatory')).toEqual(['2026-02-20', '2026-04-27']);
    const hungKings = statutoryHolidays(2026).find((entry) => entry.date === '2026-04-26');
    expect(hungKings).toMatchObject({
      occasion: 'hung_kings',
      nameVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      decidedYearly: false,
    });
  });

  it('names the Tết days by their lunar day and marks them as decided yearly', () => {
    const tet = statutoryHolidays(2026).filter(
      (entry) => entry.occasion === 'lunar_new_year' && entry.kind === 'public_holiday',
    );
    expect(tet.map((entry) => entry.nameVi)).toEqual([
      'Tết Âm lịch (28 tháng Chạp)',
      'Tết Âm lịch (29 tháng Chạp)',
      'Tết Âm lịch (mùng 1 tháng Giêng)',
      'Tết Âm lịch (mùng 2 tháng Giêng)',
      'Tết Âm lịch (mùng 3 tháng Giêng)',
    ]);
    expect(tet.every((entry) => entry.decidedYearly)).toBe(true);
  });

  it('moves each weekend holiday to its own next free weekday', () => {
    // 2022: 30/4 Saturday and 1/5 Sunday gave Monday 2/5 and Tuesday 3/5.
    expect(dates(2022, 'compensatory')).toContain('2022-05-02');
    expect(dates(2022, 'compensatory')).toContain('2022-05-03');
    // 2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday: days off 29/4–3/5.
    expect(weekdaysOff(2023, '2023-04-29', '2023-05-05')).toEqual(['2023-05-01', '2023-05-02', '2023-05-03']);
    // 2023: 1/1 on Sunday gave Monday 2/1.
    expect(dates(2023, 'compensatory')).toContain('2023-01-02');
  });

  it('reproduces the Tết blocks decided for 2021–2026 with the default rule', () => {
    expect(weekdaysOff(2021, '2021-02-01', '2021-02-28')).toEqual([
      '2021-02-10',
      '2021-02-11',
      '2021-02-12',
      '2021-02-15',
      '2021-02-16',
    ]);
    expect(weekdaysOff(2022, '2022-01-20', '2022-02-28')).toEqual([
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
    ]);
    expect(weekdaysOff(2023, '2023-01-10', '2023-01-31')).toEqual([
      '2023-01-20',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
    ]);
    expect(weekdaysOff(2024, '2024-02-01', '2024-02-28')).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
    expect(weekdaysOff(2025, '2025-01-20', '2025-02-10')).toEqual([
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
    expect(weekdaysOff(2026, '2026-02-01', '2026-02-28')).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
  });

  it('reproduces the National Day breaks decided for 2021–2026 with the default rule', () => {
    const nationalDay = (year: number) => weekdaysOff(year, `${year}-08-25`, `${year}-09-10`);
    expect(nationalDay(2021)).toEqual(['2021-09-02', '2021-09-03']);
    expect(nationalDay(2022)).toEqual(['2022-09-01', '2022-09-02']);
    expect(nationalDay(2023)).toEqual(['2023-09-01', '2023-09-04']);
    expect(nationalDay(2024)).toEqual(['2024-09-02', '2024-09-03']);
    expect(nationalDay(2025)).toEqual(['2025-09-01', '2025-09-02']);
    expect(nationalDay(2026)).toEqual(['2026-09-01', '2026-09-02']);
  });

  it('never puts two holidays on one day in the supported years', () => {
    for (let year = LUNAR_MIN_YEAR; year <= LUNAR_MAX_YEAR; year += 1) {
      const holidays = dates(year, 'public_holiday');
      expect(new Set(holidays).size, String(year)).toBe(11);
    }
  });
});
