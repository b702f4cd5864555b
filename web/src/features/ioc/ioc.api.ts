import { api } from '../../lib/api';
import { dayBoundary, todayInCity } from '../../lib/format';
import type { AlertSeverity, DeviceStatus, DeviceType, IncidentStatus } from '../sensors-console/sensors.api';
import {
  sta,
  staString,
  type StaCollection,
  type StaDatastream,
  type StaUnit,
} from '../sensors-console/sta.api';

const SENSORS = '/api/v1/sensors';

export interface FleetCount {
  readonly total: number;
  readonly online: number;
  readonly offline: number;
  readonly unknown: number;
  readonly onlinePercent: number | null;
}

export interface FleetSummary {
  readonly total: FleetCount;
  readonly byType: (FleetCount & { readonly type: DeviceType })[];
}

export function fetchFleet(): Promise<FleetSummary> {
  return api(`${SENSORS}/fleet`);
}

export interface DeviceFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: {
    readonly type: DeviceType;
    readonly name: string;
    readonly status: DeviceStatus;
    readonly lastSeenAt: string | null;
    readonly adminUnitCode: string | null;
    readonly streamUrl: string | null;
    readonly isSample: boolean;
  };
}

interface FeatureCollection<F> {
  readonly type: 'FeatureCollection';
  readonly features: F[];
}

/** What the map shows: its bounds (minLon, minLat, maxLon, maxLat) and zoom. */
export interface MapView {
  readonly bbox: readonly [number, number, number, number];
  readonly zoom: number;
}

/** Cameras sharing a grid cell at the map's zoom (server: sensors/devices/device-clusters.repo.ts). */
export interface CameraClusterFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: {
    readonly cluster: true;
    readonly count: number;
    readonly online: number;
    readonly offline: number;
  };
}

export interface ClusteredCameras {
  /** Every camera the caller may see, in view or not. */
  readonly total: number;
  readonly clusters: CameraClusterFeature[];
  /** Cameras alone in their cell, whole. */
  readonly singles: DeviceFeature[];
}

/** The cameras in `view`, clustered by the server (anonymous callers: public cameras only). */
export async function fetchCameraClusters(view: MapView): Promise<ClusteredCameras> {
  const collection = await api<
    FeatureCollection<CameraClusterFeature | DeviceFeature> & { readonly total: number }
  >(`${SENSORS}/devices/clusters.geojson`, {
    query: { type: 'camera', zoom: view.zoom, bbox: view.bbox.map((edge) => edge.toFixed(5)).join(',') },
  });
  const clusters: CameraClusterFeature[] = [];
  const singles: DeviceFeature[] = [];
  for (const feature of collection.features)
    if ('cluster' in feature.properties) clusters.push(feature as CameraClusterFeature);
    else singles.push(feature as DeviceFeature);
  return { total: collection.total, clusters, singles };
}

/** Mapped devices of one type (anonymous callers get public cameras only; the server decides). */
export async function fetchDeviceFeatures(type: DeviceType): Promise<DeviceFeature[]> {
  const collection = await api<FeatureCollection<DeviceFeature>>(`${SENSORS}/devices.geojson`, {
    query: { type, limit: 50_000 },
  });
  return collection.features;
}

export interface AqiBand {
  readonly key: string;
  readonly vi: string;
  readonly en: string;
  readonly hex: string;
}

export interface StationAqi {
  readonly thingId: number;
  readonly name: string;
  readonly hour: string | null;
  readonly aqi: number | null;
  readonly band: AqiBand | null;
  readonly dominant: string | null;
  readonly pollutants: Record<string, { index: number; concentration: number; datastreamId: number | null }>;
  readonly location: { readonly lat: number; readonly lon: number } | null;
}

export function fetchAirQuality(): Promise<StationAqi[]> {
  return api(`${SENSORS}/air-quality`);
}

/**
 * VN_AQI bands (QĐ 1459/QĐ-TCMT, Bảng 1) to colour the city figure, which the API does not compute:
 * the same colours the server answers per station.
 */
export const aqiBands: readonly (AqiBand & { readonly max: number })[] = [
  { key: 'good', max: 50, vi: 'Tốt', en: 'Good', hex: '#00e400' },
  { key: 'moderate', max: 100, vi: 'Trung bình', en: 'Moderate', hex: '#ffff00' },
  { key: 'poor', max: 150, vi: 'Kém', en: 'Poor', hex: '#ff7e00' },
  { key: 'bad', max: 200, vi: 'Xấu', en: 'Bad', hex: '#ff0000' },
  { key: 'very_bad', max: 300, vi: 'Rất xấu', en: 'Very bad', hex: '#8f3f97' },
  { key: 'hazardous', max: Infinity, vi: 'Nguy hại', en: 'Hazardous', hex: '#7e0023' },
];

