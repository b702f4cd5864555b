import {
  addDays,
  endOfLocalDay,
  isWeekend,
  localDay,
  localDayAndTime,
  msOfClockTime,
  yearOf,
  type CivilDate,
} from './civil-date';
import { statutoryHolidays } from './holidays';

/**
 * Working-day arithmetic for the civil service (Monday–Friday, Asia/Ho_Chi_Minh), over a resolved
 * set of rules. Pure and synchronous; WorkingDayCalendar loads the rules from the database.
 *
 * Deadline semantics (Nghị định 61/2018 counts "ngày làm việc"):
 *  - a dossier received on a working day, at or before the cutoff when there is one, makes that day
 *    day 0; the clock starts on the next working day;
 *  - received after the cutoff or on a day off, day 0 is the next working day;
 *  - the deadline of n working days is the n-th working day after day 0 (n = 0: day 0 itself, the
 *    "trả trong ngày" case), and it lasts until the end of that day, 23:59:59.999 in Vietnam. Office
 *    hours differ between agencies and are not the legal limit, so the whole day counts.
 */

/** A yearly decision that overrides the computed calendar for one day. */
export interface DayOverride {
  readonly day: CivilDate;
  /** day_off: a holiday, compensatory or swapped day off; working_day: a swapped working Saturday, or a cancelled computed day off. */
  readonly kind: 'day_off' | 'working_day';
}

export interface CalendarRules {
  /** The years these rules were resolved for; asking about another year is an error, never a guess. */
  readonly years: ReadonlySet<number>;
  /** Days off besides Saturdays and Sundays (holidays, compensatory days, decided days off). */
  readonly daysOff: ReadonlySet<CivilDate>;
  /** Days that are working days by decision, whatever the weekday. */
  readonly workingDays: ReadonlySet<CivilDate>;
}

export interface DeadlineOptions {
  /** 'HH:MM' local time; a dossier received after it counts from the next working day. */
  readonly cutoff?: string;
  readonly rules: CalendarRules;
}

/** Thrown when a computation walks into a year the rules were not resolved for. */
export class UncoveredYearError extends RangeError {
  override name = 'UncoveredYearError';

  constructor(readonly year: number) {
    super(`the calendar rules do not cover ${year}`);
  }
}

/** The computed calendar of `years` with the recorded decisions laid over it (a decision wins). */
export function resolveRules(years: Iterable<number>, decisions: readonly DayOverride[]): CalendarRules {
  const covered = new Set(years);
  const daysOff = new Set<CivilDate>();
  const workingDays = new Set<CivilDate>();
  for (const year of covered) for (const entry of statutoryHolidays(year)) daysOff.add(entry.date);
  for (const decision of decisions) {
    if (!covered.has(yearOf(decision.day))) continue;
    if (decision.kind === 'day_off') {
      daysOff.add(decision.day);
      workingDays.delete(decision.day);
    } else {
      workingDays.add(decision.day);
      daysOff.delete(decision.day);
    }
  }
  return { years: covered, daysOff, workingDays };
}

export function isWorkingDay(day: CivilDate, rules: CalendarRules): boolean {
  const year = yearOf(localDay(day));
  if (!rules.years.has(year)) throw new UncoveredYearError(year);
  if (rules.workingDays.has(day)) return true;
  if (rules.daysOff.has(day)) return false;
  return !isWeekend(day);
}

export function nextWorkingDay(day: CivilDate, rules: CalendarRules): CivilDate {
  let next = addDays(day, 1);
  while (!isWorkingDay(next, rules)) next = addDays(next, 1);
  return next;
}

/** Day 0 of a dossier received at `received`: see the semantics above. */
export function clockStartDay(received: Date, options: DeadlineOptions): CivilDate {
  const { day, msOfDay } = localDayAndTime(received);
  const inTime = options.cutoff === undefined || msOfDay <= msOfClockTime(options.cutoff);
  return isWorkingDay(day, options.rules) && inTime ? day : nextWorkingDay(day, options.rules);
}

/** The day on which a deadline of `workingDays` working days falls. */
export function deadlineDay(received: Date, workingDays: number, options: DeadlineOptions): CivilDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`not a number of working days: ${workingDays}`);
  }
  let day = clockStartDay(received, options);
  for (let count = 0; count < workingDays; count += 1) day = nextWorkingDay(day, options.rules);
  return day;
}

/** The deadline instant: the end (23:59:59.999, UTC+7) of the deadline day. */
export function addWorkingDays(received: Date, workingDays: number, options: DeadlineOptions): Date {
  return endOfLocalDay(deadlineDay(received, workingDays, options));
}

/**
 * Working days elapsed from `from` to `to`: the working days after from's day up to and including
 * to's day, negative when `to` is earlier. For a dossier received on a working day,
 * workingDaysBetween(received, addWorkingDays(received, n)) === n. The cutoff plays no part here.
 */
export function workingDaysBetween(
  from: Date | CivilDate,
  to: Date | CivilDate,
  rules: CalendarRules,
): number {
  const start = localDay(from);
  const end = localDay(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = addDays(low, 1); day <= high; day = addDays(day, 1))
    if (isWorkingDay(day, rules)) count += 1;
  return sign * count;
}
