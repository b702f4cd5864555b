/**
 * Calendar days and instants in Vietnam's civil time. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight
 * saving since 1975), so a fixed offset is exact and needs no time-zone database.
 */

/** A calendar day as 'YYYY-MM-DD'. A day has no time zone; it is always read as a day in Vietnam. */
export type CivilDate = string;

export const VIETNAM_UTC_OFFSET_HOURS = 7;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01; the unit of all day arithmetic here. */
export function dayNumber(day: CivilDate): number {
  const match = DATE_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const epochDay = Date.UTC(year, month - 1, date) / MS_PER_DAY;
  if (civilDateOf(epochDay) !== day) throw new RangeError(`no such calendar day: ${day}`);
  return epochDay;
}

export function civilDateOf(epochDay: number): CivilDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isCivilDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: CivilDate, days: number): CivilDate {
  return civilDateOf(dayNumber(day) + days);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(day: CivilDate): number {
  return new Date(dayNumber(day) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(day: CivilDate): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

export function yearOf(day: CivilDate): number {
  return Number(day.slice(0, 4));
}

/** The day an instant falls on in Vietnam and the milliseconds elapsed since that day's midnight. */
export function localDayAndTime(instant: Date): { day: CivilDate; msOfDay: number } {
  const shifted = instant.getTime() + OFFSET_MS;
  if (!Number.isFinite(shifted)) throw new RangeError('invalid instant');
  const epochDay = Math.floor(shifted / MS_PER_DAY);
  return { day: civilDateOf(epochDay), msOfDay: shifted - epochDay * MS_PER_DAY };
}

/** The day an instant falls on in Vietnam; a CivilDate is returned as it is. */
export function localDay(value: Date | CivilDate): CivilDate {
  if (value instanceof Date) return localDayAndTime(value).day;
  dayNumber(value);
  return value;
}

/** The last millisecond of a day in Vietnam (23:59:59.999 UTC+7). */
export function endOfLocalDay(day: CivilDate): Date {
  return new Date((dayNumber(day) + 1) * MS_PER_DAY - OFFSET_MS - 1);
}

export function isClockTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/** 'HH:MM' (24-hour) as milliseconds since midnight. */
export function msOfClockTime(clock: string): number {
  const match = TIME_PATTERN.exec(clock);
  if (!match) throw new RangeError(`not a 24-hour clock time (HH:MM): ${clock}`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}
