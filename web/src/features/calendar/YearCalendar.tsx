import { Box, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import type { DayOff, Decision } from './calendar.api';
import { calendarMessages, monthNames, weekdayShort } from './calendar.i18n';

const pad = (value: number) => String(value).padStart(2, '0');

/** The weeks of a month as rows of day numbers (Monday first, as Vietnamese calendars print them). */
function monthWeeks(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (number | null)[] = [
    ...Array<null>((first + 6) % 7).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

const styles = {
  off: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', fontWeight: 700 },
  working: {
    background: 'var(--mantine-color-blue-1)',
    color: 'var(--mantine-color-blue-9)',
    fontWeight: 700,
    boxShadow: 'inset 0 0 0 2px var(--mantine-color-blue-7)',
  },
  weekend: { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-8)' },
  plain: {},
} as const;

function Swatch({ kind, label }: { readonly kind: keyof typeof styles; readonly label: string }) {
  return (
    <Group gap={6}>
      <Box
        w={18}
        h={18}
        style={{ ...styles[kind], borderRadius: 4, border: '1px solid var(--mantine-color-gray-4)' }}
        aria-hidden
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/** Twelve month grids; each marked day also carries its name as text, so colour is never the only cue. */
export function YearCalendar({
  year,
  daysOff,
  workingDays,
}: {
  readonly year: number;
  readonly daysOff: readonly DayOff[];
  readonly workingDays: readonly Decision[];
}) {
  const t = useMessages(calendarMessages);
  const { locale } = useLocale();
  const off = new Map(daysOff.map((day) => [day.date, pick(locale, { vi: day.nameVi, en: day.nameEn })]));
  const working = new Map(
    workingDays.map((day) => [day.day, pick(locale, { vi: day.nameVi, en: day.nameEn })]),
  );
  const headers = [1, 2, 3, 4, 5, 6, 0].map((index) => weekdayShort[locale][index]);

  return (
    <Box>
      <Group gap="lg" mb="sm" aria-label={t.legend} role="group">
        <Swatch kind="off" label={t.legendOff} />
        <Swatch kind="working" label={t.legendWorking} />
        <Swatch kind="weekend" label={t.legendWeekend} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md">
        {monthNames[locale].map((monthName, month) => (
          <Table
            key={monthName}
            withTableBorder
            layout="fixed"
            verticalSpacing={2}
            horizontalSpacing={2}
            fz="sm"
            ta="center"
          >
            <caption style={{ captionSide: 'top', fontWeight: 700, textAlign: 'left', padding: '4px 0' }}>
              {monthName} {year}
            </caption>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header) => (
                  <Table.Th key={header} scope="col" ta="center" fz="xs">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {monthWeeks(year, month).map((week, row) => (
                <Table.Tr key={row}>
                  {week.map((day, column) => {
                    if (day === null) return <Table.Td key={column} />;
                    const iso = `${year}-${pad(month + 1)}-${pad(day)}`;
                    const name = off.get(iso) ?? working.get(iso);
                    const kind = off.has(iso)
                      ? 'off'
                      : working.has(iso)
                        ? 'working'
                        : column >= 5
                          ? 'weekend'
                          : 'plain';
                    return (
                      <Table.Td key={column} style={styles[kind]} title={name}>
                        {day}
                        {name && <span className="visually-hidden">: {name}</span>}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </SimpleGrid>
    </Box>
  );
}
