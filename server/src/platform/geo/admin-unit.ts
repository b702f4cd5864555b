import type { AreaGeometry, LatLon } from './geojson';

/**
 * Levels of Vietnamese administrative units. Before 1 July 2025: province > district > ward/commune/
 * township; from 1 July 2025 (two-tier local government): province > ward/commune/special zone.
 */
export const adminUnitLevels = [
  'province',
  'district',
  'ward',
  'commune',
  'township',
  'special_zone',
] as const;
export type AdminUnitLevel = (typeof adminUnitLevels)[number];

/** The commune level (cấp xã): the units a point lookup prefers over their district or province. */
export const communeLevels: readonly AdminUnitLevel[] = ['ward', 'commune', 'township', 'special_zone'];

/** A calendar day, 'YYYY-MM-DD' (dates have no time zone; "today" is taken in Asia/Ho_Chi_Minh). */
export type IsoDate = string;

/** One version of an administrative unit, valid from `validFrom` to `validTo` inclusive. */
export interface AdminUnit {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly level: AdminUnitLevel;
  readonly parentCode: string | null;
  readonly validFrom: IsoDate;
  /** Last day of validity; null while the unit is still valid. */
  readonly validTo: IsoDate | null;
  readonly centroid: LatLon | null;
  readonly hasGeometry: boolean;
  readonly source: string | null;
}

/** A row of server/src/platform/geo/data/admin-units.json (snake_case, as documented there). */
export interface AdminUnitSeed {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en?: string | null;
  readonly level: AdminUnitLevel;
  readonly parent_code: string | null;
  readonly valid_from: IsoDate;
  readonly valid_to: IsoDate | null;
  readonly centroid: LatLon | null;
  readonly geometry?: AreaGeometry | null;
  readonly source: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today's date in Vietnam (UTC+7, no daylight saving), whatever the server's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
