import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { RowActions } from '../../components/RowActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { usePublisherOrgs } from '../opendata-console/publisher-orgs';
import { deleteSource, harvestKey, listSources, startRun, type HarvestSource } from './harvest.api';
import { harvestMessages } from './harvest.i18n';
import { HarvestRuns } from './HarvestRuns';
import { HarvestSourceForm } from './HarvestSourceForm';
import { RunStatusBadge } from './RunStatusBadge';

function SourceStatus({ source }: { readonly source: HarvestSource }) {
  const t = useMessages(harvestMessages);
  if (source.running) return <RunStatusBadge status="running" />;
  if (!source.lastRun)
    return (
      <Text size="sm" c="dimmed">
        {t.never}
      </Text>
    );
  return (
    <Stack gap={2}>
      <RunStatusBadge status={source.lastRun.status} />
      <Text size="xs" c="dimmed">
        {formatDateTime(source.lastRun.startedAt)}
      </Text>
    </Stack>
  );
}

/** Console: harvest sources, "run now", each source's run history with its report. */
export function HarvestSourcesPage() {
  const t = useMessages(harvestMessages);
  const common = useMessages(commonMessages);
  const client = useQueryClient();
  const orgs = usePublisherOrgs();
  const [editing, setEditing] = useState<{ source: HarvestSource | null } | null>(null);
  const [history, setHistory] = useState<HarvestSource | null>(null);
  const sources = useQuery({
    queryKey: [...harvestKey, 'sources'],
    queryFn: listSources,
    // While a run works, its counts move: refresh the list until it ends.
    refetchInterval: (query) => (query.state.data?.some((source) => source.running) ? 2000 : false),
  });
  const refresh = () => client.invalidateQueries({ queryKey: harvestKey });
  const notifyError = (error: Error) =>
    notifications.show({ color: 'red', title: common.errorTitle, message: error.message });
  const run = useMutation({
    mutationFn: (source: HarvestSource) => startRun(source.id),
    onSuccess: async (_run, source) => {
      notifications.show({ color: 'green', message: fill(t.started, { name: source.name }) });
      await refresh();
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (source: HarvestSource) => deleteSource(source.id),
    onSuccess: async (_data, source) => {
      notifications.show({ color: 'green', message: fill(t.deleted, { name: source.name }) });
      await refresh();
    },
    onError: notifyError,
  });
  const orgLabel = (id: string) => orgs.options.find((org) => org.id === id)?.label ?? id;

  return (
    <Stack>
      <PageTitle
        title={t.title}
        description={t.intro}
        actions={<Button onClick={() => setEditing({ source: null })}>{t.add}</Button>}
      />
      {sources.isPending && <LoadingBlock />}
      {sources.isError && <ErrorAlert error={sources.error} />}
      {sources.data && sources.data.length === 0 && <EmptyBlock title={t.empty} />}
      {sources.data && sources.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm">
            <caption className="visually-hidden">{t.listLabel}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.name}</Table.Th>
                <Table.Th scope="col">{t.url}</Table.Th>
                <Table.Th scope="col">{t.organization}</Table.Th>
                <Table.Th scope="col">{t.datasets}</Table.Th>
                <Table.Th scope="col">{t.status}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t.runNow}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.data.map((source) => (
                <Table.Tr key={source.id}>
                  <Table.Td>
                    <Text fw={600}>{source.title || source.name}</Text>
                    <Group gap={4}>
                      <Badge variant="outline" tt="none">
                        {source.type.toUpperCase()}
                      </Badge>
                      {!source.active && (
                        <Badge color="gray" variant="light" tt="none">
                          {t.paused}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={source.url} target="_blank" rel="noreferrer" size="sm">
                      {source.url}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{orgLabel(source.organizationId)}</Table.Td>
                  <Table.Td>{source.mirroredDatasets}</Table.Td>
                  <Table.Td>
                    <SourceStatus source={source} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={source.name}
                      onEdit={() => setEditing({ source })}
                      remove={{
                        title: t.deleteTitle,
                        message: fill(t.deleteMessage, { name: source.name }),
                        onConfirm: () => remove.mutateAsync(source).catch(() => undefined),
                        loading: remove.isPending,
                      }}
                    >
                      <Button
                        size="xs"
                        onClick={() => run.mutate(source)}
                        disabled={source.running}
                        loading={run.isPending && run.variables.id === source.id}
                        aria-label={`${t.runNow}: ${source.name}`}
                      >
                        {t.runNow}
                      </Button>
                      <Button size="xs" variant="light" onClick={() => setHistory(source)}>
                        {t.history}
                      </Button>
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.source ? t.editTitle : t.addTitle}
        size="lg"
      >
        {editing && (
          <HarvestSourceForm
            source={editing.source}
            organizations={orgs.options}
            onCancel={() => setEditing(null)}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                message: editing.source ? common.saved : fill(t.created, { name: saved.name }),
              });
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </FormModal>
      <FormModal
        opened={history !== null}
        onClose={() => setHistory(null)}
        title={history ? fill(t.historyTitle, { name: history.title || history.name }) : ''}
        size="xl"
      >
        {history && <HarvestRuns sourceId={history.id} />}
      </FormModal>
    </Stack>
  );
}
