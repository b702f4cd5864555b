import { toNumber } from '../../lib/chart-scale';
import type { DatastoreField, DatastoreRecord } from './datastore.api';

/** A column name without case, Vietnamese accents or separators: "Vĩ độ" → "vido". */
export function columnKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const latitudeNames = new Set(['lat', 'latitude', 'vido', 'toadoy', 'y']);
const longitudeNames = new Set(['lon', 'lng', 'long', 'longitude', 'kinhdo', 'toadox', 'x']);

export interface CoordinateColumns {
  readonly latitude: string;
  readonly longitude: string;
}

/** The latitude and longitude columns, when the names say so (lat/lon, vi_do/kinh_do, "Vĩ độ"…). */
export function findCoordinateColumns(fields: readonly DatastoreField[]): CoordinateColumns | null {
  const latitude = fields.find((field) => latitudeNames.has(columnKey(field.id)));
  const longitude = fields.find((field) => longitudeNames.has(columnKey(field.id)));
  return latitude && longitude ? { latitude: latitude.id, longitude: longitude.id } : null;
}

export interface MapPoint {
  readonly latitude: number;
  readonly longitude: number;
  readonly label: string;
}

/** Rows with coordinates on Earth, labelled by their first text column that is not a coordinate. */
export function pointsOf(
  records: readonly DatastoreRecord[],
  fields: readonly DatastoreField[],
  columns: CoordinateColumns,
): MapPoint[] {
  const labelField = fields.find(
    (field) => field.type === 'text' && field.id !== columns.latitude && field.id !== columns.longitude,
  );
  const points: MapPoint[] = [];
  for (const record of records) {
    const latitude = toNumber(record[columns.latitude]);
    const longitude = toNumber(record[columns.longitude]);
    if (latitude === null || longitude === null) continue;
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) continue;
    const label = labelField ? String(record[labelField.id] ?? '') : `${latitude}, ${longitude}`;
    points.push({ latitude, longitude, label });
  }
  return points;
}
