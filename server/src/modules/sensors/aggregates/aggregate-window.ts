/** The buckets an aggregate answers in, and how far one request may reach with each. */
export const aggregateIntervals = {
  '15m': { ms: 15 * 60_000, sql: '15 minutes', maxRangeDays: 7 },
  '1h': { ms: 3600_000, sql: '1 hour', maxRangeDays: 93 },
  '1d': { ms: 24 * 3600_000, sql: '1 day', maxRangeDays: 1096 },
} as const;
export type AggregateInterval = keyof typeof aggregateIntervals;

export const aggregateFunctions = ['avg', 'min', 'max', 'count', 'sum'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

/**
 * Buckets start at whole intervals counted from midnight in Đà Nẵng (UTC+07:00, no daylight saving):
 * a day bucket is a Vietnamese calendar day; hours and quarters align with UTC as well.
 */
export const BUCKET_ORIGIN = '2000-01-01T00:00:00+07:00';
const ORIGIN_MS = Date.parse(BUCKET_ORIGIN);

export interface AggregateWindow {
  readonly interval: AggregateInterval;
  /** Inclusive start, on a bucket boundary (the requested `from` rounded down). */
  readonly from: Date;
  /** Exclusive end, on a bucket boundary (the requested `to` rounded up). */
  readonly to: Date;
}

function alignDown(ms: number, step: number): number {
  return ORIGIN_MS + Math.floor((ms - ORIGIN_MS) / step) * step;
}

/** Widens [from, to) to whole buckets; a problem (in English) when the range cannot be answered. */
export function aggregateWindow(
  interval: AggregateInterval,
  from: Date,
  to: Date,
): { window: AggregateWindow } | { problem: string } {
  const { ms, maxRangeDays } = aggregateIntervals[interval];
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    return { problem: 'from and to must be ISO times' };
  if (to <= from) return { problem: 'to must be after from' };
  const start = alignDown(from.getTime(), ms);
  const end = alignDown(to.getTime() - 1, ms) + ms;
  if (end - start > maxRangeDays * 24 * 3600_000)
    return { problem: `an interval of ${interval} covers at most ${maxRangeDays} days per request` };
  return { window: { interval, from: new Date(start), to: new Date(end) } };
}
