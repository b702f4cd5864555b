import type { Actor, AuditLog } from '../audit/audit';
import { changedFields } from '../audit/changed-fields';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { calendarErrors } from './calendar.errors';
import {
  CalendarRepo,
  type CalendarDecision,
  type CalendarDecisionChanges,
  type CalendarDecisionFields,
} from './calendar.repo';
import { endOfLocalDay, isCivilDate, isClockTime, localDay, yearOf, type CivilDate } from './civil-date';
import { statutoryHolidays, type Holiday } from './holidays';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';
import * as arithmetic from './working-days';

/** Longest deadline the calendar computes (about four years of working days). */
export const MAX_WORKING_DAYS = 1000;
/** Longest period workingDaysBetween counts over, in calendar years. */
export const MAX_SPAN_YEARS = 10;

export interface DayOff {
  readonly date: CivilDate;
  readonly nameVi: string;
  readonly nameEn: string | null;
  /** statutory: art. 112(1); compensatory: art. 111(3); decision: a recorded yearly decision. */
  readonly source: 'statutory' | 'compensatory' | 'decision';
  /** True for a computed day the Prime Minister fixes each year, while no decision is recorded for it. */
  readonly provisional: boolean;
  readonly legalBasis: string;
  readonly sourceUrl: string | null;
}

export interface Deadline {
  /** Day 0: the day of receipt, or the next working day when received after the cutoff or on a day off. */
  readonly clockStartDay: CivilDate;
  readonly deadlineDay: CivilDate;
  /** The end of the deadline day: 23:59:59.999 in Vietnam. */
  readonly deadline: Date;
}

const LABOUR_CODE_HOLIDAYS = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const LABOUR_CODE_COMPENSATION = 'Bộ luật Lao động 2019, Điều 111 khoản 3';

/**
 * The civil-service working-day calendar: the computed statutory holidays with the recorded yearly
 * decisions laid over them. Every call reads the decisions it needs, so several app processes agree
 * as soon as an administrator's change commits; nothing is cached.
 */
export class WorkingDayCalendar {
  readonly #repo: CalendarRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.#repo = new CalendarRepo(db);
  }

  async isWorkingDay(day: CivilDate): Promise<boolean> {
    assertDay(day);
    const year = yearOf(day);
    return arithmetic.isWorkingDay(day, await this.#rules(year, year));
  }

  /** The deadline of `workingDays` working days for a dossier received at `start`: the end of the deadline day, UTC+7. */
  async addWorkingDays(start: Date, workingDays: number, options: { cutoff?: string } = {}): Promise<Date> {
    return (await this.deadline(start, workingDays, options)).deadline;
  }

  /** The deadline with the days it was counted from (see working-days.ts for the semantics). */
  async deadline(start: Date, workingDays: number, options: { cutoff?: string } = {}): Promise<Deadline> {
    assertDeadlineInputs(start, workingDays, options.cutoff);
    const firstYear = yearOf(localDay(start));
    // About 250 working days a year; 200 leaves room for years with many decided days off.
    const lastYear = firstYear + 1 + Math.floor(workingDays / 200);
    return this.#withGrowingRules(firstYear, lastYear, (rules) => {
      const deadlineOptions = { ...options, rules };
      const deadlineDay = arithmetic.deadlineDay(start, workingDays, deadlineOptions);
      return {
        clockStartDay: arithmetic.clockStartDay(start, deadlineOptions),
        deadlineDay,
        deadline: endOfLocalDay(deadlineDay),
      };
    });
  }

  /** Working days after from's day up to and including to's day (negative when `to` is earlier). */
  async workingDaysBetween(from: Date | CivilDate, to: Date | CivilDate): Promise<number> {
    const [first, last] = [yearOf(toDay(from)), yearOf(toDay(to))].sort((a, b) => a - b) as [number, number];
    if (last - first >= MAX_SPAN_YEARS) {
      throw new AppError(calendarErrors.RANGE_TOO_LONG, {}, { maxYears: MAX_SPAN_YEARS });
    }
    return arithmetic.workingDaysBetween(from, to, await this.#rules(first, last));
  }

  /** Every day off of `year` besides Saturdays and Sundays, or a holiday falling on them, with its reason. */
  async daysOff(year: number): Promise<DayOff[]> {
    assertYear(year);
    const byDay = new Map<CivilDate, DayOff>(
      statutoryHolidays(year).map((entry) => [entry.date, fromHoliday(entry)]),
    );
    for (const decision of await this.listDecisions(year)) {
      if (decision.kind === 'working_day') byDay.delete(decision.day);
      else byDay.set(decision.day, fromDecision(decision));
    }
    return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  listDecisions(year: number): Promise<CalendarDecision[]> {
    assertYear(year);
    return this.#repo.between(`${year}-01-01`, `${year}-12-31`);
  }

  async getDecision(day: CivilDate): Promise<CalendarDecision> {
    assertDay(day);
    const decision = await this.#repo.find(day);
    if (!decision) throw new AppError(calendarErrors.DECISION_NOT_FOUND, { day }, { day });
    return decision;
  }

  async createDecision(fields: CalendarDecisionFields, actor: Actor): Promise<CalendarDecision> {
    assertDay(fields.day);
    await this.db.transaction().execute(async (trx) => {
      if (await this.#repo.find(fields.day, trx)) {
        throw new AppError(calendarErrors.DECISION_EXISTS, { day: fields.day }, { day: fields.day });
      }
      await this.#repo.insert(trx, fields).catch((error: unknown) => rethrowExists(error, fields.day));
      await this.audit.record(trx, actor, {
        action: 'calendar.decision_created',
        targetType: 'calendar_decision',
        targetId: fields.day,
        summary: { ...fields },
      });
    });
    return this.getDecision(fields.day);
  }

  async updateDecision(
    day: CivilDate,
    changes: CalendarDecisionChanges,
    actor: Actor,
  ): Promise<CalendarDecision> {
    const before = await this.getDecision(day);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.update(trx, day, changes);
      await this.audit.record(trx, actor, {
        action: 'calendar.decision_updated',
        targetType: 'calendar_decision',
        targetId: day,
        summary: changedFields(before, changes),
      });
    });
    return this.getDecision(day);
  }

  async deleteDecision(day: CivilDate, actor: Actor): Promise<void> {
    const before = await this.getDecision(day);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.delete(trx, day);
      await this.audit.record(trx, actor, {
        action: 'calendar.decision_deleted',
        targetType: 'calendar_decision',
        targetId: day,
        summary: { ...before },
      });
    });
  }

  async #rules(firstYear: number, lastYear: number): Promise<arithmetic.CalendarRules> {
    assertYear(firstYear);
    assertYear(lastYear);
    const decisions = await this.#repo.between(`${firstYear}-01-01`, `${lastYear}-12-31`);
    const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);
    return arithmetic.resolveRules(years, decisions);
  }

  /** Runs `compute` over the years first…last, and over one more year each time it walks past them. */
  async #withGrowingRules<T>(
    firstYear: number,
    lastYear: number,
    compute: (rules: arithmetic.CalendarRules) => T,
  ): Promise<T> {
    for (let last = lastYear; ; last += 1) {
      try {
        return compute(await this.#rules(firstYear, last));
      } catch (error) {
        if (!(error instanceof arithmetic.UncoveredYearError) || error.year !== last + 1) throw error;
      }
    }
  }
}

