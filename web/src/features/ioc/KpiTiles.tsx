import { Anchor, Box, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { cameraTypes } from '../sensors-console/sensors.api';
import {
  aqiBandOf,
  textOn,
  type FeedbackFigures,
  type FleetCount,
  type FleetSummary,
  type StationAqi,
} from './ioc.api';
import { iocMessages } from './ioc.i18n';

function Tile({
  label,
  query,
  value,
  detail,
  accent,
  testId,
}: {
  readonly label: string;
  readonly query: Pick<UseQueryResult, 'isPending' | 'isError'> | null;
  readonly value: ReactNode;
  readonly detail?: ReactNode;
  readonly accent?: { readonly background: string; readonly color: string } | undefined;
  readonly testId: string;
}) {
  const t = useMessages(iocMessages);
  let body: ReactNode;
  if (query?.isPending) body = <Skeleton height={30} width="60%" mt={4} aria-hidden />;
  else if (query?.isError)
    body = (
      <Text size="sm" c="red.8" mt={4}>
        {t.kpiUnavailable}
      </Text>
    );
  else
    body = (
      <>
        <Box
          component="p"
          m={0}
          mt={2}
          fz={28}
          fw={700}
          lh={1.15}
          style={
            accent
              ? {
                  background: accent.background,
                  color: accent.color,
                  display: 'inline-block',
                  padding: '0 8px',
                  borderRadius: 6,
                }
              : undefined
          }
        >
          {value}
        </Box>
        {detail && (
          <Text size="xs" c="dimmed" mt={2}>
            {detail}
          </Text>
        )}
      </>
    );
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      data-testid={testId}
      aria-busy={query?.isPending ?? false}
    >
      <Text size="sm" fw={600} c="dark.6">
        {label}
      </Text>
      {body}
    </Paper>
  );
}

function sum(counts: readonly FleetCount[]): FleetCount {
  const total = counts.reduce(
    (acc, count) => ({
      total: acc.total + count.total,
      online: acc.online + count.online,
      offline: acc.offline + count.offline,
      unknown: acc.unknown + count.unknown,
    }),
    { total: 0, online: 0, offline: 0, unknown: 0 },
  );
  const judged = total.online + total.offline;
  return { ...total, onlinePercent: judged > 0 ? Math.round((1000 * total.online) / judged) / 10 : null };
}

/**
 * The wall's key figures, each from its own API: cameras and wifi online (fleet), the city's VN_AQI
 * (mean of the stations' current index), open incidents (staff only), today's 1022 reports and the
 * open datasets. Each tile shows its own loading, error or empty state.
 */
export function KpiTiles({
  fleet,
  air,
  incidents,
  feedback,
  datasets,
  canSeeIncidents,
}: {
  readonly fleet: UseQueryResult<FleetSummary>;
  readonly air: UseQueryResult<StationAqi[]>;
  readonly incidents: UseQueryResult<{ readonly total: number }>;
  readonly feedback: UseQueryResult<FeedbackFigures>;
  readonly datasets: UseQueryResult<{ datasets: number }>;
  readonly canSeeIncidents: boolean;
}) {
  const t = useMessages(iocMessages);
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);

  const cameras = fleet.data
    ? sum(fleet.data.byType.filter((row) => (cameraTypes as readonly string[]).includes(row.type)))
    : null;
  const wifi = fleet.data ? sum(fleet.data.byType.filter((row) => row.type === 'wifi_access_point')) : null;
  const indices = (air.data ?? []).flatMap((station) => (station.aqi === null ? [] : [station.aqi]));
  const cityAqi = indices.length > 0 ? Math.round(indices.reduce((a, b) => a + b, 0) / indices.length) : null;
  const band = cityAqi === null ? null : aqiBandOf(cityAqi);

  return (
    <Box component="section" aria-labelledby="ioc-kpi-title">
      <h2 id="ioc-kpi-title" className="visually-hidden">
        {t.kpiTitle}
      </h2>
      <SimpleGrid
        component="ul"
        cols={{ base: 2, sm: 3, lg: 6 }}
        spacing="xs"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        <Tile
          testId="kpi-cameras"
          label={t.kpiCameras}
          query={fleet}
          value={cameras?.onlinePercent === null || !cameras ? t.kpiNone : `${n(cameras.onlinePercent)}%`}
          detail={
            cameras ? fill(t.kpiCamerasDetail, { online: n(cameras.online), total: n(cameras.total) }) : null
          }
        />
        <Tile
          testId="kpi-aqi"
          label={t.kpiAqi}
          query={air}
          value={
            cityAqi === null || !band
              ? t.kpiNone
              : `${n(cityAqi)} · ${pick(locale, { vi: band.vi, en: band.en })}`
          }
          accent={band ? { background: band.hex, color: textOn(band.hex) } : undefined}
          detail={
            cityAqi === null
              ? null
              : fill(t.kpiAqiDetail, { count: indices.length, max: n(Math.max(...indices)) })
          }
        />
        <Tile
          testId="kpi-incidents"
          label={t.kpiIncidents}
          query={canSeeIncidents ? incidents : null}
          value={canSeeIncidents ? n(incidents.data?.total ?? 0) : '—'}
          detail={
            canSeeIncidents ? (
              t.kpiIncidentsDetail
            ) : (
              <Anchor component={Link} to="/console/login" state={{ from: '/ioc' }} size="xs">
                {t.kpiSignInToSee}
              </Anchor>
            )
          }
        />
        <Tile
          testId="kpi-feedback"
          label={t.kpiFeedback}
          query={feedback}
          value={n(feedback.data?.received ?? 0)}
          detail={feedback.data ? fill(t.kpiFeedbackDetail, { open: n(feedback.data.open) }) : null}
        />
        <Tile
          testId="kpi-datasets"
          label={t.kpiDatasets}
          query={datasets}
          value={n(datasets.data?.datasets ?? 0)}
          detail={t.kpiDatasetsDetail}
        />
        <Tile
          testId="kpi-wifi"
          label={t.kpiWifi}
          query={fleet}
          value={wifi?.onlinePercent === null || !wifi ? t.kpiNone : `${n(wifi.onlinePercent)}%`}
          detail={wifi ? fill(t.kpiWifiDetail, { online: n(wifi.online), total: n(wifi.total) }) : null}
        />
      </SimpleGrid>
    </Box>
  );
}
