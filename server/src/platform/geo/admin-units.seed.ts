import fs from 'node:fs/promises';
import { adminUnitLevels, isIsoDate, type AdminUnitLevel, type AdminUnitSeed } from './admin-unit';
import { isAreaGeometry, isValidLatLon } from './geojson';

/**
 * The shipped administrative units of Đà Nẵng: the district/ward structure before 1 July 2025 and the
 * two-tier structure from that day. Every fact is sourced in docs/data-sources/admin-units-and-agencies.md.
 */
export const adminUnitSeedFile = new URL('./data/admin-units.json', import.meta.url);

class SeedError extends Error {
  override name = 'AdminUnitSeedError';
}

function text(row: Record<string, unknown>, key: string, index: number, nullable = false): string | null {
  const value = row[key];
  if (value === null && nullable) return null;
  if (typeof value !== 'string' || value.trim() === '')
    throw new SeedError(`row ${index}: ${key} must be a non-empty string`);
  return value;
}

function parseRow(value: unknown, index: number): AdminUnitSeed {
  if (typeof value !== 'object' || value === null) throw new SeedError(`row ${index}: not an object`);
  const row = value as Record<string, unknown>;
  const level = text(row, 'level', index) as AdminUnitLevel;
  if (!adminUnitLevels.includes(level)) throw new SeedError(`row ${index}: unknown level ${level}`);
  const validFrom = text(row, 'valid_from', index) as string;
  const validTo = text(row, 'valid_to', index, true);
  if (!isIsoDate(validFrom) || (validTo !== null && !isIsoDate(validTo)))
    throw new SeedError(`row ${index}: dates must be YYYY-MM-DD`);
  if (validTo !== null && validTo < validFrom)
    throw new SeedError(`row ${index}: valid_to is before valid_from`);
  const centroid = row.centroid ?? null;
  if (centroid !== null) {
    const { lat, lon } = centroid as { lat?: unknown; lon?: unknown };
    if (typeof lat !== 'number' || typeof lon !== 'number' || !isValidLatLon(lat, lon)) {
      throw new SeedError(`row ${index}: centroid must be { lat, lon } in range or null`);
    }
  }
  const geometry = row.geometry ?? null;
  if (geometry !== null && !isAreaGeometry(geometry))
    throw new SeedError(`row ${index}: geometry must be a GeoJSON Polygon or MultiPolygon`);
  const nameEn = row.name_en === undefined ? null : text(row, 'name_en', index, true);
  return {
    code: text(row, 'code', index) as string,
    name_vi: (text(row, 'name_vi', index) as string).normalize('NFC'),
    name_en: nameEn,
    level,
    parent_code: text(row, 'parent_code', index, true),
    valid_from: validFrom,
    valid_to: validTo,
    centroid: centroid as AdminUnitSeed['centroid'],
    geometry,
    source: text(row, 'source', index) as string,
  };
}

/** Checks the shape of every row and that no code has two versions starting the same day. */
export function parseAdminUnitSeed(value: unknown): AdminUnitSeed[] {
  if (!Array.isArray(value)) throw new SeedError('the seed must be a JSON array');
  const units = value.map(parseRow);
  const keys = new Set<string>();
  for (const unit of units) {
    const key = `${unit.code}@${unit.valid_from}`;
    if (keys.has(key)) throw new SeedError(`duplicate unit ${key}`);
    keys.add(key);
  }
  return units;
}

export async function readAdminUnitSeed(file: URL | string = adminUnitSeedFile): Promise<AdminUnitSeed[]> {
  return parseAdminUnitSeed(JSON.parse(await fs.readFile(file, 'utf8')));
}