export function aqiBandOf(aqi: number): AqiBand {
  const rounded = Math.max(0, Math.round(aqi));
  return aqiBands.find((band) => rounded <= band.max) ?? (aqiBands.at(-1) as AqiBand);
}

/** Black or white text, whichever reads better on a band colour. */
export function textOn(hex: string): string {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** A station measuring one quantity (water level, rain) with its newest value. */
export interface GaugeStation {
  readonly datastreamId: number;
  readonly thingId: number;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly unit: StaUnit | undefined;
  readonly isSample: boolean;
  readonly latest: { readonly result: unknown; readonly phenomenonTime: string } | null;
}

/** Datastreams of one ObservedProperty (Smart Data Models name) with their Thing's position and newest value. */
export async function fetchGauges(observedProperty: string): Promise<GaugeStation[]> {
  const page = await sta<StaCollection<StaDatastream>>('Datastreams', {
    query: {
      $filter: `ObservedProperty/name eq ${staString(observedProperty)}`,
      $select: 'id,name,unitOfMeasurement,properties',
      $expand:
        'Thing($select=id,name,properties;$expand=Locations($select=location)),' +
        'Observations($select=phenomenonTime,result;$orderby=phenomenonTime desc;$top=1)',
      $top: 1000,
    },
  });
  return page.value.flatMap((stream) => {
    const coordinates = stream.Thing?.Locations?.[0]?.location.coordinates;
    if (!Array.isArray(coordinates)) return [];
    const [lon, lat] = coordinates as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number') return [];
    const latest = stream.Observations?.[0];
    return [
      {
        datastreamId: stream['@iot.id'],
        thingId: stream.Thing?.['@iot.id'] ?? 0,
        name: stream.Thing?.name ?? stream.name,
        lat,
        lon,
        unit: stream.unitOfMeasurement,
        isSample: stream.Thing?.properties?.isSample === true || stream.properties?.isSample === true,
        latest: latest ? { result: latest.result, phenomenonTime: latest.phenomenonTime } : null,
      },
    ];
  });
}

export interface SeriesPoint {
  readonly time: string;
  readonly value: number;
}

/**
 * The last 24 hours of a datastream, hourly (the aggregates API); when that answers an error, the raw
 * observations through the STA ($filter on phenomenonTime, $orderby), so the chart still shows.
 */
export async function fetchDaySeries(
  datastreamId: number,
  fn: 'avg' | 'sum',
  now = new Date(),
): Promise<{ points: SeriesPoint[]; source: 'aggregates' | 'observations' }> {
  const from = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const to = now.toISOString();
  try {
    const result = await api<{ points: { start: string; value: number }[] }>(
      `${SENSORS}/datastreams/${datastreamId}/aggregate`,
      { query: { interval: '1h', fn, from, to } },
    );
    return {
      points: result.points.map((point) => ({ time: point.start, value: point.value })),
      source: 'aggregates',
    };
  } catch {
    const page = await sta<StaCollection<{ phenomenonTime: string; result: unknown }>>(
      `Datastreams(${datastreamId})/Observations`,
      {
        query: {
          $filter: `phenomenonTime ge ${from}`,
          $orderby: 'phenomenonTime asc',
          $select: 'phenomenonTime,result',
          $top: 2000,
        },
      },
    );
    return {
      points: page.value.flatMap((row) =>
        typeof row.result === 'number' ? [{ time: row.phenomenonTime, value: row.result }] : [],
      ),
      source: 'observations',
    };
  }
}

export interface IncidentFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: {
    readonly ruleName: string;
    readonly severity: AlertSeverity;
    readonly status: IncidentStatus;
    readonly subjectName: string;
    readonly datastreamId: number | null;
    readonly lastValue: unknown;
    readonly openedAt: string;
    readonly isSample: boolean;
  };
}

/** Unresolved incidents with a location (staff only). */
export async function fetchIncidentFeatures(): Promise<IncidentFeature[]> {
  const collection = await api<FeatureCollection<IncidentFeature>>(`${SENSORS}/incidents.geojson`);
  return collection.features;
}

export interface FeedbackFigures {
  readonly received: number;
  readonly open: number;
}

/** Reports received today (Vietnam time) and how many of them are still open (feedback 1022 board figures). */
export function fetchFeedbackToday(): Promise<FeedbackFigures> {
  return api('/api/v1/feedback/board/figures', {
    query: { from: dayBoundary(todayInCity(), 'start') },
  });
}

export function fetchOpenDataStats(): Promise<{ datasets: number }> {
  return api('/api/v1/opendata/stats');
}
