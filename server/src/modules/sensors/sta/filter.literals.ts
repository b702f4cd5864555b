import type { GeometryLiteral } from './filter.ast';
import { filterError } from './filter.lexer';

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** A bare OData datetime (or date) as an ISO instant in UTC; no offset means UTC. */
export function parseDatetime(text: string): string {
  const withZone = /T/.test(text)
    ? /(Z|[+-]\d{2}:?\d{2})$/.test(text)
      ? text
      : `${text}Z`
    : `${text}T00:00:00Z`;
  const millis = Date.parse(withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(millis)) throw filterError(`'${text}' is not a valid date or time`);
  return new Date(millis).toISOString();
}

/** An ISO 8601 duration as PostgreSQL reads it ('P1DT2H'). */
export function parseDuration(text: string): string {
  if (!DURATION.test(text)) throw filterError(`duration'${text}' is not an ISO 8601 duration`);
  return text;
}

function parsePosition(pair: string): [number, number] {
  const parts = pair.trim().split(/\s+/).map(Number);
  const [longitude, latitude] = parts;
  if (parts.length !== 2 || longitude === undefined || latitude === undefined || parts.some(Number.isNaN))
    throw filterError(`'${pair.trim()}' is not a 'longitude latitude' position`);
  return [longitude, latitude];
}

/** geography'POINT(lon lat)' or geography'POLYGON((lon lat, …))' (one ring; SRID=4326; is allowed). */
export function parseGeometry(wkt: string): GeometryLiteral {
  const text = wkt.replace(/^SRID=4326;/i, '').trim();
  const point = /^POINT\s*\(([^()]*)\)$/i.exec(text);
  if (point) return { type: 'Point', coordinates: parsePosition(point[1] ?? '') };
  const polygon = /^POLYGON\s*\(\s*\(([^()]*)\)\s*\)$/i.exec(text);
  if (polygon) {
    const ring = (polygon[1] ?? '').split(',').map(parsePosition);
    if (ring.length < 4) throw filterError('a POLYGON needs at least four positions (closed ring)');
    if (ring.length > 1000) throw filterError('a POLYGON may have at most 1000 positions');
    return { type: 'Polygon', coordinates: ring };
  }
  throw filterError(`geography'${wkt}' is not a POINT or a single-ring POLYGON in WKT`);
}
