import { MultiSelect, Select } from '@mantine/core';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import { useGroups, useLicenses } from '../opendata/opendata.api';
import { publishMessages } from './publish.i18n';

/** The licences the server accepts (license_list). */
export function LicenseSelect({
  value,
  onChange,
  error,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
}) {
  const t = useMessages(publishMessages);
  const licenses = useLicenses();
  return (
    <Select
      label={t.fieldLicense}
      data={(licenses.data ?? []).map((license) => ({ value: license.id, label: license.title }))}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      error={error}
      clearable
    />
  );
}

/** The topic groups (group_list), several at once. */
export function GroupsSelect({
  value,
  onChange,
  error,
}: {
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly error: string | undefined;
}) {
  const t = useMessages(publishMessages);
  const { locale } = useLocale();
  const groups = useGroups();
  return (
    <MultiSelect
      label={t.fieldGroups}
      data={(groups.data ?? []).map((group) => ({
        value: group.name,
        label: pick(locale, { vi: group.title, en: group.title_en }),
      }))}
      value={[...value]}
      onChange={onChange}
      error={error}
      searchable
      clearable
    />
  );
}
