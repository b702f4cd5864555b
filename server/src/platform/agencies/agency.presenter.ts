import type { AgencyRow } from './agencies.repo';

export function presentAgency(row: AgencyRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
