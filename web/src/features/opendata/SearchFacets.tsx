import { Button, Stack, Title } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import { facetLabels, opendataMessages } from './opendata.i18n';
import { facetFields, type FacetField, type PackageSearchResult } from './opendata.types';
import { FacetGroup } from './FacetGroup';
import { useFacetLabel } from './facet-labels';
import { activeFilterCount, type SearchState } from './search-state';

/** The facet column: one checkable list per field the page is not already fixed to. */
export function SearchFacets({
  state,
  facets,
  fixed,
  onToggle,
  onClear,
}: {
  readonly state: SearchState;
  readonly facets: PackageSearchResult['search_facets'] | undefined;
  readonly fixed: Partial<Record<FacetField, string>>;
  readonly onToggle: (field: FacetField, value: string) => void;
  readonly onClear: () => void;
}) {
  const t = useMessages(opendataMessages);
  const names = useMessages(facetLabels);
  const label = useFacetLabel();
  return (
    <Stack gap="lg" component="section" aria-labelledby="od-facets-title">
      <Title id="od-facets-title" order={2} size="h4">
        {t.filtersTitle}
      </Title>
      {facetFields
        .filter((field) => !(field in fixed))
        .map((field) => (
          <FacetGroup
            key={field}
            legend={names[field]}
            items={facets?.[field]?.items ?? []}
            checked={state.filters[field]}
            label={(item) => label(field, item)}
            onToggle={(value) => onToggle(field, value)}
          />
        ))}
      {activeFilterCount(state) > 0 && (
        <Button variant="default" size="xs" onClick={onClear} style={{ alignSelf: 'flex-start' }}>
          {t.clearFilters}
        </Button>
      )}
    </Stack>
  );
}
