import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { DeadlineInfo } from './DeadlineInfo';
import { channelLabels } from './feedback-labels';
import { consoleMessages } from './feedback-console.i18n';
import type { StaffReport } from './feedback-console.api';
import { useWorkingCalendar } from './feedback-console.hooks';
import { StatusBadge } from './StatusBadge';

const EXCERPT = 140;

/** Reports as a table: the code links to the report's page; overdue rows are marked, not only coloured. */
export function ReportsTable({ reports }: { readonly reports: readonly StaffReport[] }) {
  const t = useMessages(consoleMessages);
  const { locale } = useLocale();
  const calendar = useWorkingCalendar();
  const agencies = useAllAgencies();
  const agencyName = (id: string) => {
    const agency = agencies.data?.find((candidate) => candidate.id === id);
    return agency ? pick(locale, { vi: agency.nameVi, en: agency.nameEn }) : '';
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">{t.listLabel}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.code}</Table.Th>
            <Table.Th scope="col">{t.received}</Table.Th>
            <Table.Th scope="col">{t.category}</Table.Th>
            <Table.Th scope="col">{t.description}</Table.Th>
            <Table.Th scope="col">{t.status}</Table.Th>
            <Table.Th scope="col">{t.deadline}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <Table.Tr key={report.id} bg={report.overdue ? 'var(--mantine-color-red-0)' : undefined}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/console/feedback/reports/${report.id}`}
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {report.trackingCode}
                </Anchor>
                <Group gap={4} mt={4}>
                  {report.urgent && (
                    <Badge color="red" size="xs" tt="none">
                      {t.urgent}
                    </Badge>
                  )}
                  {report.isSample && (
                    <Badge color="gray" size="xs" variant="outline" tt="none">
                      {t.sample}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(report.receivedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {channelLabels[locale][report.channel]}
                </Text>
              </Table.Td>
              <Table.Td>
                {report.categoryName ? (
                  pick(locale, report.categoryName)
                ) : (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t.noCategory}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {report.description.length > EXCERPT
                    ? `${report.description.slice(0, EXCERPT)}…`
                    : report.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={report.status} />
                {report.agencyId && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {agencyName(report.agencyId)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DeadlineInfo report={report} calendar={calendar} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
