import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfCentroid from '@turf/centroid';
import turfDistance from '@turf/distance';
import type { MultiPolygon as TurfMultiPolygon, Polygon as TurfPolygon } from 'geojson';
/**
 * GeoJSON (RFC 7946) types and helpers. Positions are [longitude, latitude] in WGS 84, the reverse
 * of the (lat, lon) order used everywhere else in citydx; keep the swap inside this file.
 */

export type Position = readonly [lon: number, lat: number];

export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: Position;
}

export interface PolygonGeometry {
  readonly type: 'Polygon';
  /** The outer ring first, then holes; each ring closed (first position repeated last). */
  readonly coordinates: readonly (readonly Position[])[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly (readonly Position[])[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type Geometry = PointGeometry | AreaGeometry;

export interface Feature<G extends Geometry = Geometry, P = Record<string, unknown>> {
  readonly type: 'Feature';
  readonly id?: string | number;
  readonly geometry: G;
  readonly properties: P;
}

export interface FeatureCollection<G extends Geometry = Geometry, P = Record<string, unknown>> {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature<G, P>[];
}

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export function isValidLatLon(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

export function pointFeature<P>(position: LatLon, properties: P, id?: string): Feature<PointGeometry, P> {
  return {
    type: 'Feature',
    ...(id === undefined ? {} : { id }),
    geometry: { type: 'Point', coordinates: [position.lon, position.lat] },
    properties,
  };
}

/** Whether the point lies inside the polygon (holes excluded), by @turf/boolean-point-in-polygon. */
export function geometryContains(geometry: AreaGeometry, point: LatLon): boolean {
  return booleanPointInPolygon([point.lon, point.lat], geometry as unknown as TurfPolygon | TurfMultiPolygon);
}

/**
 * The centroid of a polygon by @turf/centroid (mean of its vertices). It can fall outside a concave
 * shape; it is a label point and a nearest-centroid anchor, not a containment test.
 */
export function centroidOf(geometry: AreaGeometry): LatLon | null {
  const [lon, lat] = turfCentroid(geometry as unknown as TurfPolygon | TurfMultiPolygon).geometry.coordinates;
  return lon === undefined || lat === undefined ? null : { lat, lon };
}

/** Whether a value parsed from JSON is a Polygon or MultiPolygon with numeric [lon, lat] positions. */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const isPosition = (p: unknown) =>
    Array.isArray(p) &&
    p.length >= 2 &&
    isValidLatLon(Number(p[1]), Number(p[0])) &&
    typeof p[0] === 'number';
  const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
  const isPolygon = (rings: unknown) => Array.isArray(rings) && rings.length >= 1 && rings.every(isRing);
  if (type === 'Polygon') return isPolygon(coordinates);
  if (type === 'MultiPolygon')
    return Array.isArray(coordinates) && coordinates.length >= 1 && coordinates.every(isPolygon);
  return false;
}

/** Great-circle distance in metres, by @turf/distance. */
export function distanceMetres(a: LatLon, b: LatLon): number {
  return turfDistance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
}

/** What the presenter needs from an administrative unit (AdminUnit satisfies it). */
export interface UnitWithCentroid {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly level: string;
  readonly parentCode: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly centroid: LatLon | null;
}

export interface UnitFeatureProperties {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly level: string;
  readonly parentCode: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** Units with a centroid as Point features (units without one are left out: no invented positions). */
export function unitsToFeatureCollection(
  units: readonly UnitWithCentroid[],
): FeatureCollection<PointGeometry, UnitFeatureProperties> {
  const features: Feature<PointGeometry, UnitFeatureProperties>[] = [];
  for (const unit of units) {
    if (!unit.centroid) continue;
    features.push(
      pointFeature(
        unit.centroid,
        {
          code: unit.code,
          nameVi: unit.nameVi,
          nameEn: unit.nameEn,
          level: unit.level,
          parentCode: unit.parentCode,
          validFrom: unit.validFrom,
          validTo: unit.validTo,
        },
        unit.code,
      ),
    );
  }
  return { type: 'FeatureCollection', features };
}
