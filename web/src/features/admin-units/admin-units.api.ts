import { api, type Page, type QueryValue } from '../../lib/api';
import type { AdminUnitLevel } from './admin-units.i18n';

export interface AdminUnit {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly level: AdminUnitLevel;
  readonly parentCode: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly centroid: { readonly lat: number; readonly lon: number } | null;
  readonly hasGeometry: boolean;
  readonly source: string | null;
}

export type AdminUnitPage = Page<AdminUnit> & { readonly at: string };

export function listAdminUnits(query: Readonly<Record<string, QueryValue>>): Promise<AdminUnitPage> {
  return api('/api/v1/admin-units', { query });
}

export function getAdminUnit(code: string, at: string): Promise<AdminUnit> {
  return api(`/api/v1/admin-units/${encodeURIComponent(code)}`, { query: { at } });
}
