import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { textOrNull } from '../../lib/forms';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { ActionPanel } from './ActionPanel';
import { feedbackKey, routingSuggestion, type StaffReport } from './feedback-console.api';
import { detailMessages } from './report-detail.i18n';
import { useReportAction } from './useReportAction';

/**
 * Transfer (or reassign) to an agency. The routing table's suggestion for the category and unit comes
 * first, one click to accept; any other active agency can be chosen instead.
 */
export function TransferForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const agencies = useAllAgencies();
  const suggestion = useQuery({
    queryKey: [...feedbackKey, 'suggestion', report.id, report.categoryCode, report.adminUnitCode],
    queryFn: () => routingSuggestion(report.id),
    enabled: report.categoryCode !== null,
  });
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report);
  const options = useMemo(
    () =>
      (agencies.data ?? [])
        .filter((agency) => agency.active && agency.id !== report.agencyId)
        .map((agency) => ({
          value: agency.id,
          label: pick(locale, { vi: agency.nameVi, en: agency.nameEn }),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [agencies.data, locale, report.agencyId],
  );
  const title = report.agencyId || report.status === 'returned' ? t.reassignTitle : t.transferTitle;
  const transfer = (to: string) =>
    action.mutate({ kind: 'transfer', body: { agencyId: to, note: textOrNull(note) } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (agencyId) transfer(agencyId);
  };

  if (!report.categoryCode)
    return (
      <ActionPanel id="transfer" title={title}>
        <Alert color="yellow" variant="light">
          {t.needsCategory}
        </Alert>
      </ActionPanel>
    );
  const suggested = suggestion.data;
  // The API names the agency in Vietnamese; the agency list has its English name too.
  const agencyLabel = (found: { agencyId: string; agencyName: string }) =>
    options.find((option) => option.value === found.agencyId)?.label ?? found.agencyName;
  const canUseSuggestion = suggested && suggested.agencyId !== report.agencyId;
  return (
    <ActionPanel id="transfer" title={title}>
      <Stack gap="sm">
        {action.isError && <ErrorAlert error={action.error} />}
        {suggestion.isError && <ErrorAlert error={suggestion.error} />}
        {suggestion.isSuccess && (
          <Alert color={suggested ? 'blue' : 'yellow'} variant="light">
            {suggested ? fill(t.suggestion, { agency: agencyLabel(suggested) }) : t.noSuggestion}
          </Alert>
        )}
        <TextInput label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {canUseSuggestion && (
          <Group>
            <Button onClick={() => transfer(suggested.agencyId)} loading={action.isPending}>
              {t.acceptSuggestion}
            </Button>
          </Group>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <Select
              label={t.otherAgency}
              searchable
              data={options}
              value={agencyId}
              onChange={setAgencyId}
              error={checked && !agencyId ? common.required : undefined}
              w={360}
            />
            <Button type="submit" variant="light" loading={action.isPending}>
              {t.transfer}
            </Button>
          </Group>
        </form>
      </Stack>
    </ActionPanel>
  );
}
