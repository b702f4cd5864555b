import { localDay, type WorkingDayCalendar } from '../../platform/calendar';
import { TtlMemo } from './memo';

/** Emergencies (and anything the hub flags urgent) get one working day (QĐ 960/QĐ-UBND). */
export const URGENT_WORKING_DAYS = 1;

/** Deadlines in working days from the kernel calendar: weekends, statutory and decided days off skipped. */
export class Deadlines {
  // A deadline depends only on the start's day in Vietnam and the number of days (no cutoff is
  // used), so every submission of a day shares it; a new holiday decision is seen within a minute.
  readonly #memo = new TtlMemo<Date>(60_000);

  constructor(private readonly calendar: WorkingDayCalendar) {}

  /** The deadline of a report received or assigned at `start`; null when it has no category yet. */
  async due(
    start: Date,
    category: { deadlineWorkingDays: number } | null | undefined,
    urgent: boolean,
  ): Promise<{ dueAt: Date | null; workingDays: number | null }> {
    if (!category) return { dueAt: null, workingDays: null };
    const workingDays = urgent ? URGENT_WORKING_DAYS : category.deadlineWorkingDays;
    const dueAt = await this.#memo.get(`${localDay(start)}|${workingDays}`, () =>
      this.calendar.addWorkingDays(start, workingDays),
    );
    return { dueAt, workingDays };
  }

  /** An approved extension: `days` more working days after the current deadline's day. */
  extend(current: Date, days: number): Promise<Date> {
    return this.calendar.addWorkingDays(current, days);
  }
}
