import type { Db } from '../db/database';
import { CalendarRepo, type CalendarDecisionFields } from './calendar.repo';

/**
 * The verified yearly decisions for 2025 and 2026 (sources and what could not be verified:
 * docs/data-sources/calendar.md). Only what a decision adds to or changes in the computed calendar
 * has to be here; the decided Tết days are recorded too so that each carries its legal basis.
 */

const DECISIONS_2025 =
  'Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Thủ tướng đồng ý phương án nghỉ lễ, Tết năm 2025 của Bộ LĐTBXH)';
const NEW_YEAR_2026 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (đồng ý đề xuất 12556/BNV-CVL của Bộ Nội vụ)';
const NOTICE_2026 =
  'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (nghỉ Tết Âm lịch và Quốc khánh năm 2026)';

const sources = {
  tet2025:
    'https://vietnamnews.vn/society/1687874/pm-approves-proposal-for-9-day-continuous-tet-holiday-in-2025.html',
  swap2025:
    'https://vietnamnews.vn/society/1693234/five-day-break-announced-for-reunification-and-labour-day-holiday.html',
  nationalDay2025: 'https://vietnamnews.vn/society/1722634/national-day-holiday-to-last-four-days.html',
  newYear2026:
    'https://en.sggp.org.vn/government-approves-four-day-new-year-holiday-for-2026-post122755.html',
  notice2026:
    'https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html',
};

function dayOff(
  day: string,
  nameVi: string,
  nameEn: string,
  legalBasis: string,
  sourceUrl: string,
): CalendarDecisionFields {
  return { day, kind: 'day_off', nameVi, nameEn, legalBasis, sourceUrl };
}

function workingDay(
  day: string,
  nameVi: string,
  nameEn: string,
  legalBasis: string,
  sourceUrl: string,
): CalendarDecisionFields {
  return { day, kind: 'working_day', nameVi, nameEn, legalBasis, sourceUrl };
}

function tetDays(
  days: readonly [string, string, string][],
  year: string,
  legalBasis: string,
  sourceUrl: string,
): CalendarDecisionFields[] {
  return days.map(([day, lunarVi, lunarEn]) =>
    dayOff(
      day,
      `Tết Âm lịch ${year} (${lunarVi})`,
      `Lunar New Year ${year} (${lunarEn})`,
      legalBasis,
      sourceUrl,
    ),
  );
}

const seed2025: CalendarDecisionFields[] = [
  ...tetDays(
    [
      ['2025-01-27', '28 tháng Chạp', '28th day of the 12th month'],
      ['2025-01-28', '29 tháng Chạp', '29th day of the 12th month'],
      ['2025-01-29', 'mùng 1 tháng Giêng', '1st day of the 1st month'],
      ['2025-01-30', 'mùng 2 tháng Giêng', '2nd day of the 1st month'],
      ['2025-01-31', 'mùng 3 tháng Giêng', '3rd day of the 1st month'],
    ],
    'Ất Tỵ',
    DECISIONS_2025,
    sources.tet2025,
  ),
  workingDay(
    '2025-04-26',
    'Làm việc bù cho thứ Sáu 02/5/2025',
    'Working Saturday in exchange for Friday 2 May 2025',
    DECISIONS_2025,
    sources.swap2025,
  ),
  dayOff(
    '2025-05-02',
    'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)',
    'Swapped day off (worked on Saturday 26 April 2025)',
    DECISIONS_2025,
    sources.swap2025,
  ),
  dayOff(
    '2025-09-01',
    'Quốc khánh (ngày liền kề trước 2/9)',
    'National Day (day before 2 September)',
    DECISIONS_2025,
    sources.nationalDay2025,
  ),
];

const seed2026: CalendarDecisionFields[] = [
  dayOff(
    '2026-01-02',
    'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    'Swapped New Year day off (worked on Saturday 10 January 2026)',
    NEW_YEAR_2026,
    sources.newYear2026,
  ),
  workingDay(
    '2026-01-10',
    'Làm việc bù cho thứ Sáu 02/01/2026',
    'Working Saturday in exchange for Friday 2 January 2026',
    NEW_YEAR_2026,
    sources.newYear2026,
  ),
  ...tetDays(
    [
      ['2026-02-16', '29 tháng Chạp', '29th day of the 12th month'],
      ['2026-02-17', 'mùng 1 tháng Giêng', '1st day of the 1st month'],
      ['2026-02-18', 'mùng 2 tháng Giêng', '2nd day of the 1st month'],
      ['2026-02-19', 'mùng 3 tháng Giêng', '3rd day of the 1st month'],
      ['2026-02-20', 'mùng 4 tháng Giêng', '4th day of the 1st month'],
    ],
    'Bính Ngọ',
    NOTICE_2026,
    sources.notice2026,
  ),
  workingDay(
    '2026-08-22',
    'Làm việc bù cho thứ Hai 31/8/2026',
    'Working Saturday in exchange for Monday 31 August 2026',
    NOTICE_2026,
    sources.notice2026,
  ),
  dayOff(
    '2026-08-31',
    'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)',
    'Swapped National Day break (worked on Saturday 22 August 2026)',
    NOTICE_2026,
    sources.notice2026,
  ),
  dayOff(
    '2026-09-01',
    'Quốc khánh (ngày liền kề trước 2/9)',
    'National Day (day before 2 September)',
    NOTICE_2026,
    sources.notice2026,
  ),
];

export const calendarDecisionsSeed: readonly CalendarDecisionFields[] = [...seed2025, ...seed2026];

/**
 * Records the seed decisions that are not there yet. Idempotent, and it never overwrites a row an
 * administrator has edited. Returns how many rows were added.
 */
export function insertCalendarSeed(db: Db): Promise<number> {
  return new CalendarRepo(db).insertMissing(db, calendarDecisionsSeed);
}
