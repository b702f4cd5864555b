import { useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api';
import { ckanAction } from './ckan';
import type {
  CkanGroup,
  CkanLicense,
  CkanOrganization,
  CkanPackage,
  HistoryEntry,
  OpendataStats,
  PackageSearchResult,
  Suggestion,
} from './opendata.types';

export const opendataKey = ['opendata'] as const;

export function searchPackages(
  params: Readonly<Record<string, QueryValue>>,
  signal?: AbortSignal,
): Promise<PackageSearchResult> {
  return ckanAction('package_search', params, signal ? { signal } : {});
}

export function usePackageSearch(params: Readonly<Record<string, QueryValue>>, enabled = true) {
  return useQuery({
    queryKey: [...opendataKey, 'search', params],
    queryFn: ({ signal }) => searchPackages(params, signal),
    enabled,
  });
}

export function usePackage(name: string) {
  return useQuery({
    queryKey: [...opendataKey, 'package', name],
    queryFn: () => ckanAction<CkanPackage>('package_show', { id: name }),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: [...opendataKey, 'groups'],
    queryFn: () => ckanAction<CkanGroup[]>('group_list', { all_fields: true, sort: 'package_count desc' }),
    staleTime: 5 * 60_000,
  });
}

export function useGroup(name: string) {
  return useQuery({
    queryKey: [...opendataKey, 'group', name],
    queryFn: () => ckanAction<CkanGroup>('group_show', { id: name }),
  });
}

export function useOrganization(name: string) {
  return useQuery({
    queryKey: [...opendataKey, 'organization', name],
    queryFn: () => ckanAction<CkanOrganization>('organization_show', { id: name }),
  });
}

export function useLicenses() {
  return useQuery({
    queryKey: [...opendataKey, 'licenses'],
    queryFn: () => ckanAction<CkanLicense[]>('license_list'),
    staleTime: 30 * 60_000,
  });
}

export function useStats() {
  return useQuery({
    queryKey: [...opendataKey, 'stats'],
    queryFn: () => api<OpendataStats>('/api/v1/opendata/stats'),
  });
}

export function fetchSuggestions(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return api('/api/v1/opendata/suggest', { query: { q, limit: 8 }, ...(signal ? { signal } : {}) });
}

export function useHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...opendataKey, 'history', id],
    queryFn: () =>
      api<{ items: HistoryEntry[]; total: number }>(
        `/api/v1/opendata/datasets/${encodeURIComponent(id)}/history`,
        { query: { limit: 50 } },
      ),
    enabled,
  });
}
