import { Alert, Anchor, Badge, Box, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Brand } from '../../app/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SkipLink } from '../../components/SkipLink';
import { formatDateTime } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import {
  formatResult,
  incidentsKey,
  listIncidents,
  operatorRoles,
  staffRoles,
  type DeviceStatus,
} from '../sensors-console/sensors.api';
import type { Cluster, MapPoint } from './clusters';
import { IncidentPanel } from './IncidentPanel';
import {
  fetchAirQuality,
  fetchCameraClusters,
  fetchDeviceFeatures,
  fetchFeedbackToday,
  fetchFleet,
  fetchGauges,
  fetchIncidentFeatures,
  fetchOpenDataStats,
  type MapView,
} from './ioc.api';
import { iocMessages } from './ioc.i18n';
import { IocMap, type CameraLayer } from './IocMap';
import { KpiTiles } from './KpiTiles';
import { LayerPanel, type LayerKey, type LayerState } from './LayerPanel';
import { SensorPanel, type Selection } from './SensorPanel';
import { useLiveFeed, type LiveObservation, type LiveStatus } from './useLiveFeed';
import {
  airMarkers,
  devicePopup,
  gaugeMarkers,
  incidentMarkers,
  wifiMarkers,
  type MarkerContext,
} from './wall-markers';

const MINUTE = 60_000;
/** The air index is recomputed by the server; after new readings it is asked again at most this often. */
const AIR_REFRESH_MS = 30_000;
const FRESH_MS = 4000;

function LiveBadge({ status }: { readonly status: LiveStatus }) {
  const t = useMessages(iocMessages);
  const text =
    status === 'live' ? t.liveOn : status === 'reconnecting' ? t.liveReconnecting : t.liveConnecting;
  return (
    <Box role="status" aria-live="polite">
      <span className="visually-hidden">{`${t.liveStatusLabel}: `}</span>
      <Badge
        size="lg"
        tt="none"
        variant={status === 'live' ? 'filled' : 'light'}
        color={status === 'live' ? 'teal.9' : status === 'reconnecting' ? 'orange.9' : 'gray.7'}
        leftSection={
          <Box
            component="span"
            aria-hidden
            style={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: 4,
              background: 'currentColor',
            }}
          />
        }
        data-testid="live-status"
        data-status={status}
      >
        {text}
      </Badge>
    </Box>
  );
}

interface RecentReading extends LiveObservation {
  readonly name: string;
  readonly unit: string;
}

/**
 * The IOC wall (/ioc): a full-screen map with switchable layers (cameras by state, clustered; air
 * stations by VN_AQI band; water level and rain with their latest value; wifi; open incidents), the
 * key figures, a 24-hour chart of the selected station and the open incidents, all kept current by
 * the live feed (SSE). Anyone may look; staff see every camera and the incidents; operators
 * acknowledge incidents here.
 */
