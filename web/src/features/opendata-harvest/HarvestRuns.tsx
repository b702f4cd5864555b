import { List, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { harvestKey, listRuns, type HarvestRun } from './harvest.api';
import { harvestMessages } from './harvest.i18n';
import { RunStatusBadge } from './RunStatusBadge';

const LIMIT = 10;

function RunReport({ run }: { readonly run: HarvestRun }) {
  const t = useMessages(harvestMessages);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {fill(t.counts, {
          created: run.created,
          updated: run.updated,
          deleted: run.deleted,
          unchanged: run.unchanged,
          failed: run.failed,
        })}
      </Text>
      {run.error && (
        <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
          {run.error}
        </Text>
      )}
      {run.errors.length > 0 && (
        <details>
          <summary>
            {t.problems} ({run.errors.length})
          </summary>
          <List size="sm">
            {run.errors.map((problem) => (
              <List.Item key={problem.remoteId} style={{ overflowWrap: 'anywhere' }}>
                <strong>{problem.title}</strong>: {problem.message}
              </List.Item>
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
}

/** A source's runs with their reports; refreshes every 2 s while one is running (progress counts). */
export function HarvestRuns({ sourceId }: { readonly sourceId: string }) {
  const t = useMessages(harvestMessages);
  const [offset, setOffset] = useState(0);
  const runs = useQuery({
    queryKey: [...harvestKey, 'runs', sourceId, offset],
    queryFn: () => listRuns(sourceId, offset, LIMIT),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === 'running') ? 2000 : false,
  });
  if (runs.isPending) return <LoadingBlock />;
  if (runs.isError) return <ErrorAlert error={runs.error} />;
  if (runs.data.items.length === 0) return <EmptyBlock title={t.noRuns} />;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.startedAt}</Table.Th>
              <Table.Th scope="col">{t.trigger}</Table.Th>
              <Table.Th scope="col">{t.status}</Table.Th>
              <Table.Th scope="col">{t.lastRun}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.items.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>
                  {formatDateTime(run.startedAt)}
                  {run.finishedAt && (
                    <Text size="xs" c="dimmed">
                      {t.finishedAt}: {formatDateTime(run.finishedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{run.trigger === 'schedule' ? t.schedule : t.manual}</Table.Td>
                <Table.Td>
                  <RunStatusBadge status={run.status} />
                </Table.Td>
                <Table.Td>
                  <RunReport run={run} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PageControls total={runs.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
    </Stack>
  );
}
