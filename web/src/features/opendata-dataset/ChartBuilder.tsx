import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { SvgChart, type ChartKind } from '../../components/SvgChart';
import { toNumber } from '../../lib/chart-scale';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { columnKey } from './coordinates';
import { isNumericField, useDatastoreSearch, type DatastoreField } from './datastore.api';
import { datasetMessages } from './dataset.i18n';

const CHART_ROWS = 500;

function labelOf(field: DatastoreField): string {
  return field.info?.label || field.id;
}

// Number columns that are codes or calendar parts, not measures: a poor first choice for Y.
const notMeasures = /^(nam|year|thang|month|ngay|day|stt|id|ma|code)$/;

function defaultY(numeric: readonly DatastoreField[], x: string | null): string | null {
  const candidates = numeric.filter((field) => field.id !== x);
  const measure = candidates.find((field) => !notMeasures.test(columnKey(field.id)));
  return (measure ?? candidates[0] ?? numeric[0])?.id ?? null;
}

/** Pick an X column and a number column, line or bars; the chart is drawn from the first 500 rows. */
export function ChartBuilder({
  resourceId,
  fields,
}: {
  readonly resourceId: string;
  readonly fields: readonly DatastoreField[];
}) {
  const t = useMessages(datasetMessages);
  const { locale } = useLocale();
  const columns = fields.filter((field) => field.id !== '_id');
  const numeric = columns.filter(isNumericField);
  const [x, setX] = useState<string | null>(
    () => (columns.find((field) => !isNumericField(field)) ?? columns[0])?.id ?? null,
  );
  const [y, setY] = useState<string | null>(() => defaultY(numeric, x));
  const [kind, setKind] = useState<ChartKind>('bar');
  const kindLabel = useId();
  const ready = x !== null && y !== null;
  const data = useDatastoreSearch(
    { resourceId, fields: ready ? [x, y] : [], limit: CHART_ROWS },
    ready && numeric.length > 0,
  );
  if (numeric.length === 0) return <EmptyBlock title={t.noNumeric} />;

  const xField = columns.find((field) => field.id === x);
  const yField = numeric.find((field) => field.id === y);
  const records = data.data?.records ?? [];
  const values = records.map((record) => (y ? toNumber(record[y]) : null));
  const present = values.filter((value): value is number => value !== null);
  const names = { x: xField ? labelOf(xField) : '', y: yField ? labelOf(yField) : '' };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <Select
          label={t.xColumn}
          data={columns.map((field) => ({ value: field.id, label: labelOf(field) }))}
          value={x}
          onChange={setX}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t.yColumn}
          data={numeric.map((field) => ({ value: field.id, label: labelOf(field) }))}
          value={y}
          onChange={setY}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
        <div>
          <Text component="span" size="sm" fw={500} id={kindLabel} display="block" mb={4}>
            {t.chartType}
          </Text>
          <SegmentedControl
            aria-labelledby={kindLabel}
            value={kind}
            onChange={(value) => setKind(value === 'line' ? 'line' : 'bar')}
            data={[
              { value: 'bar', label: t.bar },
              { value: 'line', label: t.line },
            ]}
          />
        </div>
      </Group>
      {data.isPending && ready && <LoadingBlock />}
      {data.isError && <ErrorAlert error={data.error} />}
      {data.data && xField && yField && (
        <>
          <SvgChart
            kind={kind}
            title={fill(kind === 'bar' ? t.chartTitleBar : t.chartTitleLine, names)}
            summary={
              present.length > 0
                ? fill(t.chartSummary, {
                    n: present.length,
                    min: formatNumber(Math.min(...present), locale),
                    max: formatNumber(Math.max(...present), locale),
                  })
                : undefined
            }
            categoryLabel={names.x}
            categories={records.map((record) => (x ? String(record[x] ?? '') : ''))}
            series={[{ name: names.y, values }]}
          />
          {(data.data.total ?? 0) > CHART_ROWS && (
            <Text size="sm" c="dimmed">
              {fill(t.chartRows, { n: formatNumber(CHART_ROWS, locale) })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