export function IocWallPage() {
  const t = useMessages(iocMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const grants = session.data?.user.grants ?? [];
  const signedIn = Boolean(session.data);
  const canRead = hasAnyRole(grants, staffRoles);
  const canAcknowledge = hasAnyRole(grants, operatorRoles);
  // Visitors and staff get different camera lists: the answer is cached per caller.
  const who = session.data?.user.id ?? 'anonymous';

  useEffect(() => {
    document.title = `${t.shortTitle} · citydx`;
  }, [t.shortTitle]);

  const [visible, setVisible] = useState<Record<LayerKey, boolean>>({
    cameras: true,
    air: true,
    water: true,
    rain: true,
    wifi: false,
    incidents: true,
  });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [live, setLive] = useState<ReadonlyMap<number, LiveObservation>>(new Map());
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [recent, setRecent] = useState<readonly LiveObservation[]>([]);
  const [statusOverrides, setStatusOverrides] = useState<ReadonlyMap<string, DeviceStatus>>(new Map());
  const [view, setView] = useState<MapView | null>(null);

  const fleet = useQuery({ queryKey: ['ioc', 'fleet'], queryFn: fetchFleet, refetchInterval: MINUTE });
  const air = useQuery({ queryKey: ['ioc', 'air'], queryFn: fetchAirQuality, refetchInterval: 5 * MINUTE });
  const water = useQuery({
    queryKey: ['ioc', 'gauges', 'waterLevel'],
    queryFn: () => fetchGauges('waterLevel'),
  });
  const rain = useQuery({
    queryKey: ['ioc', 'gauges', 'precipitation'],
    queryFn: () => fetchGauges('precipitation'),
  });
  const feedback = useQuery({
    queryKey: ['ioc', 'feedback'],
    queryFn: fetchFeedbackToday,
    refetchInterval: 5 * MINUTE,
  });
  const datasets = useQuery({
    queryKey: ['ioc', 'opendata'],
    queryFn: fetchOpenDataStats,
    refetchInterval: 30 * MINUTE,
  });
  const cameras = useQuery({
    queryKey: ['ioc', 'camera-clusters', who, view],
    queryFn: () => fetchCameraClusters(view as MapView),
    enabled: visible.cameras && !session.isPending && view !== null,
    // Panning keeps the clusters shown until the new view's arrive.
    placeholderData: keepPreviousData,
    staleTime: MINUTE,
  });
  const wifi = useQuery({
    queryKey: ['ioc', 'devices', 'wifi_access_point', who],
    queryFn: () => fetchDeviceFeatures('wifi_access_point'),
    enabled: visible.wifi && !session.isPending,
    staleTime: 10 * MINUTE,
  });
  const incidentList = useQuery({
    queryKey: [...incidentsKey, 'wall'],
    queryFn: () => listIncidents({ status: ['open', 'acknowledged'], limit: 50, offset: 0 }),
    enabled: canRead,
    refetchInterval: MINUTE,
  });
  const incidentMap = useQuery({
    queryKey: ['ioc', 'incidents-map', who],
    queryFn: fetchIncidentFeatures,
    enabled: canRead && visible.incidents,
    refetchInterval: MINUTE,
  });

  // Which datastream is what, to name live readings and to know when the air index is stale.
  const streams = useMemo(() => {
    const index = new Map<number, { name: string; unit: string; air: boolean }>();
    for (const station of air.data ?? [])
      for (const [key, pollutant] of Object.entries(station.pollutants))
        if (pollutant.datastreamId !== null)
          index.set(pollutant.datastreamId, {
            name: `${t[key as 'pm25'] ?? key} – ${station.name}`,
            unit: 'µg/m³',
            air: true,
          });
    for (const gauge of [...(water.data ?? []), ...(rain.data ?? [])])
      index.set(gauge.datastreamId, { name: gauge.name, unit: gauge.unit?.symbol ?? '', air: false });
    return index;
  }, [air.data, water.data, rain.data, t]);

  const lastAirRefresh = useRef(0);
  const freshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(freshTimer.current), []);

  const onObservations = useCallback(
    (values: readonly LiveObservation[]) => {
      setLive((previous) => {
        const next = new Map(previous);
        for (const value of values) next.set(value.datastreamId, value);
        return next;
      });
      const known = values.filter((value) => streams.has(value.datastreamId));
      if (known.length > 0) setRecent((previous) => [...known, ...previous].slice(0, 6));
      setFresh(new Set(values.map((value) => value.datastreamId)));
      clearTimeout(freshTimer.current);
      freshTimer.current = setTimeout(() => setFresh(new Set()), FRESH_MS);
      if (values.some((value) => streams.get(value.datastreamId)?.air)) {
        const now = Date.now();
        if (now - lastAirRefresh.current > AIR_REFRESH_MS) {
          lastAirRefresh.current = now;
          void client.invalidateQueries({ queryKey: ['ioc', 'air'] });
        }
      }
      for (const value of values)
        void client.invalidateQueries({ queryKey: ['ioc', 'series', value.datastreamId] });
    },
    [client, streams],
  );

  const onEvent = useCallback(
    (kind: string, payload: unknown) => {
      if (kind.startsWith('sensors.alert.') || kind === 'sensors.incident.updated') {
        void client.invalidateQueries({ queryKey: incidentsKey });
        void client.invalidateQueries({ queryKey: ['ioc', 'incidents-map'] });
        return;
      }
      const change = payload as { deviceId?: string; to?: DeviceStatus } | null;
      if (change?.deviceId && change.to) {
        const { deviceId, to } = change;
        setStatusOverrides((previous) => new Map(previous).set(deviceId, to));
        void client.invalidateQueries({ queryKey: ['ioc', 'fleet'] });
        // A cluster's online and offline counts are the server's: ask again.
        void client.invalidateQueries({ queryKey: ['ioc', 'camera-clusters'] });
      }
    },
    [client],
  );

  const onReconnected = useCallback(() => {
    // Whatever happened while the stream was down was missed: ask again.
    void client.invalidateQueries({ queryKey: ['ioc'] });
    void client.invalidateQueries({ queryKey: incidentsKey });
  }, [client]);

  const liveStatus = useLiveFeed({ onObservations, onEvent, onReconnected });

  // Cameras: the server's clusters, and the lone cameras with the live status changes applied.
  const cameraFeatures = useMemo(
    () => new Map((cameras.data?.singles ?? []).map((feature) => [feature.id, feature])),
    [cameras.data],
  );

  const cameraLayer = useMemo<CameraLayer | null>(() => {
    if (!visible.cameras || !cameras.data) return null;
    const points: MapPoint[] = [];
    for (const feature of cameraFeatures.values()) {
      const status = statusOverrides.get(feature.id) ?? feature.properties.status;
      const [lon, lat] = feature.geometry.coordinates;
      points.push({ id: feature.id, lat, lon, online: status === 'online', offline: status === 'offline' });
    }
    const clusters: Cluster[] = cameras.data.clusters.map((feature) => ({
      id: feature.id,
      lon: feature.geometry.coordinates[0],
      lat: feature.geometry.coordinates[1],
      ...feature.properties,
    }));
    return {
      clusters,
      points,
      popup: (id) => {
        const feature = cameraFeatures.get(id);
        if (!feature) return '';
        const status = statusOverrides.get(id) ?? feature.properties.status;
        return devicePopup({ ...feature, properties: { ...feature.properties, status } }, t, locale);
      },
      clusterTitle: (cluster: Cluster) =>
        fill(t.clusterTitle, { count: cluster.count, online: cluster.online, offline: cluster.offline }),
    };
  }, [visible.cameras, cameras.data, cameraFeatures, statusOverrides, t, locale]);

  const ctx = useMemo<MarkerContext>(
    () => ({ t, locale, selection, onSelect: setSelection }),
    [t, locale, selection],
  );
  const airLayer = useMemo(
    () => (visible.air && air.data ? airMarkers(air.data, ctx) : null),
    [visible.air, air.data, ctx],
  );
  const waterLayer = useMemo(
    () => (visible.water && water.data ? gaugeMarkers('water', water.data, live, fresh, ctx) : null),
    [visible.water, water.data, live, fresh, ctx],
  );
  const rainLayer = useMemo(
    () => (visible.rain && rain.data ? gaugeMarkers('rain', rain.data, live, fresh, ctx) : null),
    [visible.rain, rain.data, live, fresh, ctx],
  );
  const wifiLayer = useMemo(
    () => (visible.wifi && wifi.data ? wifiMarkers(wifi.data, ctx) : null),
    [visible.wifi, wifi.data, ctx],
  );
  const incidentLayer = useMemo(
    () => (visible.incidents && canRead && incidentMap.data ? incidentMarkers(incidentMap.data, ctx) : null),
    [visible.incidents, canRead, incidentMap.data, ctx],
  );
  const markers = useMemo(
    () => ({ air: airLayer, water: waterLayer, rain: rainLayer, wifi: wifiLayer, incidents: incidentLayer }),
    [airLayer, waterLayer, rainLayer, wifiLayer, incidentLayer],
  );

  const layerStates: Record<LayerKey, LayerState> = {
    cameras: {
      count: cameras.data?.total ?? null,
      loading: cameras.isPending,
      failed: cameras.isError,
      available: true,
    },
    air: { count: air.data?.length ?? null, loading: air.isPending, failed: air.isError, available: true },
    water: {
      count: water.data?.length ?? null,
      loading: water.isPending,
      failed: water.isError,
      available: true,
    },
    rain: {
      count: rain.data?.length ?? null,
      loading: rain.isPending,
      failed: rain.isError,
      available: true,
    },
    wifi: {
      count: wifi.data?.length ?? null,
      loading: wifi.isPending,
      failed: wifi.isError,
      available: true,
    },
    incidents: {
      count: incidentMap.data?.length ?? null,
      loading: incidentMap.isPending,
      failed: incidentMap.isError,
      available: canRead,
    },
  };

  const hasSample =
    [...(water.data ?? []), ...(rain.data ?? [])].some((gauge) => gauge.isSample) ||
    [...cameraFeatures.values()].some((feature) => feature.properties.isSample) ||
    (incidentList.data?.items.some((incident) => incident.isSample) ?? false);

  return (
    <Box style={{ minHeight: '100dvh', display: 'flex', flexDirection: 'column' }} bg="gray.0">
      <SkipLink />
      <Box
        component="header"
        px="md"
        py={6}
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Brand compact />
            <Title order={1} size="h3" style={{ minWidth: 0 }}>
              {t.title}
            </Title>
          </Group>
          <Group gap="xs">
            <LiveBadge status={liveStatus} />
            <Anchor component={Link} to="/" size="sm">
              {t.portal}
            </Anchor>
            {signedIn ? (
              <Anchor component={Link} to="/console" size="sm">
                {t.console}
              </Anchor>
            ) : (
              <Anchor component={Link} to="/console/login" state={{ from: '/ioc' }} size="sm">
                {t.signIn}
              </Anchor>
            )}
            <LanguageSwitch />
          </Group>
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} p="sm" className="ioc-main">
        {hasSample && (
          <Alert variant="light" color="orange" py={6} data-testid="sample-notice">
            <Text size="sm">{t.sampleNotice}</Text>
          </Alert>
        )}
        <KpiTiles
          fleet={fleet}
          air={air}
          incidents={incidentList}
          feedback={feedback}
          datasets={datasets}
          canSeeIncidents={canRead}
        />
        <div className="ioc-body">
          <div className="ioc-map-cell">
            <IocMap label={t.mapLabel} cameras={cameraLayer} markers={markers} onViewChange={setView} />
          </div>
          <Stack className="ioc-panel" gap="sm" component="aside" aria-label={t.panelLabel}>
            <LayerPanel
              visible={visible}
              states={layerStates}
              onToggle={(key, on) => setVisible((previous) => ({ ...previous, [key]: on }))}
              camerasPublicOnly={!canRead}
            />
            <Divider />
            <IncidentPanel
              access={!signedIn ? 'anonymous' : canRead ? 'reader' : 'forbidden'}
              incidents={incidentList}
              canAcknowledge={canAcknowledge}
            />
            <Divider />
            <SensorPanel
              air={air.data ?? []}
              water={water.data ?? []}
              rain={rain.data ?? []}
              selection={selection}
              onSelect={setSelection}
            />
            <Divider />
            <RecentReadings recent={recent} streams={streams} />
          </Stack>
        </div>
      </Box>
    </Box>
  );
}

function RecentReadings({
  recent,
  streams,
}: {
  readonly recent: readonly LiveObservation[];
  readonly streams: ReadonlyMap<number, { name: string; unit: string }>;
}) {
  const t = useMessages(iocMessages);
  const { locale } = useLocale();
  const readings: RecentReading[] = recent.map((value) => ({
    ...value,
    name: streams.get(value.datastreamId)?.name ?? `#${value.datastreamId}`,
    unit: streams.get(value.datastreamId)?.unit ?? '',
  }));
  return (
    <Stack gap={4} component="section" aria-labelledby="ioc-recent-title">
      <Title order={2} size="h4" id="ioc-recent-title">
        {t.recentTitle}
      </Title>
      {readings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.recentEmpty}
        </Text>
      ) : (
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }} data-testid="recent-readings">
          {readings.map((reading) => (
            <Text component="li" size="sm" key={`${reading.datastreamId}-${reading.observationId}`}>
              <strong>{`${formatResult(reading.result, locale)} ${reading.unit}`.trim()}</strong> ·{' '}
              {reading.name} · {formatDateTime(reading.phenomenonTime)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
