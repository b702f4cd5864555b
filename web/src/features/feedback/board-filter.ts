import { dayBoundary } from '../../lib/format';
import { reportStatuses, type BoardFilter, type ReportStatus } from './feedback.api';

/** The board's filters as the page's address keeps them (shareable, back button works). */
export interface BoardSearch {
  readonly category: string;
  readonly area: string;
  readonly agency: string;
  readonly status: string;
  readonly from: string;
  readonly to: string;
  readonly offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CATEGORY = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const AREA = /^[A-Za-z0-9._-]{1,20}$/;

const isStatus = (value: string): value is ReportStatus =>
  (reportStatuses as readonly string[]).includes(value);

/**
 * Reads the filters from the query string, dropping anything the API would refuse (a hand-edited
 * address then shows the unfiltered board instead of an error).
 */
export function readBoardSearch(params: URLSearchParams): BoardSearch {
  const get = (key: string, pattern: RegExp) => {
    const value = params.get(key) ?? '';
    return pattern.test(value) ? value : '';
  };
  const status = params.get('status') ?? '';
  const offset = Number.parseInt(params.get('offset') ?? '0', 10);
  return {
    category: get('category', CATEGORY),
    area: get('area', AREA),
    agency: get('agency', UUID),
    status: isStatus(status) ? status : '',
    from: get('from', DAY),
    to: get('to', DAY),
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The same filters as the API's query (`to` includes its whole day, in Vietnam time). */
export function toBoardFilter(search: BoardSearch): BoardFilter {
  return {
    ...(search.category ? { category: search.category } : {}),
    ...(search.area ? { adminUnitCode: search.area } : {}),
    ...(search.agency ? { agencyId: search.agency } : {}),
    ...(isStatus(search.status) ? { status: search.status } : {}),
    ...(search.from ? { from: dayBoundary(search.from, 'start') } : {}),
    ...(search.to ? { to: dayBoundary(search.to, 'end') } : {}),
  };
}

/** The query string for changed filters; any filter change goes back to the first page. */
export function writeBoardSearch(search: BoardSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['category', 'area', 'agency', 'status', 'from', 'to'] as const)
    if (search[key]) params.set(key, search[key]);
  if (search.offset > 0) params.set('offset', String(search.offset));
  return params;
}
