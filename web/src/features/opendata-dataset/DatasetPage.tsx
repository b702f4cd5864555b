import { Alert, Anchor, Badge, Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { ApiError } from '../../lib/api';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useSession } from '../auth/session';
import { PortalBreadcrumbs } from '../opendata/DatasetSearchPage';
import { canEditOrg } from '../opendata/editors';
import { usePackage } from '../opendata/opendata.api';
import { opendataMessages } from '../opendata/opendata.i18n';
import type { CkanPackage } from '../opendata/opendata.types';
import { ApiExamples } from './ApiExamples';
import { DatasetHistory } from './DatasetHistory';
import { DatasetMetadata } from './DatasetMetadata';
import { datasetMessages } from './dataset.i18n';
import { DcatLinks } from './DcatLinks';
import { ResourceExplorer } from './ResourceExplorer';
import { canPreview, resourceTitle } from './resource-kinds';
import { ResourceList } from './ResourceList';

function Section({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Title id={id} order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Dataset({ dataset }: { readonly dataset: CkanPackage }) {
  const t = useMessages(datasetMessages);
  const portal = useMessages(opendataMessages);
  const { locale } = useLocale();
  const session = useSession();
  const isEditor = canEditOrg(session.data?.user.grants, dataset.owner_org);
  const [selectedId, setSelectedId] = useState(() => dataset.resources.find(canPreview)?.id ?? null);
  const selected = dataset.resources.find((resource) => resource.id === selectedId) ?? null;
  const notes = pick(locale, { vi: dataset.notes ?? '', en: dataset.notes_en });
  return (
    <Stack gap="lg">
      <div>
        <PortalBreadcrumbs />
        <PageTitle
          title={pick(locale, { vi: dataset.title || dataset.name, en: dataset.title_en })}
          actions={
            isEditor ? (
              <Button
                component={Link}
                to={`/console/data/${encodeURIComponent(dataset.name)}`}
                variant="light"
              >
                {t.edit}
              </Button>
            ) : undefined
          }
        />
        <Group gap="xs" mt={-8} mb="sm">
          {dataset.is_sample && (
            <Badge color="orange" variant="light">
              {portal.sample}
            </Badge>
          )}
          {dataset.state === 'draft' && (
            <Badge color="yellow" variant="light">
              {portal.draft}
            </Badge>
          )}
          {dataset.private && (
            <Badge color="red" variant="light">
              {portal.private}
            </Badge>
          )}
        </Group>
        {dataset.state === 'draft' && (
          <Alert color="yellow" variant="light" mb="sm">
            {t.draftNotice}
          </Alert>
        )}
        {notes && (
          <Text maw={820} style={{ whiteSpace: 'pre-line' }}>
            {notes}
          </Text>
        )}
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section id="ds-resources" title={t.resources}>
              <ResourceList resources={dataset.resources} selected={selectedId} onSelect={setSelectedId} />
            </Section>
            {selected && (
              <Section id="ds-explorer" title={fill(t.explorer, { name: resourceTitle(selected) })}>
                <ResourceExplorer resource={selected} />
              </Section>
            )}
            <Section id="ds-api" title={t.apiTitle}>
              <ApiExamples
                datasetName={dataset.name}
                resourceId={selected?.datastore_active ? selected.id : null}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Section id="ds-metadata" title={t.metadata}>
              <DatasetMetadata dataset={dataset} />
            </Section>
            <Section id="ds-dcat" title={t.dcatTitle}>
              <DcatLinks name={dataset.name} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {isEditor && (
        <Section id="ds-history" title={t.historyTitle}>
          <Text size="sm" c="dimmed" mb="xs">
            {t.historyIntro}
          </Text>
          <DatasetHistory datasetId={dataset.id} />
        </Section>
      )}
    </Stack>
  );
}

/** /data/dataset/:name: everything about one dataset, and its data to look at, chart, map and call. */
export function DatasetPage() {
  const t = useMessages(datasetMessages);
  const portal = useMessages(opendataMessages);
  const name = useParams().name ?? '';
  const dataset = usePackage(name);
  if (dataset.isPending) return <LoadingBlock />;
  if (dataset.isError) {
    if (dataset.error instanceof ApiError && dataset.error.status === 404)
      return (
        <Box>
          <PageTitle title={t.notFound} />
          <Text mb="sm">{t.notFoundText}</Text>
          <Anchor component={Link} to="/data/search">
            {portal.searchTitle}
          </Anchor>
        </Box>
      );
    return <ErrorAlert error={dataset.error} />;
  }
  return <Dataset key={dataset.data.id} dataset={dataset.data} />;
}
