import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { pick, useLocale } from '../../lib/i18n';
import { listAdminUnits } from '../admin-units/admin-units.api';
import { fetchDaysOff } from '../calendar/calendar.api';
import { feedbackKey, listCategories, type Category } from './feedback-console.api';
import type { WorkingCalendar } from './working-days';

const REFERENCE_STALE_MS = 5 * 60_000;

/** Every category (inactive ones too, for the routing editor); sorted as the hub orders them. */
export function useCategories() {
  return useQuery({
    queryKey: [...feedbackKey, 'categories'],
    queryFn: async () =>
      (await listCategories()).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Select options of the categories, in the page's language; inactive ones left out unless asked. */
export function useCategoryOptions(includeInactive = false): { value: string; label: string }[] {
  const { locale } = useLocale();
  const categories = useCategories();
  return useMemo(
    () =>
      (categories.data ?? [])
        .filter((category: Category) => includeInactive || category.active)
        .map((category) => ({
          value: category.code,
          label: pick(locale, { vi: category.nameVi, en: category.nameEn }),
        })),
    [categories.data, includeInactive, locale],
  );
}

/** The commune-level units in force today (wards, communes, special zones), for routing and places. */
export function useAdminUnitOptions(): { value: string; label: string }[] {
  const { locale } = useLocale();
  const units = useQuery({
    queryKey: [...feedbackKey, 'admin-units'],
    queryFn: () => listAdminUnits({ limit: 500 }),
    staleTime: REFERENCE_STALE_MS,
  });
  return useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((unit) => unit.level !== 'province' && unit.level !== 'district')
        .map((unit) => ({
          value: unit.code,
          label: `${pick(locale, { vi: unit.nameVi, en: unit.nameEn })} (${unit.code})`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [units.data, locale],
  );
}

/** This year's and next year's days off, so deadlines can be counted in working days. */
export function useWorkingCalendar(): WorkingCalendar | null {
  const year = new Date().getFullYear();
  const calendar = useQuery({
    queryKey: [...feedbackKey, 'working-calendar', year],
    queryFn: () => Promise.all([fetchDaysOff(year), fetchDaysOff(year + 1)]),
    staleTime: 60 * 60_000,
  });
  return useMemo(() => {
    if (!calendar.data) return null;
    return {
      daysOff: new Set(calendar.data.flatMap((y) => y.daysOff.map((day) => day.date))),
      workingDays: new Set(calendar.data.flatMap((y) => y.workingDays.map((day) => day.day))),
    };
  }, [calendar.data]);
}
