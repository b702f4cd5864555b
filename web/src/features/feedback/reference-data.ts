import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listAdminUnits } from '../admin-units/admin-units.api';
import { useAllAgencies } from '../agencies/agencies.api';
import { feedbackKey, listCategories, type Localized } from './feedback.api';

/** Report categories; they change rarely, so a page keeps them for a few minutes. */
export function useCategories() {
  return useQuery({ queryKey: [...feedbackKey, 'categories'], queryFn: listCategories, staleTime: 300_000 });
}

/** Agency names by id (the public reports carry only the id). */
export function useAgencyNames(): {
  names: ReadonlyMap<string, Localized>;
  query: ReturnType<typeof useAllAgencies>;
} {
  const query = useAllAgencies();
  const names = useMemo(
    () => new Map((query.data ?? []).map((agency) => [agency.id, { vi: agency.nameVi, en: agency.nameEn }])),
    [query.data],
  );
  return { names, query };
}

/** Today's commune-level units (wards, communes, the special zone): the areas reports are filed in. */
export function useAreas() {
  return useQuery({
    queryKey: [...feedbackKey, 'areas'],
    queryFn: async () => {
      const page = await listAdminUnits({ limit: 500 });
      return page.items
        .filter((unit) => unit.level !== 'province' && unit.level !== 'district')
        .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
    },
    staleTime: 300_000,
  });
}
