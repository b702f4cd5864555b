import { Button, Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import type { BoardSearch } from './board-filter';
import type { ReportStatus } from './feedback.api';
import { feedbackMessages, statusNames } from './feedback.i18n';
import { useAgencyNames, useAreas, useCategories } from './reference-data';

// The board lists reports whose answer was published; after a reopen they move on again.
const boardStatuses: readonly ReportStatus[] = [
  'published',
  'closed',
  'reopened',
  'assigned',
  'in_progress',
  'answered',
];

/** Category, area, agency, status and received-date filters of the public board. */
export function BoardFilters({
  value,
  onChange,
}: {
  readonly value: BoardSearch;
  readonly onChange: (next: BoardSearch) => void;
}) {
  const t = useMessages(feedbackMessages);
  const statuses = useMessages(statusNames);
  const { locale } = useLocale();
  const categories = useCategories();
  const areas = useAreas();
  const { names: agencyNames } = useAgencyNames();
  const set = (key: keyof Omit<BoardSearch, 'offset'>, next: string | null) =>
    onChange({ ...value, [key]: next ?? '', offset: 0 });
  const filtered = ['category', 'area', 'agency', 'status', 'from', 'to'].some(
    (key) => value[key as keyof BoardSearch] !== '',
  );

  return (
    <Fieldset legend={t.filters}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Select
          label={t.category}
          placeholder={t.allCategories}
          data={(categories.data ?? []).map((item) => ({
            value: item.code,
            label: pick(locale, { vi: item.nameVi, en: item.nameEn }),
          }))}
          value={value.category || null}
          onChange={(next) => set('category', next)}
          clearable
          searchable
        />
        <Select
          label={t.area}
          placeholder={t.allAreas}
          data={(areas.data ?? []).map((unit) => ({
            value: unit.code,
            label: pick(locale, { vi: unit.nameVi, en: unit.nameEn }),
          }))}
          value={value.area || null}
          onChange={(next) => set('area', next)}
          clearable
          searchable
        />
        <Select
          label={t.agency}
          placeholder={t.allAgencies}
          data={[...agencyNames.entries()]
            .map(([id, name]) => ({ value: id, label: pick(locale, name) }))
            .sort((a, b) => a.label.localeCompare(b.label, locale))}
          value={value.agency || null}
          onChange={(next) => set('agency', next)}
          clearable
          searchable
        />
        <Select
          label={t.status}
          placeholder={t.allStatuses}
          data={boardStatuses.map((status) => ({ value: status, label: statuses[status] }))}
          value={value.status || null}
          onChange={(next) => set('status', next)}
          clearable
        />
        <TextInput
          type="date"
          label={t.from}
          value={value.from}
          max={value.to || undefined}
          onChange={(event) => set('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t.to}
          value={value.to}
          min={value.from || undefined}
          onChange={(event) => set('to', event.currentTarget.value)}
        />
      </SimpleGrid>
      {filtered && (
        <Button
          variant="subtle"
          mt="sm"
          onClick={() =>
            onChange({ category: '', area: '', agency: '', status: '', from: '', to: '', offset: 0 })
          }
        >
          {t.clearFilters}
        </Button>
      )}
    </Fieldset>
  );
}
