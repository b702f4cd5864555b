/** The working-day calendar of the civil service: statutory holidays, yearly decisions, deadlines. */
export {
  WorkingDayCalendar,
  MAX_SPAN_YEARS,
  MAX_WORKING_DAYS,
  type DayOff,
  type Deadline,
} from './calendar.service';
export { calendarErrors } from './calendar.errors';
export { calendarDecisionsSeed, insertCalendarSeed } from './calendar.seed';
export type {
  CalendarDecision,
  CalendarDecisionChanges,
  CalendarDecisionFields,
  CalendarTables,
  DecisionKind,
} from './calendar.repo';
export { statutoryHolidays, type Holiday, type HolidayOccasion } from './holidays';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  leapMonthOf,
  lunarDayOfMonth,
  lunarNewYear,
  lunarToSolar,
} from './lunar';
export {
  addWorkingDays,
  clockStartDay,
  deadlineDay,
  isWorkingDay,
  nextWorkingDay,
  resolveRules,
  UncoveredYearError,
  workingDaysBetween,
  type CalendarRules,
  type DayOverride,
  type DeadlineOptions,
} from './working-days';
export { endOfLocalDay, localDay, VIETNAM_UTC_OFFSET_HOURS, type CivilDate } from './civil-date';
export { calendarRoutes } from './calendar.routes';
