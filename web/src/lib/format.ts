/** Dates shown as the city reads them: Asia/Ho_Chi_Minh, dd/MM/yyyy HH:mm, whatever the browser's zone. */
export const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(dateTimeParts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** "31/12/2025 23:59" in Vietnam time; empty for a missing or invalid value. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "31/12/2025" from a calendar day "2025-12-31" (no time zone involved). */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** Today in Vietnam as "YYYY-MM-DD". */
export function todayInCity(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant a day starts (or ends) in Vietnam, as ISO 8601 with the +07:00 offset the API accepts. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string {
  return edge === 'start' ? `${day}T00:00:00+07:00` : `${day}T23:59:59.999+07:00`;
}

/** A calendar day's weekday, 0 = Sunday, computed in UTC so the browser's zone cannot shift it. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN').format(value);
}

/** "136 N" / "136K": short numbers for chart axes. */
export function formatCompact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}
