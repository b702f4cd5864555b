import { todayInCity, weekdayOf } from '../../lib/format';

/** The days that break the Monday–Friday rule, from the kernel calendar's `/calendar/days-off`. */
export interface WorkingCalendar {
  /** Holidays, compensatory and decided days off ("YYYY-MM-DD"). */
  readonly daysOff: ReadonlySet<string>;
  /** Weekend days a decision made working days (swapped Saturdays). */
  readonly workingDays: ReadonlySet<string>;
}

function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.daysOff.has(day)) return false;
  const weekday = weekdayOf(day);
  return (weekday !== 0 && weekday !== 6) || calendar.workingDays.has(day);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Working days after `from` up to and including `to`, negative when `to` is earlier — the same
 * count as the server's `GET /calendar/working-days`, so the console and the deadline jobs agree.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (from === to) return 0;
  const [first, last, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = nextDay(first); day <= last; day = nextDay(day)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return sign * count;
}

export type DeadlineState =
  | { readonly kind: 'none' }
  | { readonly kind: 'remaining'; readonly workingDays: number }
  | { readonly kind: 'overdue'; readonly workingDays: number };

/**
 * Where a report stands against its deadline, in working days as the city counts them. Whether it is
 * overdue is the server's word (`overdue` is derived there); this only says by how much.
 */
export function deadlineState(
  dueAt: string | null,
  overdue: boolean,
  calendar: WorkingCalendar | null,
  now: Date = new Date(),
): DeadlineState {
  if (!dueAt || !calendar) return { kind: 'none' };
  const between = workingDaysBetween(todayInCity(now), todayInCity(new Date(dueAt)), calendar);
  if (overdue) return { kind: 'overdue', workingDays: Math.max(0, -between) };
  return { kind: 'remaining', workingDays: Math.max(0, between) };
}
