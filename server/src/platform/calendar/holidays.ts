import { addDays, isWeekend, weekday, type CivilDate } from './civil-date';
import { lunarDayOfMonth, lunarNewYear, lunarToSolar } from './lunar';

/**
 * The public holidays of the Labour Code 2019 (Law 45/2019/QH14) art. 112(1), computed for a year,
 * with the compensatory days of art. 111(3). Pure: yearly government decisions (the exact Tết block,
 * the second National Day, swapped working days) live in platform.calendar_decisions and are laid
 * over this list by the caller; see docs/data-sources/calendar.md.
 */

export type HolidayOccasion =
  'new_year' | 'lunar_new_year' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day';

export interface Holiday {
  readonly date: CivilDate;
  readonly nameVi: string;
  readonly nameEn: string;
  /** A holiday of art. 112(1), or the compensatory day off (nghỉ bù) of art. 111(3). */
  readonly kind: 'public_holiday' | 'compensatory';
  readonly occasion: HolidayOccasion;
  /**
   * True for the days the Prime Minister fixes each year (art. 112(3): the Tết block and the second
   * National Day). Until a decision is recorded, the day given here is our documented default.
   */
  readonly decidedYearly: boolean;
}

const THURSDAY = 4;

const YEARLY_OCCASIONS: readonly HolidayOccasion[] = ['lunar_new_year'];

function holiday(
  date: CivilDate,
  occasion: HolidayOccasion,
  nameVi: string,
  nameEn: string,
  decidedYearly = YEARLY_OCCASIONS.includes(occasion),
): Holiday {
  return { date, nameVi, nameEn, kind: 'public_holiday', occasion, decidedYearly };
}

function fixedHolidays(year: number): Holiday[] {
  return [
    holiday(`${year}-01-01`, 'new_year', 'Tết Dương lịch', "New Year's Day"),
    holiday(`${year}-04-30`, 'reunification', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'),
    holiday(`${year}-05-01`, 'labour_day', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)'),
    holiday(`${year}-09-02`, 'national_day', 'Quốc khánh (2/9)', 'National Day (2 September)'),
  ];
}

/**
 * Default Tết block when no decision is recorded: the last two days of the old year and the first
 * three of the new one. With the compensatory rule this reproduces every Prime Minister decision of
 * 2021–2026 (when a day falls on a weekend the block slides onto the next weekdays).
 */
function lunarNewYearHolidays(year: number): Holiday[] {
  const newYear = lunarNewYear(year);
  const eve = [addDays(newYear, -2), addDays(newYear, -1)].map((date) => {
    const day = lunarDayOfMonth(date);
    return holiday(
      date,
      'lunar_new_year',
      `Tết Âm lịch (${day} tháng Chạp)`,
      `Lunar New Year (day ${day} of the 12th lunar month)`,
    );
  });
  const firstDays = [1, 2, 3].map((day) =>
    holiday(
      addDays(newYear, day - 1),
      'lunar_new_year',
      `Tết Âm lịch (mùng ${day} tháng Giêng)`,
      `Lunar New Year (day ${day} of the 1st lunar month)`,
    ),
  );
  return [...eve, ...firstDays];
}

/**
 * Default second National Day when no decision is recorded: 1 September, or 3 September when 2/9 is a
 * Thursday so that the break joins the weekend. This matches the decisions of 2021–2026.
 */
function secondNationalDay(year: number): Holiday {
  const nationalDay = `${year}-09-02`;
  const date = weekday(nationalDay) === THURSDAY ? `${year}-09-03` : `${year}-09-01`;
  return holiday(date, 'national_day', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', true);
}

function hungKingsDay(year: number): Holiday {
  return holiday(
    lunarToSolar(year, 3, 10),
    'hung_kings',
    'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    "Hùng Kings' Commemoration (10th day of the 3rd lunar month)",
  );
}

/**
 * Art. 111(3): a holiday on the weekly rest day (Saturday or Sunday for civil servants) gives a day
 * off on the next working day. Holidays are taken in date order and each takes the first weekday that
 * is neither a holiday nor already given as a compensatory day.
 */
function compensatoryDays(holidays: readonly Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((entry) => entry.date));
  const compensations: Holiday[] = [];
  for (const entry of holidays) {
    if (!isWeekend(entry.date)) continue;
    let date = addDays(entry.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensations.push({
      date,
      nameVi: `Nghỉ bù ${entry.nameVi}`,
      nameEn: `Compensatory day off for ${entry.nameEn}`,
      kind: 'compensatory',
      occasion: entry.occasion,
      decidedYearly: entry.decidedYearly,
    });
  }
  return compensations;
}

/** Holidays and compensatory days off of `year`, in date order, before any yearly decision. */
export function statutoryHolidays(year: number): Holiday[] {
  const holidays = [
    ...fixedHolidays(year),
    ...lunarNewYearHolidays(year),
    hungKingsDay(year),
    secondNationalDay(year),
  ];
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  assertNoTwoHolidaysShareADay(holidays);
  return [...holidays, ...compensatoryDays(holidays)].sort((a, b) => a.date.localeCompare(b.date));
}

// 10/3 lunar can in principle land on 30/4 or 1/5; the law does not say what happens then, so we
// refuse to guess. Tests check that it does not happen in the supported years.
function assertNoTwoHolidaysShareADay(holidays: readonly Holiday[]): void {
  for (let index = 1; index < holidays.length; index += 1) {
    const current = holidays[index];
    if (current && current.date === holidays[index - 1]?.date) {
      throw new Error(`two holidays fall on ${current.date}; record the decided days in calendar_decisions`);
    }
  }
}
