import lunarJavascript from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  leapMonthOf,
  lunarDayOfMonth,
  lunarNewYear,
  lunarToSolar,
} from './lunar';

const { Lunar } = lunarJavascript;

// Tết and Giỗ Tổ (10/3) of 1968–2050 in Vietnam (UTC+7), produced by Hồ Ngọc Đức's amlich algorithm
// (Meeus' new moons), an implementation independent of lunar-javascript. 'MM-DD,MM-DD' per year.
const VIETNAM_1968_2050 =
  '01-29,04-07 02-16,04-26 02-06,04-15 01-27,04-05 02-15,04-23 02-03,04-12 01-23,04-02 02-11,04-20 01-31,04-09 02-18,04-27 ' +
  '02-07,04-16 01-28,04-06 02-16,04-24 02-05,04-14 01-25,04-03 02-13,04-22 02-02,04-10 01-21,04-29 02-09,04-18 01-29,04-07 ' +
  '02-17,04-25 02-06,04-15 01-27,04-05 02-15,04-24 02-04,04-12 01-23,04-01 02-10,04-20 01-31,04-09 02-19,04-27 02-07,04-16 ' +
  '01-28,04-06 02-16,04-25 02-05,04-14 01-24,04-03 02-12,04-22 02-01,04-11 01-22,04-28 02-09,04-18 01-29,04-07 02-17,04-26 ' +
  '02-07,04-15 01-26,04-04 02-14,04-23 02-03,04-12 01-23,03-31 02-10,04-19 01-31,04-09 02-19,04-28 02-08,04-16 01-28,04-06 ' +
  '02-16,04-25 02-05,04-14 01-25,04-02 02-12,04-21 02-01,04-10 01-22,04-29 02-10,04-18 01-29,04-07 02-17,04-26 02-06,04-16 ' +
  '01-26,04-04 02-13,04-23 02-02,04-12 01-23,04-01 02-11,04-19 01-31,04-09 02-19,04-28 02-08,04-17 01-28,04-06 02-15,04-24 ' +
  '02-04,04-13 01-24,04-03 02-12,04-20 02-01,04-10 01-22,04-29 02-10,04-19 01-30,04-07 02-17,04-26 02-06,04-15 01-26,04-04 ' +
  '02-14,04-22 02-02,04-11 01-23,04-01';

function chinese(year: number, month: number, day: number): string {
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

describe('Vietnamese lunar calendar', () => {
  it('gives the official Tết and Giỗ Tổ of 2025 and 2026', () => {
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarToSolar(2025, 3, 10)).toBe('2025-04-07');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26');
  });

  it('agrees with an independent Vietnamese algorithm for 1968–2050', () => {
    const expected = VIETNAM_1968_2050.split(' ');
    expect(expected).toHaveLength(2050 - 1968 + 1);
    expected.forEach((pair, index) => {
      const year = 1968 + index;
      const [tet, hungKings] = pair.split(',');
      expect(`${lunarNewYear(year)},${lunarToSolar(year, 3, 10)}`, String(year)).toBe(
        `${year}-${tet},${year}-${hungKings}`,
      );
    });
  });

  it('differs from the Chinese calendar in the known years', () => {
    // Tết Mậu Thân 1968, Ất Sửu 1985 (a whole month), Đinh Hợi 2007, Canh Tuất 2030.
    expect([lunarNewYear(1968), chinese(1968, 1, 1)]).toEqual(['1968-01-29', '1968-01-30']);
    expect([lunarNewYear(1985), chinese(1985, 1, 1)]).toEqual(['1985-01-21', '1985-02-20']);
    expect([lunarNewYear(2007), chinese(2007, 1, 1)]).toEqual(['2007-02-17', '2007-02-18']);
    expect([lunarNewYear(2030), chinese(2030, 1, 1)]).toEqual(['2030-02-02', '2030-02-03']);
    // Giỗ Tổ a day earlier than 10/3 in China.
    expect([lunarToSolar(2009, 3, 10), chinese(2009, 3, 10)]).toEqual(['2009-04-04', '2009-04-05']);
    expect([lunarToSolar(2037, 3, 10), chinese(2037, 3, 10)]).toEqual(['2037-04-24', '2037-04-25']);
  });

  it('lists every 1968–2050 year where Tết or Giỗ Tổ differ from China', () => {
    const differing: number[] = [];
    for (let year = 1968; year <= 2050; year += 1) {
      const sameTet = lunarNewYear(year) === chinese(year, 1, 1);
      const sameHungKings = lunarToSolar(year, 3, 10) === chinese(year, 3, 10);
      if (!sameTet || !sameHungKings) differing.push(year);
    }
    expect(differing).toEqual([1968, 1969, 1975, 1985, 2007, 2009, 2030, 2037, 2038]);
  });

  it('reproduces lunar-javascript exactly when computed for UTC+8, so the astronomy is used correctly', () => {
    for (let year = LUNAR_MIN_YEAR; year <= LUNAR_MAX_YEAR; year += 1) {
      const china = { utcOffsetHours: 8 };
      expect(lunarNewYear(year, china), String(year)).toBe(chinese(year, 1, 1));
      expect(lunarToSolar(year, 3, 10, china), String(year)).toBe(chinese(year, 3, 10));
    }
  });

  it('finds leap months, which can also differ from China', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBeNull();
    expect(leapMonthOf(2033)).toBe(11);
    expect([leapMonthOf(1984), leapMonthOf(1984, { utcOffsetHours: 8 })]).toEqual([null, 10]);
    expect(lunarToSolar(2025, 6, 1, { leap: true })).toBe('2025-07-25');
    expect(() => lunarToSolar(2025, 5, 1, { leap: true })).toThrow(RangeError);
  });

  it('knows the length of each month and the day of month of a Gregorian day', () => {
    expect(lunarToSolar(2025, 12, 29)).toBe('2026-02-16');
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(/29 days/);
    expect(lunarDayOfMonth('2026-02-14')).toBe(27);
    expect(lunarDayOfMonth('2025-01-25')).toBe(26);
    expect(lunarDayOfMonth('2025-01-29')).toBe(1);
  });

  it('refuses years outside the verified range', () => {
    expect(() => lunarNewYear(LUNAR_MIN_YEAR - 1)).toThrow(RangeError);
    expect(() => lunarNewYear(LUNAR_MAX_YEAR + 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
  });
});
