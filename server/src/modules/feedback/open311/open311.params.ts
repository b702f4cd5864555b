import type { AttributeValue } from '../attributes';
import { Open311Error } from './open311.format';

/** Form or query parameters the Open311 way: an empty value is the same as an absent one. */
export interface Open311Params {
  get(name: string): string | undefined;
  all(name: string): string[];
  /** `attribute[CODE]=v` and, for multivaluelist, `attribute[CODE][]=v1&attribute[CODE][]=v2`. */
  attributes(): Record<string, AttributeValue>;
}

const ATTRIBUTE = /^attribute\[([^\]]{1,60})\](\[\])?$/;
const MAX_ATTRIBUTES = 30;

export function paramsOf(entries: Iterable<[string, string]>): Open311Params {
  const list = [...entries];
  return {
    get: (name) => list.find(([key, value]) => key === name && value.trim() !== '')?.[1].trim(),
    all: (name) => list.filter(([key, value]) => key === name && value !== '').map(([, value]) => value),
    attributes: () => {
      const result: Record<string, AttributeValue> = {};
      for (const [key, value] of list) {
        const match = ATTRIBUTE.exec(key);
        if (!match?.[1] || value === '') continue;
        const code = match[1];
        if (!(code in result) && Object.keys(result).length >= MAX_ATTRIBUTES)
          throw new Open311Error(400, 'Too many attributes');
        const previous = result[code];
        result[code] = match[2] ? [...(Array.isArray(previous) ? previous : []), value] : value;
      }
      return result;
    },
  };
}

/** Query-string values (Fastify gives a string or, for a repeated key, an array). */
export function paramsFromQuery(query: unknown): Open311Params {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    for (const item of [value].flat()) if (typeof item === 'string') entries.push([key, item]);
  }
  return paramsOf(entries);
}

/** A comma-separated list ("open,closed"), trimmed, without empties. */
export function listOf(value: string | undefined, max: number, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length > max) throw new Open311Error(400, `${name}: at most ${max} values`);
  return items.length ? items : undefined;
}

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const W3C_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A W3C-DTF value. A time must carry its zone (the spec requires it); a bare date means the start of
 * that day in Vietnam.
 */
export function parseW3c(value: string, name: string): Date {
  if (W3C_DATE.test(value)) value = `${value}T00:00:00+07:00`;
  const match = W3C_DATETIME.exec(value);
  const date = match ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Open311Error(
      400,
      `${name} must be a W3C datetime with a timezone, e.g. 2026-01-01T00:00:00+07:00`,
    );
  }
  return date;
}

const DAY = 86_400_000;
export const MAX_SPAN_DAYS = 90;

/** start_date / end_date: defaults to the most recent 90 days, and may not span more than 90 days. */
export function dateRange(params: Open311Params, now: Date): { start: Date; end: Date } {
  const startText = params.get('start_date');
  const endText = params.get('end_date');
  const start = startText ? parseW3c(startText, 'start_date') : undefined;
  const end = endText ? parseW3c(endText, 'end_date') : undefined;
  const range = {
    start: start ?? new Date((end ?? now).getTime() - MAX_SPAN_DAYS * DAY),
    end: end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY) : now),
  };
  if (range.end < range.start) throw new Open311Error(400, 'end_date is before start_date');
  if (range.end.getTime() - range.start.getTime() > MAX_SPAN_DAYS * DAY)
    throw new Open311Error(400, `start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);
  return range;
}

/** page / page_size: the common extension (the spec itself returns at most 1000). */
export function paging(params: Open311Params, max: number): { limit: number; offset: number } {
  const size = params.get('page_size') ?? params.get('max_requests');
  const page = params.get('page');
  const limit = size ? Number(size) : max;
  const number = page ? Number(page) : 1;
  if (!Number.isInteger(limit) || limit < 1)
    throw new Open311Error(400, 'page_size must be a positive integer');
  if (!Number.isInteger(number) || number < 1 || number > 100_000)
    throw new Open311Error(400, 'page must be a positive integer');
  const bounded = Math.min(limit, max);
  return { limit: bounded, offset: (number - 1) * bounded };
}

/** A latitude/longitude pair, both or neither. */
export function latLong(params: Open311Params): { latitude: number; longitude: number } | null {
  const lat = params.get('lat');
  const long = params.get('long');
  if (lat === undefined && long === undefined) return null;
  if (lat === undefined || long === undefined)
    throw new Open311Error(400, 'lat and long must be sent together');
  const latitude = Number(lat);
  const longitude = Number(long);
  if (
    !Number.isFinite(latitude) ||
    Math.abs(latitude) > 90 ||
    !Number.isFinite(longitude) ||
    Math.abs(longitude) > 180
  )
    throw new Open311Error(400, 'lat and long must be WGS84 degrees');
  return { latitude, longitude };
}
