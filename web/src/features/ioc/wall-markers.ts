import { formatDateTime } from '../../lib/format';
import { fill, pick, type Locale } from '../../lib/i18n';
import { formatResult } from '../sensors-console/sensors.api';
import {
  deviceStatusLabels,
  deviceTypeLabels,
  incidentStatusLabels,
  severityColors,
  severityLabels,
} from '../sensors-console/sensors-labels';
import type { DeviceFeature, GaugeStation, IncidentFeature, StationAqi } from './ioc.api';
import { textOn } from './ioc.api';
import type { IocMessages } from './ioc.i18n';
import { escapeHtml, type IconMarker, type MapMarker } from './IocMap';
import type { Selection } from './SensorPanel';
import type { LiveObservation } from './useLiveFeed';

export interface MarkerContext {
  readonly t: IocMessages;
  readonly locale: Locale;
  readonly selection: Selection | null;
  readonly onSelect: (selection: Selection) => void;
}

/** Text width of a value box, roughly (12 px bold). */
function boxSize(text: string): [number, number] {
  return [Math.max(28, Math.round(text.length * 7.5) + 18), 24];
}

export function airMarkers(stations: readonly StationAqi[], ctx: MarkerContext): MapMarker[] {
  return stations.flatMap((station): IconMarker[] => {
    if (!station.location) return [];
    const colour = station.band?.hex ?? '#868e96';
    const text = station.aqi === null ? '–' : String(station.aqi);
    const band = station.band ? pick(ctx.locale, { vi: station.band.vi, en: station.band.en }) : '';
    const selected = ctx.selection?.kind === 'air' && ctx.selection.thingId === station.thingId;
    const pollutant =
      (['pm25', 'pm10', 'o3', 'co', 'no2', 'so2'] as const).find(
        (key) => station.pollutants[key]?.datastreamId,
      ) ?? 'pm25';
    return [
      {
        kind: 'icon',
        id: `air-${station.thingId}`,
        lat: station.location.lat,
        lon: station.location.lon,
        label:
          station.aqi === null
            ? fill(ctx.t.airNoData, { name: station.name })
            : fill(ctx.t.airMarker, { name: station.name, aqi: station.aqi, band }),
        html: `<span style="background:${colour};color:${textOn(colour)}">${escapeHtml(text)}</span>`,
        className: `ioc-value ioc-value-air${selected ? ' ioc-value-selected' : ''}`,
        size: [40, 28],
        onSelect: () =>
          ctx.onSelect(
            ctx.selection?.kind === 'air' && ctx.selection.thingId === station.thingId
              ? ctx.selection
              : { kind: 'air', thingId: station.thingId, pollutant },
          ),
      },
    ];
  });
}

/** The newest of the value loaded with the station and the values the live feed brought since. */
export function latestOf(
  gauge: GaugeStation,
  live: ReadonlyMap<number, LiveObservation>,
): { result: unknown; phenomenonTime: string } | null {
  const fromFeed = live.get(gauge.datastreamId);
  if (fromFeed && (!gauge.latest || fromFeed.phenomenonTime >= gauge.latest.phenomenonTime)) return fromFeed;
  return gauge.latest;
}

export function gaugeMarkers(
  kind: 'water' | 'rain',
  gauges: readonly GaugeStation[],
  live: ReadonlyMap<number, LiveObservation>,
  fresh: ReadonlySet<number>,
  ctx: MarkerContext,
): MapMarker[] {
  return gauges.map((gauge): IconMarker => {
    const latest = latestOf(gauge, live);
    const unit = gauge.unit?.symbol ?? '';
    const value = latest ? `${formatResult(latest.result, ctx.locale)} ${unit}`.trim() : '–';
    const selected = ctx.selection?.kind === kind && ctx.selection.datastreamId === gauge.datastreamId;
    const classes = ['ioc-value', `ioc-value-${kind}`];
    if (selected) classes.push('ioc-value-selected');
    if (fresh.has(gauge.datastreamId)) classes.push('ioc-value-fresh');
    return {
      kind: 'icon',
      id: `${kind}-${gauge.datastreamId}`,
      lat: gauge.lat,
      lon: gauge.lon,
      label: latest
        ? `${fill(ctx.t.gaugeMarker, { name: gauge.name, value })} (${formatDateTime(latest.phenomenonTime)})`
        : fill(ctx.t.gaugeNoData, { name: gauge.name }),
      html: `<span data-datastream="${gauge.datastreamId}">${escapeHtml(value)}</span>`,
      className: classes.join(' '),
      size: boxSize(value),
      onSelect: () => ctx.onSelect({ kind, datastreamId: gauge.datastreamId }),
    };
  });
}

export function devicePopup(feature: DeviceFeature, t: IocMessages, locale: Locale): string {
  const p = feature.properties;
  const lines = [
    `<strong>${escapeHtml(p.name)}</strong>`,
    escapeHtml(deviceTypeLabels[locale][p.type]),
    escapeHtml(deviceStatusLabels[locale][p.status]),
  ];
  if (p.lastSeenAt) lines.push(escapeHtml(fill(t.lastSeen, { time: formatDateTime(p.lastSeenAt) })));
  if (p.streamUrl && /^https?:\/\//.test(p.streamUrl))
    lines.push(
      `<a href="${escapeHtml(p.streamUrl)}" target="_blank" rel="noopener noreferrer">${escapeHtml(p.streamUrl)}</a>`,
    );
  else if (p.streamUrl) lines.push(`<code>${escapeHtml(p.streamUrl)}</code>`);
  if (p.isSample) lines.push(`<em>${escapeHtml(t.samplePopup)}</em>`);
  return lines.join('<br>');
}

export function wifiMarkers(features: readonly DeviceFeature[], ctx: MarkerContext): MapMarker[] {
  return features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates;
    const online = feature.properties.status === 'online';
    return {
      kind: 'dot',
      id: feature.id,
      lat,
      lon,
      label: feature.properties.name,
      color: online ? '#7048e8' : feature.properties.status === 'offline' ? '#c92a2a' : '#495057',
      radius: 4,
      popup: devicePopup(feature, ctx.t, ctx.locale),
    };
  });
}

export function incidentMarkers(features: readonly IncidentFeature[], ctx: MarkerContext): MapMarker[] {
  return features.map((feature): IconMarker => {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const severity = severityLabels[ctx.locale][p.severity];
    const label = fill(ctx.t.incidentMarker, { severity, rule: p.ruleName, subject: p.subjectName });
    const popup = [
      `<strong>${escapeHtml(p.ruleName)}</strong>`,
      escapeHtml(p.subjectName),
      `${escapeHtml(severity)} · ${escapeHtml(incidentStatusLabels[ctx.locale][p.status])}`,
      escapeHtml(fill(ctx.t.openedAt, { time: formatDateTime(p.openedAt) })),
      p.lastValue === null || p.lastValue === undefined
        ? ''
        : escapeHtml(fill(ctx.t.lastValue, { value: formatResult(p.lastValue, ctx.locale) })),
      p.isSample ? `<em>${escapeHtml(ctx.t.samplePopup)}</em>` : '',
    ]
      .filter(Boolean)
      .join('<br>');
    return {
      kind: 'icon',
      id: `incident-${feature.id}`,
      lat,
      lon,
      label,
      html: `<span style="background:${severityColors[p.severity]}"><b aria-hidden="true">!</b></span>`,
      className: 'ioc-incident',
      size: [22, 22],
      popup,
    };
  });
}
