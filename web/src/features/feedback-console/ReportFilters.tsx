import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useLocale, useMessages } from '../../lib/i18n';
import {
  channelLabels,
  channels,
  reportStatuses,
  statusLabels,
  type Channel,
  type ReportStatus,
} from './feedback-labels';
import { consoleMessages } from './feedback-console.i18n';
import { useCategoryOptions } from './feedback-console.hooks';

export interface ReportFilterValues {
  readonly status: ReportStatus | null;
  readonly channel: Channel | null;
  readonly category: string | null;
  readonly overdue: boolean;
  readonly q: string;
}

export const noFilters: ReportFilterValues = {
  status: null,
  channel: null,
  category: null,
  overdue: false,
  q: '',
};

/** The inbox's and the queue's filters; every change applies at once (the list resets to page 1). */
export function ReportFilters({
  value,
  onChange,
  statuses = reportStatuses,
}: {
  readonly value: ReportFilterValues;
  readonly onChange: (next: ReportFilterValues) => void;
  readonly statuses?: readonly ReportStatus[];
}) {
  const t = useMessages(consoleMessages);
  const { locale } = useLocale();
  const categories = useCategoryOptions(true);
  return (
    <Group role="search" aria-label={t.filters} align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t.search}
        type="search"
        value={value.q}
        onChange={(event) => onChange({ ...value, q: event.currentTarget.value })}
        w={240}
      />
      <Select
        label={t.status}
        placeholder={t.allOptions}
        clearable
        data={statuses.map((status) => ({ value: status, label: statusLabels[locale][status] }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status as ReportStatus | null })}
        w={210}
      />
      <Select
        label={t.channel}
        placeholder={t.allOptions}
        clearable
        data={channels.map((channel) => ({ value: channel, label: channelLabels[locale][channel] }))}
        value={value.channel}
        onChange={(channel) => onChange({ ...value, channel: channel as Channel | null })}
        w={180}
      />
      <Select
        label={t.category}
        placeholder={t.allOptions}
        clearable
        searchable
        data={categories}
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
        w={260}
      />
      <Checkbox
        label={t.overdueOnly}
        checked={value.overdue}
        onChange={(event) => onChange({ ...value, overdue: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
