import { Box, Button, Collapse, Grid, Group, Select, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { ActiveFilters } from './ActiveFilters';
import { DatasetList } from './DatasetList';
import { DatasetSearchBox } from './DatasetSearchBox';
import { opendataKey, searchPackages } from './opendata.api';
import { opendataMessages, sortLabels } from './opendata.i18n';
import type { FacetField } from './opendata.types';
import { SearchFacets } from './SearchFacets';
import {
  activeFilterCount,
  emptyFilters,
  packageSearchParams,
  PAGE_SIZE,
  parseSearchState,
  sortOptions,
  toggleFilter,
  toSearchParams,
  type SearchState,
} from './search-state';

/**
 * Search results with facets, sort and pages, all kept in the address bar. Organisation and topic
 * pages reuse it with `fixed` (their own filter, whose facet is then not offered).
 */
export function DatasetSearchView({ fixed = {} }: { readonly fixed?: Partial<Record<FacetField, string>> }) {
  const t = useMessages(opendataMessages);
  const sorts = useMessages(sortLabels);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const state = parseSearchState(params);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [facetsOpen, { toggle: toggleFacets }] = useDisclosure(false);
  const facetsId = useId();
  const request = packageSearchParams(state, fixed);
  const search = useQuery({
    queryKey: [...opendataKey, 'search', request],
    queryFn: ({ signal }) => searchPackages(request, signal),
    placeholderData: keepPreviousData,
  });
  const update = (next: SearchState) => setParams(toSearchParams(next));
  const count = search.data?.count ?? 0;
  const facets = search.data?.search_facets;
  const filterCount = activeFilterCount(state);

  const facetPanel = (
    <SearchFacets
      state={state}
      facets={facets}
      fixed={fixed}
      onToggle={(field, value) => update(toggleFilter(state, field, value))}
      onClear={() => update({ ...state, filters: emptyFilters, page: 1 })}
    />
  );

  return (
    <Stack gap="md">
      <DatasetSearchBox
        key={state.q}
        initial={state.q}
        size="md"
        onSearch={(q) => update({ ...state, q, page: 1 })}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          {isPhone ? (
            <>
              <Button
                variant="default"
                fullWidth
                onClick={toggleFacets}
                aria-expanded={facetsOpen}
                aria-controls={facetsId}
              >
                {fill(t.filtersToggle, { n: filterCount })}
              </Button>
              <Collapse expanded={facetsOpen} id={facetsId}>
                <Box pt="md">{facetPanel}</Box>
              </Collapse>
            </>
          ) : (
            facetPanel
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
          <Stack gap="sm" component="section" aria-labelledby="od-results-title">
            <Group justify="space-between" align="flex-end" gap="sm">
              <Text id="od-results-title" component="h2" fw={700} size="lg" m={0} aria-live="polite">
                {search.data
                  ? fill(state.q.trim() ? t.resultsFor : t.resultsCount, {
                      n: formatNumber(count, locale),
                      q: state.q.trim(),
                    })
                  : t.results}
              </Text>
              <Select
                label={t.sortLabel}
                data={sortOptions.map((value) => ({ value, label: sorts[value] }))}
                value={state.sort}
                allowDeselect={false}
                onChange={(value) => {
                  const sort = sortOptions.find((option) => option === value);
                  if (sort) update({ ...state, sort, page: 1 });
                }}
                w={200}
              />
            </Group>
            <ActiveFilters
              state={state}
              facets={facets}
              onRemove={(field, value) => update(toggleFilter(state, field, value))}
            />
            {search.isPending && <LoadingBlock />}
            {search.isError && <ErrorAlert error={search.error} />}
            {search.data && count === 0 && <EmptyBlock title={t.emptyTitle}>{t.emptyHint}</EmptyBlock>}
            {search.data && count > 0 && (
              <>
                <DatasetList datasets={search.data.results} />
                <PageControls
                  total={count}
                  limit={PAGE_SIZE}
                  offset={(state.page - 1) * PAGE_SIZE}
                  onOffsetChange={(offset) => {
                    update({ ...state, page: Math.floor(offset / PAGE_SIZE) + 1 });
                    window.scrollTo({ top: 0 });
                  }}
                />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