function invalidDay(value: unknown): AppError {
  const text = String(value);
  return new AppError(calendarErrors.INVALID_DAY, { value: text }, { value: text });
}

function assertDay(day: string): void {
  if (!isCivilDate(day)) throw invalidDay(day);
}

function assertInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw invalidDay(instant);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    const range = { min: LUNAR_MIN_YEAR, max: LUNAR_MAX_YEAR };
    throw new AppError(calendarErrors.YEAR_OUT_OF_RANGE, { year }, range);
  }
}

function assertDeadlineInputs(start: Date, workingDays: number, cutoff: string | undefined): void {
  assertInstant(start);
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
    throw new AppError(calendarErrors.INVALID_DAY_COUNT, { value: workingDays }, { max: MAX_WORKING_DAYS });
  }
  if (cutoff !== undefined && !isClockTime(cutoff)) {
    throw new AppError(calendarErrors.INVALID_CUTOFF, { value: cutoff });
  }
}

function toDay(value: Date | CivilDate): CivilDate {
  if (typeof value === 'string') assertDay(value);
  else assertInstant(value);
  return localDay(value);
}

function fromHoliday(entry: Holiday): DayOff {
  const compensatory = entry.kind === 'compensatory';
  return {
    date: entry.date,
    nameVi: entry.nameVi,
    nameEn: entry.nameEn,
    source: compensatory ? 'compensatory' : 'statutory',
    provisional: entry.decidedYearly,
    legalBasis: compensatory ? LABOUR_CODE_COMPENSATION : LABOUR_CODE_HOLIDAYS,
    sourceUrl: null,
  };
}

function fromDecision(decision: CalendarDecision): DayOff {
  return {
    date: decision.day,
    nameVi: decision.nameVi,
    nameEn: decision.nameEn,
    source: 'decision',
    provisional: false,
    legalBasis: decision.legalBasis,
    sourceUrl: decision.sourceUrl,
  };
}

function rethrowExists(error: unknown, day: CivilDate): never {
  if ((error as { code?: string }).code === '23505') {
    throw new AppError(calendarErrors.DECISION_EXISTS, { day }, { day });
  }
  throw error;
}
