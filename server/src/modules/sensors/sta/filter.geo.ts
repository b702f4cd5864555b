import { sql } from 'kysely';
import type { GeometryLiteral } from './filter.ast';
import type { Compiled, Sql } from './filter.compiled';
import { defined } from '../defined';

const EARTH_RADIUS_METRES = 6_371_008.8;

type Point = Extract<Compiled, { type: 'point' }>;
type Polygon = Extract<Compiled, { type: 'polygon' }>;

export function geometryLiteral(value: GeometryLiteral): Point | Polygon {
  if (value.type === 'Point') {
    const [longitude, latitude] = value.coordinates;
    return { type: 'point', latitude: sql`${latitude}::float8`, longitude: sql`${longitude}::float8` };
  }
  return { type: 'polygon', ring: value.coordinates };
}

/** Great-circle distance in metres (haversine): no PostGIS needed, same result on PGlite. */
export function distanceMetres(a: Point, b: Point): Sql {
  return sql`(${EARTH_RADIUS_METRES}::float8 * 2 * asin(sqrt(
    power(sin(radians(${b.latitude} - ${a.latitude}) / 2), 2)
    + cos(radians(${a.latitude})) * cos(radians(${b.latitude}))
      * power(sin(radians(${b.longitude} - ${a.longitude}) / 2), 2))))`;
}

/**
 * Point in polygon by ray casting: a point is inside when a ray from it crosses the ring an odd number
 * of times. Each edge becomes a CASE with its constants as parameters; a bounding box test goes first.
 */
export function pointInPolygon(point: Point, polygon: Polygon): Sql {
  const { ring } = polygon;
  const longitudes = ring.map(([longitude]) => longitude);
  const latitudes = ring.map(([, latitude]) => latitude);
  const crossings: Sql[] = [];
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [x1, y1] = defined(ring[index], 'polygon position');
    const [x2, y2] = defined(ring[index + 1], 'polygon position');
    if (y1 === y2) continue;
    const slope = (x2 - x1) / (y2 - y1);
    crossings.push(sql`(case when (${point.latitude} > ${y1}::float8) <> (${point.latitude} > ${y2}::float8)
      and ${point.longitude} < ${slope}::float8 * (${point.latitude} - ${y1}::float8) + ${x1}::float8
      then 1 else 0 end)`);
  }
  if (crossings.length === 0) return sql`false`;
  return sql`(${point.latitude} between ${Math.min(...latitudes)}::float8 and ${Math.max(...latitudes)}::float8
    and ${point.longitude} between ${Math.min(...longitudes)}::float8 and ${Math.max(...longitudes)}::float8
    and (${sql.join(crossings, sql` + `)}) % 2 = 1)`;
}

export function samePoint(a: Point, b: Point): Sql {
  return sql`(${a.latitude} = ${b.latitude} and ${a.longitude} = ${b.longitude})`;
}
