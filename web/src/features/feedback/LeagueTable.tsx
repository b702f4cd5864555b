import { Table } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import type { LeagueRow } from './feedback.api';
import { feedbackMessages } from './feedback.i18n';

/** The ranking as a table: on a phone it scrolls inside its own box, the page never does. */
export function LeagueTable({
  rows,
  nameOf,
}: {
  readonly rows: readonly LeagueRow[];
  readonly nameOf: (row: LeagueRow) => string;
}) {
  const t = useMessages(feedbackMessages);
  const { locale } = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const percent = (value: number | null) => (value === null ? t.notYet : `${formatNumber(value, locale)} %`);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-labelledby="league-table-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.rank}</Table.Th>
            <Table.Th scope="col">{t.agency}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.received}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.onTime}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.late}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.open}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.onTimePercent}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.rated}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.satisfaction}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={row.agencyId}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {nameOf(row)}
              </Table.Th>
              <Table.Td ta="right">{number(row.received)}</Table.Td>
              <Table.Td ta="right">{number(row.onTime)}</Table.Td>
              <Table.Td ta="right">{number(row.late)}</Table.Td>
              <Table.Td ta="right">{number(row.open)}</Table.Td>
              <Table.Td ta="right">{percent(row.onTimePercent)}</Table.Td>
              <Table.Td ta="right">{number(row.rated)}</Table.Td>
              <Table.Td ta="right">{percent(row.satisfactionPercent)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
