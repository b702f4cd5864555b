import { Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { useMessages } from '../../lib/i18n';
import { DatasetList } from './DatasetList';
import { DatasetSearchBox } from './DatasetSearchBox';
import { usePackageSearch } from './opendata.api';
import { opendataMessages } from './opendata.i18n';
import { StatsFigures } from './StatsFigures';
import { TopicTiles } from './TopicTiles';

const recentParams = { sort: 'metadata_modified desc', rows: 6, facet: false } as const;

function RecentDatasets() {
  const t = useMessages(opendataMessages);
  const recent = usePackageSearch(recentParams);
  if (recent.isPending) return <LoadingBlock />;
  if (recent.isError) return <ErrorAlert error={recent.error} />;
  if (recent.data.results.length === 0) return <EmptyBlock title={t.noDatasets} />;
  return <DatasetList datasets={recent.data.results} />;
}

/** /data: search first, then the figures, the topics and what changed lately. */
export function OpenDataHomePage() {
  const t = useMessages(opendataMessages);
  return (
    <Stack gap="xl">
      <Box component="section" aria-labelledby="od-search-title">
        <PageTitle title={t.portalTitle} description={t.portalIntro} />
        <Title id="od-search-title" order={2} className="visually-hidden">
          {t.searchLabel}
        </Title>
        <Box maw={760}>
          <DatasetSearchBox />
        </Box>
      </Box>
      <Box component="section" aria-labelledby="od-figures-title">
        <Group justify="space-between" mb="sm">
          <Title id="od-figures-title" order={2} size="h3">
            {t.figuresTitle}
          </Title>
          <Anchor component={Link} to="/data/stats">
            {t.statsLink} →
          </Anchor>
        </Group>
        <StatsFigures />
      </Box>
      <Box component="section" aria-labelledby="od-topics-title">
        <Title id="od-topics-title" order={2} size="h3" mb="sm">
          {t.topicsTitle}
        </Title>
        <TopicTiles />
      </Box>
      <Box component="section" aria-labelledby="od-recent-title">
        <Group justify="space-between" mb="sm">
          <Title id="od-recent-title" order={2} size="h3">
            {t.recentTitle}
          </Title>
          <Anchor component={Link} to="/data/search?sort=metadata_modified+desc">
            {t.seeAll} →
          </Anchor>
        </Group>
        <RecentDatasets />
      </Box>
      <Paper component="section" aria-labelledby="od-dev-title" withBorder p="lg" bg="gray.0">
        <Title id="od-dev-title" order={2} size="h4" mb={4}>
          {t.developersTitle}
        </Title>
        <Text mb="xs">{t.developersText}</Text>
        <Group gap="lg">
          <Anchor href="/docs">{t.apiDocs}</Anchor>
          <Anchor href="/catalog.ttl">{t.dcatCatalog}</Anchor>
          <Anchor component={Link} to="/data/stats">
            {t.statsLink}
          </Anchor>
        </Group>
      </Paper>
    </Stack>
  );
}
