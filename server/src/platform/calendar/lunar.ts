import lunarJavascript from 'lunar-javascript';
import { civilDateOf, dayNumber, VIETNAM_UTC_OFFSET_HOURS, type CivilDate } from './civil-date';

/**
 * The Vietnamese lunar calendar (âm lịch), for the lunar holidays of the Labour Code.
 *
 * Vietnam and China share the calendar rules but not the meridian: since 1968 Vietnam reckons new
 * moons and solar terms in UTC+7, China in UTC+8. When a new moon falls between 16:00 and 17:00 UTC
 * the two calendars start the month on different days, and a leap month can move (Tết 1985 was
 * 21 January in Vietnam, 20 February in China). lunar-javascript only builds the Chinese calendar, so
 * we take its astronomy (instants of new moons and solar terms) and apply the calendar rules in
 * UTC+7 here. No astronomy is computed in this file; see docs/data-sources/calendar.md.
 */

const { ShouXingUtil } = lunarJavascript;

/** Vietnam adopted UTC+7 for the lunar calendar in 1968; the computation is verified up to 2150. */
export const LUNAR_MIN_YEAR = 1968;
export const LUNAR_MAX_YEAR = 2150;

const J2000_EPOCH_DAY = dayNumber('2000-01-01');
const FIRST_NEW_MOON_OF_2000 = dayNumber('2000-01-06');
const SYNODIC_MONTH_DAYS = 29.530588853;
const TWO_PI = 2 * Math.PI;
const WINTER_SOLSTICE_1999 = 1.5 * Math.PI;

export interface LunarOptions {
  /** Meridian of the calendar; 7 (Vietnam) unless told otherwise. Tests pass 8 to compare with China. */
  readonly utcOffsetHours?: number;
}

export interface LunarDateOptions extends LunarOptions {
  readonly leap?: boolean;
}

/** The local day (days since 1970-01-01) of an instant returned by lunar-javascript. */
function localDayOf(libraryInstant: number, utcOffsetHours: number): number {
  // The library counts days since J2000 (2000-01-01 12:00) and adds 8 h for Beijing. Remove its
  // offset, add ours, and shift by half a day so that flooring yields the civil day.
  const local = libraryInstant - ShouXingUtil.ONE_THIRD + utcOffsetHours / 24;
  return Math.floor(local + 0.5) + J2000_EPOCH_DAY;
}

/** Local day of the k-th new moon counted from the one of 6 January 2000. */
function newMoonDay(k: number, utcOffsetHours: number): number {
  return localDayOf(ShouXingUtil.shuoHigh(TWO_PI * k), utcOffsetHours);
}

/** Local day on which the Sun reaches `longitude` radians, counted on from the December 1999 solstice. */
function solarTermDay(longitude: number, utcOffsetHours: number): number {
  return localDayOf(ShouXingUtil.qiHigh(longitude), utcOffsetHours);
}

function winterSolsticeDay(year: number, utcOffsetHours: number): number {
  return solarTermDay(WINTER_SOLSTICE_1999 + TWO_PI * (year - 1999), utcOffsetHours);
}

/** Index of the new moon that starts lunar month 11, the month holding the December solstice of `year`. */
function month11Index(year: number, utcOffsetHours: number): number {
  const solstice = winterSolsticeDay(year, utcOffsetHours);
  let k = Math.floor((solstice - FIRST_NEW_MOON_OF_2000) / SYNODIC_MONTH_DAYS);
  while (newMoonDay(k + 1, utcOffsetHours) <= solstice) k += 1;
  while (newMoonDay(k, utcOffsetHours) > solstice) k -= 1;
  return k;
}

/** The months from month 11 of the lunar year before `year` up to, not including, month 11 of `year`. */
interface LunarCycle {
  readonly firstNewMoon: number;
  /** Position (0 = month 11) of the leap month when the cycle has 13 months. */
  readonly leapPosition: number | null;
}

