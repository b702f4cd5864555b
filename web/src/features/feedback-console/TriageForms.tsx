import { Button, Checkbox, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { textOrNull } from '../../lib/forms';
import { useLocale, useMessages } from '../../lib/i18n';
import { ActionPanel } from './ActionPanel';
import type { StaffReport } from './feedback-console.api';
import { useAdminUnitOptions, useCategoryOptions } from './feedback-console.hooks';
import { rejectionLabels, rejectionReasons, type RejectionReason } from './feedback-labels';
import { detailMessages } from './report-detail.i18n';
import { useReportAction } from './useReportAction';

/** Category, urgency and unit: what the deadline and the routing suggestion depend on. */
export function ClassifyForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const categories = useCategoryOptions();
  const units = useAdminUnitOptions();
  const [category, setCategory] = useState<string | null>(report.categoryCode);
  const [urgent, setUrgent] = useState(report.urgent);
  const [unit, setUnit] = useState<string | null>(report.adminUnitCode);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (category)
      action.mutate({
        kind: 'classify',
        body: { categoryCode: category, urgent, adminUnitCode: unit, note: textOrNull(note) },
      });
  };
  return (
    <ActionPanel id="classify" title={t.classifyTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action.isError && <ErrorAlert error={action.error} />}
          <Select
            label={t.category}
            required
            searchable
            data={categories}
            value={category}
            onChange={setCategory}
            error={checked && !category ? common.required : undefined}
          />
          <Select label={t.unit} searchable clearable data={units} value={unit} onChange={setUnit} />
          <Checkbox label={t.urgent} checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} />
          <TextInput label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={action.isPending}>
              {t.classify}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}

/** Reject with one of the server's reasons, and optionally a note the citizen will read. */
export function RejectForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [reason, setReason] = useState<RejectionReason | null>(null);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (reason) action.mutate({ kind: 'reject', body: { reason, note: textOrNull(note) } });
  };
  return (
    <ActionPanel id="reject" title={t.rejectTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action.isError && <ErrorAlert error={action.error} />}
          <Select
            label={t.reason}
            required
            data={rejectionReasons.map((value) => ({ value, label: rejectionLabels[locale][value] }))}
            value={reason}
            onChange={(value) => setReason(value as RejectionReason | null)}
            error={checked && !reason ? common.required : undefined}
          />
          <Textarea label={t.note} autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button type="submit" color="red" variant="light" loading={action.isPending}>
              {t.reject}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}

/** Marks the report a duplicate of an earlier one (by tracking code). */
export function MergeForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const [into, setInto] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (into.trim()) action.mutate({ kind: 'merge', body: { into: into.trim(), note: textOrNull(note) } });
  };
  return (
    <ActionPanel id="merge" title={t.mergeTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action.isError && <ErrorAlert error={action.error} />}
          <TextInput
            label={t.mergeInto}
            description={t.mergeHint}
            required
            autoComplete="off"
            value={into}
            onChange={(e) => setInto(e.currentTarget.value)}
            error={checked && !into.trim() ? common.required : undefined}
          />
          <TextInput label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={action.isPending}>
              {t.merge}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}
