import { Anchor, Badge, Table, Text } from '@mantine/core';
import { formatDay, weekdayOf } from '../../lib/format';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import type { DayOff } from './calendar.api';
import { calendarMessages, weekdayLong } from './calendar.i18n';

const sourceColor = { statutory: 'red', compensatory: 'orange', decision: 'blue' } as const;

export function DaysOffTable({
  year,
  daysOff,
}: {
  readonly year: number;
  readonly daysOff: readonly DayOff[];
}) {
  const t = useMessages(calendarMessages);
  const { locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm">
        <caption className="visually-hidden">{t.listTitle.replace('{year}', String(year))}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.date}</Table.Th>
            <Table.Th scope="col">{t.weekday}</Table.Th>
            <Table.Th scope="col">{t.name}</Table.Th>
            <Table.Th scope="col">{t.source}</Table.Th>
            <Table.Th scope="col">{t.legalBasis}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {daysOff.map((day) => (
            <Table.Tr key={day.date}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(day.date)}</Table.Td>
              <Table.Td>{weekdayLong[locale][weekdayOf(day.date)]}</Table.Td>
              <Table.Td>{pick(locale, { vi: day.nameVi, en: day.nameEn })}</Table.Td>
              <Table.Td>
                <Badge color={sourceColor[day.source]} variant="light" tt="none">
                  {t[day.source]}
                </Badge>
                {day.provisional && (
                  <Text size="xs" c="dimmed">
                    {t.provisional}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {day.sourceUrl ? (
                  <Anchor href={day.sourceUrl} target="_blank" rel="noreferrer" size="sm">
                    {day.legalBasis}
                  </Anchor>
                ) : (
                  <Text size="sm">{day.legalBasis}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
