import { useMemo } from 'react';
import { pick, useLocale } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { useSession } from '../auth/session';
import { editableOrgs } from '../opendata/editors';
import { orgNameOf } from '../opendata/facet-labels';

export interface OrgOption {
  /** CKAN organisation name (what owner_org and fq take). */
  readonly value: string;
  readonly label: string;
  readonly id: string;
}

/** The organisations the signed-in user publishes for: every active agency for a system administrator. */
export function usePublisherOrgs(): {
  readonly options: OrgOption[];
  readonly all: boolean;
  readonly pending: boolean;
} {
  const { locale } = useLocale();
  const session = useSession();
  const agencies = useAllAgencies();
  const grants = session.data?.user.grants;
  const scope = useMemo(() => editableOrgs(grants), [grants]);
  const options = useMemo(
    () =>
      (agencies.data ?? [])
        .filter((agency) => agency.active && (scope === 'all' || scope.includes(agency.id)))
        .map((agency) => ({
          value: orgNameOf(agency.code),
          label: pick(locale, { vi: agency.nameVi, en: agency.nameEn }),
          id: agency.id,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [agencies.data, scope, locale],
  );
  return { options, all: scope === 'all', pending: agencies.isPending || session.isPending };
}
