import { Box, Button, Collapse, ColorSwatch, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure, useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import { formatCompact, formatNumber } from '../lib/format';
import { useLocale, useMessages } from '../lib/i18n';
import { chartColors, ChartPlot, type ChartKind, type ChartSeries } from './ChartPlot';
import { commonMessages } from './common.i18n';

export type { ChartKind, ChartSeries } from './ChartPlot';

/**
 * A dependency-free line or bar chart drawn in SVG at the width of its container (so labels stay
 * readable on phones). It is one image named by `title` and summed up by `summary`; the same figures
 * are one click away as a table, for screen readers and for anyone who wants the exact numbers.
 */
export function SvgChart({
  kind,
  title,
  summary,
  categories,
  series,
  categoryLabel,
  height = 300,
}: {
  readonly kind: ChartKind;
  readonly title: string;
  readonly summary?: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Heading of the categories' column in the data table. */
  readonly categoryLabel: string;
  readonly height?: number;
}) {
  const t = useMessages(commonMessages);
  const { locale } = useLocale();
  const { ref, width } = useElementSize();
  const [tableOpen, { toggle }] = useDisclosure(false);
  const id = useId();
  const formatValue = (value: number) => formatNumber(value, locale);
  const formatTick = (value: number) => formatCompact(value, locale);
  return (
    <Stack gap="xs">
      <Box ref={ref} w="100%" style={{ minWidth: 0 }}>
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={summary ? `${id}-desc` : undefined}
          width={width || '100%'}
          height={height}
          style={{ display: 'block', maxWidth: '100%' }}
        >
          <title id={`${id}-title`}>{title}</title>
          {summary && <desc id={`${id}-desc`}>{summary}</desc>}
          {width > 0 && (
            <ChartPlot
              kind={kind}
              categories={categories}
              series={series}
              width={width}
              height={height}
              formatValue={formatValue}
              formatTick={formatTick}
            />
          )}
        </svg>
      </Box>
      <Group justify="space-between" gap="xs">
        <Group gap="md" aria-hidden={series.length < 2}>
          {series.length > 1 &&
            series.map((item, index) => (
              <Group key={item.name} gap={6} wrap="nowrap">
                <ColorSwatch color={chartColors[index % chartColors.length] ?? '#1864ab'} size={14} />
                <Text size="sm">{item.name}</Text>
              </Group>
            ))}
        </Group>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={toggle}
          aria-expanded={tableOpen}
          aria-controls={`${id}-table`}
        >
          {tableOpen ? t.hideTable : t.showTable}
        </Button>
      </Group>
      <Collapse expanded={tableOpen} id={`${id}-table`}>
        <Table.ScrollContainer minWidth={280} maxHeight={320} type="native">
          <Table striped withTableBorder fz="sm">
            <caption className="visually-hidden">{`${t.chartData}: ${title}`}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{categoryLabel}</Table.Th>
                {series.map((item) => (
                  <Table.Th scope="col" key={item.name} ta="right">
                    {item.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((category, index) => (
                <Table.Tr key={`${category}-${index}`}>
                  <Table.Th scope="row" fw={400}>
                    {category}
                  </Table.Th>
                  {series.map((item) => {
                    const value = item.values[index];
                    return (
                      <Table.Td key={item.name} ta="right">
                        {value === null || value === undefined ? '—' : formatValue(value)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Stack>
  );
}
