import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { BarList } from '../../components/BarList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { SvgChart } from '../../components/SvgChart';
import { formatDay, formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { PortalBreadcrumbs } from './DatasetSearchPage';
import { useFacetLabel } from './facet-labels';
import { usePackageSearch, useStats } from './opendata.api';
import { opendataMessages } from './opendata.i18n';
import type { FacetField } from './opendata.types';
import { StatsFigures } from './StatsFigures';

const facetParams = {
  rows: 0,
  'facet.field': JSON.stringify(['organization', 'groups', 'res_format', 'license_id']),
  'facet.limit': -1,
} as const;

const links: Partial<Record<FacetField, string>> = {
  organization: '/data/organization/',
  groups: '/data/topic/',
};

function UsageChart() {
  const t = useMessages(opendataMessages);
  const { locale } = useLocale();
  const stats = useStats();
  if (stats.isPending) return <LoadingBlock />;
  if (stats.isError) return <ErrorAlert error={stats.error} />;
  const daily = stats.data.daily;
  const sum = (key: 'apiCalls' | 'downloads') => daily.reduce((total, day) => total + day[key], 0);
  return (
    <SvgChart
      kind="line"
      title={t.usageChart}
      summary={fill(t.usageChartSummary, {
        calls: formatNumber(sum('apiCalls'), locale),
        downloads: formatNumber(sum('downloads'), locale),
      })}
      categoryLabel={t.day}
      categories={daily.map((day) => formatDay(day.day).slice(0, 5))}
      series={[
        { name: t.apiCalls, values: daily.map((day) => day.apiCalls) },
        { name: t.downloads, values: daily.map((day) => day.downloads) },
      ]}
    />
  );
}

function Breakdowns() {
  const t = useMessages(opendataMessages);
  const label = useFacetLabel();
  const search = usePackageSearch(facetParams);
  if (search.isPending) return <LoadingBlock />;
  if (search.isError) return <ErrorAlert error={search.error} />;
  const sections: readonly [FacetField, string][] = [
    ['organization', t.byOrganisation],
    ['groups', t.byTopic],
    ['res_format', t.byFormat],
    ['license_id', t.byLicense],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {sections.map(([field, title]) => {
        const items = [...(search.data.search_facets[field]?.items ?? [])].sort((a, b) => b.count - a.count);
        const base = links[field];
        return (
          <Paper key={field} withBorder p="md" component="section" aria-labelledby={`od-by-${field}`}>
            <Title id={`od-by-${field}`} order={2} size="h4" mb="sm">
              {title}
            </Title>
            {items.length === 0 ? (
              <EmptyBlock />
            ) : (
              <BarList
                label={title}
                items={items.map((item) => ({
                  key: item.name,
                  label: label(field, item),
                  value: item.count,
                  ...(base ? { href: `${base}${encodeURIComponent(item.name)}` } : {}),
                }))}
              />
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** /data/stats: headline figures, usage over the last 30 days, and the catalogue broken down. */
export function OpenDataStatsPage() {
  const t = useMessages(opendataMessages);
  return (
    <Stack gap="lg">
      <div>
        <PortalBreadcrumbs />
        <PageTitle title={t.statsTitle} description={t.statsIntro} />
        <StatsFigures figures={['datasets', 'organisations', 'resources', 'downloads', 'apiCalls']} />
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="od-usage-title">
        <Title id="od-usage-title" order={2} size="h4" mb="sm">
          {t.usageChart}
        </Title>
        <UsageChart />
      </Paper>
      <Breakdowns />
    </Stack>
  );
}
