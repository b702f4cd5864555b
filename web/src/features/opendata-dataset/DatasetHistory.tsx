import { Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatDateTime } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { useHistory } from '../opendata/opendata.api';
import { datasetMessages, historyActions } from './dataset.i18n';
import { describeSummary } from './history-summary';

/** Who changed the dataset, what and when: the audit log's entries about it, newest first. */
export function DatasetHistory({ datasetId }: { readonly datasetId: string }) {
  const t = useMessages(datasetMessages);
  const { locale } = useLocale();
  const history = useHistory(datasetId, true);
  if (history.isPending) return <LoadingBlock />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  if (history.data.items.length === 0) return <EmptyBlock title={t.historyEmpty} />;
  const actions: Readonly<Record<string, string>> = historyActions[locale];
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table striped withTableBorder fz="sm">
        <caption className="visually-hidden">{t.historyTitle}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.when}</Table.Th>
            <Table.Th scope="col">{t.action}</Table.Th>
            <Table.Th scope="col">{t.actor}</Table.Th>
            <Table.Th scope="col">{t.details}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.items.map((entry, index) => (
            <Table.Tr key={`${entry.occurredAt}-${index}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</Table.Td>
              <Table.Td>{actions[entry.action] ?? entry.action}</Table.Td>
              <Table.Td>{entry.actor ?? t.system}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {describeSummary(entry.action, entry.summary)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
