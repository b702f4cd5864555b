import { Badge, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { dayBoundary, formatDateTime } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { useUserNames } from '../users/users.api';
import { emptyAuditFilter, searchAudit, type AuditFilter } from './audit.api';
import { actionLabels, auditMessages } from './audit.i18n';
import { AuditFilters } from './AuditFilters';
import { AuditSummary } from './AuditSummary';

const LIMIT = 25;

export function AuditPage() {
  const t = useMessages(auditMessages);
  const { locale } = useLocale();
  const [filter, setFilter] = useState<AuditFilter>(emptyAuditFilter);
  const [offset, setOffset] = useState(0);
  const actors = useUserNames(true);
  const query = {
    action: filter.action.trim() || undefined,
    targetType: filter.targetType.trim() || undefined,
    targetId: filter.targetId.trim() || undefined,
    actorId: filter.actorId || undefined,
    q: filter.q.trim() || undefined,
    // Days are Vietnamese days: from the first instant of `from` to the last of `to`, UTC+7.
    from: filter.from ? dayBoundary(filter.from, 'start') : undefined,
    to: filter.to ? dayBoundary(filter.to, 'end') : undefined,
    limit: LIMIT,
    offset,
  };
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: () => searchAudit(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <PageTitle title={t.title} description={t.intro} />
      <AuditFilters
        value={filter}
        actors={actors}
        onApply={(next) => {
          setFilter(next);
          setOffset(0);
        }}
      />
      {entries.isPending && <LoadingBlock />}
      {entries.isError && <ErrorAlert error={entries.error} />}
      {entries.data && entries.data.items.length === 0 && <EmptyBlock title={t.empty} />}
      {entries.data && entries.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" style={{ opacity: entries.isPlaceholderData ? 0.6 : 1 }}>
              <caption className="visually-hidden">{t.listLabel}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.when}</Table.Th>
                  <Table.Th scope="col">{t.actor}</Table.Th>
                  <Table.Th scope="col">{t.action}</Table.Th>
                  <Table.Th scope="col">{t.target}</Table.Th>
                  <Table.Th scope="col">{t.summary}</Table.Th>
                  <Table.Th scope="col">{t.ip}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.actorLabel}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {actionLabels[locale][entry.action] ?? entry.action}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {entry.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" tt="none" size="sm">
                        {entry.targetType}
                      </Badge>
                      {entry.targetId && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {entry.targetId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={360}>
                      <AuditSummary summary={entry.summary} />
                    </Table.Td>
                    <Table.Td>{entry.ip ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls total={entries.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
        </>
      )}
    </Stack>
  );
}
