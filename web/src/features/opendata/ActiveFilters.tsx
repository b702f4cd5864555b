import { CloseButton, Group, Pill, Text } from '@mantine/core';
import { fill, useMessages } from '../../lib/i18n';
import { useFacetLabel } from './facet-labels';
import { facetLabels, opendataMessages } from './opendata.i18n';
import { facetFields, type FacetField, type PackageSearchResult } from './opendata.types';
import type { SearchState } from './search-state';

/** The checked facet values as removable pills above the results (handy on phones, where facets fold). */
export function ActiveFilters({
  state,
  facets,
  onRemove,
}: {
  readonly state: SearchState;
  readonly facets: PackageSearchResult['search_facets'] | undefined;
  readonly onRemove: (field: FacetField, value: string) => void;
}) {
  const t = useMessages(opendataMessages);
  const names = useMessages(facetLabels);
  const label = useFacetLabel();
  const active = facetFields.flatMap((field) => state.filters[field].map((value) => ({ field, value })));
  if (active.length === 0) return null;
  return (
    <Group gap={6} aria-label={t.activeFilters} role="group">
      <Text size="sm" c="dimmed">
        {t.activeFilters}:
      </Text>
      {active.map(({ field, value }) => {
        const item = facets?.[field]?.items.find((candidate) => candidate.name === value);
        const text = `${names[field]}: ${label(field, item ?? { name: value, display_name: value })}`;
        return (
          <Pill key={`${field}:${value}`} size="md">
            <Group gap={4} wrap="nowrap" component="span">
              <span>{text}</span>
              <CloseButton
                size="xs"
                aria-label={fill(t.removeFilter, { value: text })}
                onClick={() => onRemove(field, value)}
              />
            </Group>
          </Pill>
        );
      })}
    </Group>
  );
}
