import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

export const agencyKinds = [
  'people_committee',
  'department',
  'commune_committee',
  'public_service_unit',
  'other',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export interface Agency {
  readonly id: string;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: AgencyKind;
  readonly parentId: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly website: string | null;
  readonly headUserId: string | null;
  readonly adminUnitCode: string | null;
  readonly active: boolean;
  readonly note: string | null;
  readonly childCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type AgencyInput = Partial<Omit<Agency, 'id' | 'childCount' | 'createdAt' | 'updatedAt'>>;

export const agenciesKey = ['agencies'] as const;
const PAGE = 500;

/**
 * Every agency, page by page: a city has hundreds, not millions, and the tree needs them all to
 * link parents to children (the API returns a flat list).
 */
export async function fetchAllAgencies(): Promise<Agency[]> {
  const all: Agency[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api<Page<Agency>>('/api/v1/agencies', { query: { limit: PAGE, offset } });
    all.push(...page.items);
    if (page.items.length < PAGE || all.length >= page.total) return all;
  }
}

export function useAllAgencies() {
  return useQuery({ queryKey: [...agenciesKey, 'all'], queryFn: fetchAllAgencies, staleTime: 60_000 });
}

export function useInvalidateAgencies() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: agenciesKey });
}

export function createAgency(input: AgencyInput): Promise<Agency> {
  return api<Agency>('/api/v1/agencies', { method: 'POST', body: input });
}

export function updateAgency(id: string, changes: AgencyInput): Promise<Agency> {
  return api<Agency>(`/api/v1/agencies/${id}`, { method: 'PATCH', body: changes });
}

export async function deleteAgency(id: string): Promise<void> {
  await api(`/api/v1/agencies/${id}`, { method: 'DELETE' });
}
