import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useLocale } from '../../lib/i18n';
import { agenciesKey, fetchAllAgencies } from '../agencies/agencies.api';
import { useGroups } from './opendata.api';
import type { FacetField, FacetItem } from './opendata.types';

/** CKAN's organisation name of an agency: its code as a lower-case slug (server: orgName). */
export function orgNameOf(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

/**
 * The label of a facet value in the page's language. The server names organisations and topics in
 * Vietnamese; English names come from the agencies list and group_list (fetched only in English).
 */
export function useFacetLabel(): (
  field: FacetField,
  item: Pick<FacetItem, 'name' | 'display_name'>,
) => string {
  const { locale } = useLocale();
  const english = locale === 'en';
  const agencies = useQuery({
    queryKey: [...agenciesKey, 'all'],
    queryFn: fetchAllAgencies,
    staleTime: 60_000,
    enabled: english,
  });
  const groups = useGroups();
  const orgNames = useMemo(
    () => new Map((agencies.data ?? []).map((agency) => [orgNameOf(agency.code), agency.nameEn])),
    [agencies.data],
  );
  const groupNames = useMemo(
    () => new Map((groups.data ?? []).map((group) => [group.name, group.title_en])),
    [groups.data],
  );
  return useCallback(
    (field, item) => {
      if (!english) return item.display_name || item.name;
      if (field === 'organization') return orgNames.get(item.name) || item.display_name;
      if (field === 'groups') return groupNames.get(item.name) || item.display_name;
      return item.display_name || item.name;
    },
    [english, orgNames, groupNames],
  );
}
