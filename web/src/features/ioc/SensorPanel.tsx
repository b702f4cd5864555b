import { Alert, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/StatusBlocks';
import { SvgChart } from '../../components/SvgChart';
import { CITY_TIME_ZONE, formatDateTime } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { formatResult } from '../sensors-console/sensors.api';
import { fetchDaySeries, type GaugeStation, type StationAqi } from './ioc.api';
import { iocMessages, type IocMessages } from './ioc.i18n';

export type Selection =
  | { readonly kind: 'air'; readonly thingId: number; readonly pollutant: string }
  | { readonly kind: 'water' | 'rain'; readonly datastreamId: number };

const pollutantOrder = ['pm25', 'pm10', 'o3', 'co', 'no2', 'so2'] as const;

export function selectionKey(selection: Selection | null): string | null {
  if (!selection) return null;
  return selection.kind === 'air'
    ? `air:${selection.thingId}`
    : `${selection.kind}:${selection.datastreamId}`;
}

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The selected station's last 24 hours as a chart (hourly means, hourly sums for rain), with a list to
 * pick a station without the map (keyboard, screen readers, phones).
 */
export function SensorPanel({
  air,
  water,
  rain,
  selection,
  onSelect,
}: {
  readonly air: readonly StationAqi[];
  readonly water: readonly GaugeStation[];
  readonly rain: readonly GaugeStation[];
  readonly selection: Selection | null;
  readonly onSelect: (selection: Selection | null) => void;
}) {
  const t = useMessages(iocMessages);
  const { locale } = useLocale();

  const options = [
    {
      group: t.groupAir,
      items: air.map((station) => ({ value: `air:${station.thingId}`, label: station.name })),
    },
    {
      group: t.groupWater,
      items: water.map((gauge) => ({ value: `water:${gauge.datastreamId}`, label: gauge.name })),
    },
    {
      group: t.groupRain,
      items: rain.map((gauge) => ({ value: `rain:${gauge.datastreamId}`, label: gauge.name })),
    },
  ].filter((group) => group.items.length > 0);

  const onPick = (value: string | null) => {
    if (!value) return onSelect(null);
    const [kind, id] = value.split(':');
    const number = Number(id);
    if (kind === 'air') {
      const station = air.find((candidate) => candidate.thingId === number);
      const pollutant =
        pollutantOrder.find((key) => station?.pollutants[key]?.datastreamId) ??
        Object.keys(station?.pollutants ?? {})[0];
      onSelect({ kind: 'air', thingId: number, pollutant: pollutant ?? 'pm25' });
    } else if (kind === 'water' || kind === 'rain') onSelect({ kind, datastreamId: number });
  };

  const station = selection?.kind === 'air' ? air.find((s) => s.thingId === selection.thingId) : undefined;
  const gauge =
    selection?.kind === 'water'
      ? water.find((g) => g.datastreamId === selection.datastreamId)
      : selection?.kind === 'rain'
        ? rain.find((g) => g.datastreamId === selection.datastreamId)
        : undefined;
  const datastreamId =
    selection?.kind === 'air'
      ? (station?.pollutants[selection.pollutant]?.datastreamId ?? null)
      : (gauge?.datastreamId ?? null);
  const quantity =
    selection?.kind === 'air'
      ? (t[selection.pollutant as keyof IocMessages] ?? selection.pollutant)
      : selection?.kind === 'rain'
        ? t.precipitation
        : t.waterLevel;
  const unit = selection?.kind === 'air' ? 'µg/m³' : (gauge?.unit?.symbol ?? '');
  const name = station?.name ?? gauge?.name ?? '';

  return (
    <Stack gap="xs" component="section" aria-labelledby="ioc-sensor-title">
      <Title order={2} size="h4" id="ioc-sensor-title">
        {t.sensorTitle}
      </Title>
      <Select
        label={t.sensorPick}
        data={options}
        value={selectionKey(selection)}
        onChange={onPick}
        searchable
        clearable
        placeholder={t.sensorPick}
        comboboxProps={{ withinPortal: true }}
      />
      {selection?.kind === 'air' && station && (
        <Select
          label={t.sensorPollutant}
          value={selection.pollutant}
          allowDeselect={false}
          data={pollutantOrder
            .filter((key) => station.pollutants[key]?.datastreamId)
            .map((key) => ({ value: key, label: t[key] }))}
          onChange={(value) => value && onSelect({ ...selection, pollutant: value })}
        />
      )}
      {!selection && (
        <Text size="sm" c="dimmed">
          {t.sensorHint}
        </Text>
      )}
      {gauge?.latest && (
        <Text size="sm" data-testid="sensor-latest">
          {fill(t.sensorLatest, {
            value: `${formatResult(gauge.latest.result, locale)} ${unit}`.trim(),
            time: formatDateTime(gauge.latest.phenomenonTime),
          })}
        </Text>
      )}
      {selection && datastreamId !== null && (
        <DayChart
          datastreamId={datastreamId}
          fn={selection.kind === 'rain' ? 'sum' : 'avg'}
          kind={selection.kind === 'rain' ? 'bar' : 'line'}
          title={fill(t.sensorChartTitle, { quantity, name })}
          unit={unit}
        />
      )}
    </Stack>
  );
}

export const daySeriesKey = (datastreamId: number, fn: string) =>
  ['ioc', 'series', datastreamId, fn] as const;

function DayChart({
  datastreamId,
  fn,
  kind,
  title,
  unit,
}: {
  readonly datastreamId: number;
  readonly fn: 'avg' | 'sum';
  readonly kind: 'line' | 'bar';
  readonly title: string;
  readonly unit: string;
}) {
  const t = useMessages(iocMessages);
  const { locale } = useLocale();
  const series = useQuery({
    queryKey: daySeriesKey(datastreamId, fn),
    queryFn: () => fetchDaySeries(datastreamId, fn),
    refetchInterval: 5 * 60_000,
  });
  if (series.isPending) return <LoadingBlock />;
  if (series.isError) return <ErrorAlert error={series.error} />;
  const points = series.data.points;
  if (points.length === 0)
    return (
      <Alert variant="light" color="gray">
        {t.sensorEmpty}
      </Alert>
    );
  const values = points.map((point) => point.value);
  const number = (value: number) => formatResult(Math.round(value * 100) / 100, locale);
  return (
    <Stack gap={4}>
      <SvgChart
        kind={kind}
        title={title}
        summary={fill(t.sensorSummary, {
          min: number(Math.min(...values)),
          max: number(Math.max(...values)),
          last: number(values[values.length - 1] ?? 0),
          unit,
        })}
        categories={points.map((point) => hourFormat.format(new Date(point.time)))}
        series={[
          { name: unit ? `${title} (${unit})` : title, values: values.map((v) => Math.round(v * 100) / 100) },
        ]}
        categoryLabel={t.hour}
        height={200}
      />
      {series.data.source === 'observations' && (
        <Text size="xs" c="dimmed">
          {t.sensorFromObservations}
        </Text>
      )}
    </Stack>
  );
}