function lunarCycle(year: number, utcOffsetHours: number): LunarCycle {
  const firstNewMoon = month11Index(year - 1, utcOffsetHours);
  const monthCount = month11Index(year, utcOffsetHours) - firstNewMoon;
  const leapPosition = monthCount === 13 ? findLeapPosition(year, firstNewMoon, utcOffsetHours) : null;
  return { firstNewMoon, leapPosition };
}

/** In a 13-month cycle the leap month is the first month that holds no major solar term (trung khí). */
function findLeapPosition(year: number, firstNewMoon: number, utcOffsetHours: number): number {
  for (let position = 1; position <= 12; position += 1) {
    const longitude = WINTER_SOLSTICE_1999 + TWO_PI * (year - 2000) + (position * Math.PI) / 6;
    const term = solarTermDay(longitude, utcOffsetHours);
    const start = newMoonDay(firstNewMoon + position, utcOffsetHours);
    const next = newMoonDay(firstNewMoon + position + 1, utcOffsetHours);
    if (term < start || term >= next) return position;
  }
  throw new Error(`lunar year ${year} has 13 months but no month without a major solar term`);
}

/** Position of (month, leap) in its cycle: month 11 is 0, month 12 is 1, month 1 is 2, … */
function positionInCycle(cycle: LunarCycle, month: number, leap: boolean): number {
  const regular = month >= 11 ? month - 11 : month + 1;
  if (leap) {
    if (cycle.leapPosition !== regular + 1) {
      throw new RangeError(`month ${month} is not a leap month that year`);
    }
    return regular + 1;
  }
  return cycle.leapPosition !== null && cycle.leapPosition <= regular ? regular + 1 : regular;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`lunar year ${year} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

/** The Gregorian day of a Vietnamese lunar date (day/month of lunar `year`). */
export function lunarToSolar(
  year: number,
  month: number,
  day: number,
  options: LunarDateOptions = {},
): CivilDate {
  const offset = options.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
  assertSupportedYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`no lunar month ${month}`);
  // Months 11 and 12 of a lunar year open the cycle that ends in the next year's month 11.
  const cycle = lunarCycle(month >= 11 ? year + 1 : year, offset);
  const position = positionInCycle(cycle, month, options.leap ?? false);
  const start = newMoonDay(cycle.firstNewMoon + position, offset);
  const length = newMoonDay(cycle.firstNewMoon + position + 1, offset) - start;
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(`lunar month ${month} of ${year} has ${length} days`);
  }
  return civilDateOf(start + day - 1);
}

/** Tết Nguyên đán: the first day of the first lunar month of `year`. */
export function lunarNewYear(year: number, options: LunarOptions = {}): CivilDate {
  return lunarToSolar(year, 1, 1, options);
}

/** Which month of lunar `year` is doubled, if any (Vietnam: 2020 → 4, 2023 → 2, 2025 → 6). */
export function leapMonthOf(year: number, options: LunarOptions = {}): number | null {
  const offset = options.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
  assertSupportedYear(year);
  const own = lunarCycle(year, offset).leapPosition;
  // Positions 3–12 of the year's own cycle are leap months 1–10; positions 1–2 of the next cycle are 11–12.
  if (own !== null && own >= 3) return own - 2;
  const next = lunarCycle(year + 1, offset).leapPosition;
  return next !== null && next <= 2 ? next + 10 : null;
}

/** The day of its lunar month (1–30) on which a Gregorian day falls. */
export function lunarDayOfMonth(day: CivilDate, options: LunarOptions = {}): number {
  const offset = options.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
  const target = dayNumber(day);
  let k = Math.floor((target - FIRST_NEW_MOON_OF_2000) / SYNODIC_MONTH_DAYS);
  while (newMoonDay(k + 1, offset) <= target) k += 1;
  while (newMoonDay(k, offset) > target) k -= 1;
  return target - newMoonDay(k, offset) + 1;
}
