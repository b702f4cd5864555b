import { formatDateTime, formatDay } from '../../lib/format';

/**
 * CKAN writes instants in UTC without a zone ("2026-11-23T02:28:00.939000"); a browser would read
 * them as local time, so the missing Z is added before formatting them in Vietnam time.
 */
export function ckanInstant(value: string | null | undefined): string {
  if (!value) return '';
  return formatDateTime(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
}

/** A CKAN day or instant shown as its calendar day (dd/MM/yyyy in Vietnam time). */
export function ckanDay(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : ckanInstant(value).slice(0, 10);
}
