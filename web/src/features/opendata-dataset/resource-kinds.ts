import type { CkanResource } from '../opendata/opendata.types';

/** Files the map can draw directly, without the DataStore. */
export function isGeoJson(resource: Pick<CkanResource, 'format' | 'mimetype'>): boolean {
  return resource.format.toUpperCase() === 'GEOJSON' || resource.mimetype === 'application/geo+json';
}

const tabularFormats = new Set(['CSV', 'TSV', 'XLSX', 'XLS', 'JSON']);

/** A file the DataStore would load: a table in CSV, TSV, XLSX or JSON. */
export function isTabular(resource: Pick<CkanResource, 'format'>): boolean {
  return tabularFormats.has(resource.format.toUpperCase());
}

/** What the page can show for a file: its DataStore table, a GeoJSON map, or nothing (download only). */
export function canPreview(resource: CkanResource): boolean {
  return resource.datastore_active || isGeoJson(resource);
}

export function resourceTitle(resource: Pick<CkanResource, 'name' | 'url' | 'id'>): string {
  return resource.name || resource.url.split('/').pop() || resource.id;
}

/** "1,2 MB" in the page's language. */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}
