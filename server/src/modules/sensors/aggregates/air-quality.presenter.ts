import type { Feature, FeatureCollection, PointGeometry } from '../../../platform/geo';
import type { StationAqi } from './air-quality.service';
import type { VnAqiBand } from './vn-aqi';

function presentBand(band: VnAqiBand | null) {
  return band ? { key: band.key, vi: band.vi, en: band.en, hex: band.hex, rgb: [...band.rgb] } : null;
}

/** One station's index as JSON: method, hour, band, and every pollutant's index (Bảng 3 asks for all). */
export function presentStationAqi(station: StationAqi) {
  return {
    thingId: station.thingId,
    name: station.name,
    location: station.location,
    method: 'VN_AQI (QĐ 1459/QĐ-TCMT)',
    hour: station.hour?.toISOString() ?? null,
    aqi: station.aqi,
    band: presentBand(station.band),
    dominant: station.dominant,
    pollutants: Object.fromEntries(
      Object.entries(station.pollutants).map(([pollutant, value]) => [
        pollutant,
        {
          index: Math.round(value.index),
          concentration: Math.round(value.concentration * 10) / 10,
          datastreamId: station.datastreams[pollutant as keyof StationAqi['datastreams']] ?? null,
        },
      ]),
    ),
  };
}

/** Stations with a location as GeoJSON points (RFC 7946), the band colour on each for the map. */
export function presentAqiGeojson(stations: readonly StationAqi[]): FeatureCollection<PointGeometry> {
  const features: Feature<PointGeometry>[] = stations.flatMap((station) => {
    if (!station.location) return [];
    const { location, ...properties } = presentStationAqi(station);
    return [
      {
        type: 'Feature' as const,
        id: station.thingId,
        geometry: { type: 'Point' as const, coordinates: [location?.lon ?? 0, location?.lat ?? 0] },
        properties: { ...properties, color: station.band?.hex ?? '#9e9e9e' },
      },
    ];
  });
  return { type: 'FeatureCollection', features };
}
