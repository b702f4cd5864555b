import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { Device } from './device.model';
import { deviceConditions, deviceOf, type DeviceQuery, type Visibility } from './devices.repo';
import type { DeviceTables } from './devices.tables';

/** Devices sharing one grid cell of the map, summed up. */
export interface DeviceCluster {
  /** `<zoom>/<column>/<row>` of the cell: stable while the map pans at one zoom. */
  readonly cell: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly count: number;
  readonly online: number;
  readonly offline: number;
}

export interface ClusteredDevices {
  /** Every device of the query the caller may see, in view or not (the layer's count). */
  readonly total: number;
  readonly clusters: DeviceCluster[];
  /** Devices alone in their cell, whole (the map shows them as points with a popup). */
  readonly singles: Device[];
}

export type ClusterQuery = Omit<DeviceQuery, 'limit' | 'offset' | 'bbox'> & {
  readonly bbox: readonly [number, number, number, number];
};

/** A cell's side on screen, in pixels: about a cluster marker and its margin. */
export const CLUSTER_CELL_PX = 56;
/** From this zoom on every device is its own point (a street's worth of map is in view). */
export const NO_CLUSTER_ZOOM = 17;
/** At most this many devices alone in their cells are sent whole; past it they stay counted in cells. */
const MAX_SINGLES = 5000;

/**
 * Clusters the devices in `bbox` on a square grid in Web Mercator pixels at `zoom` (the grid a Leaflet
 * or OpenLayers map draws at that zoom), in the database: the wall receives a few hundred cells, not
 * 36,500 cameras. Cells are counted from the world's top-left corner, so a cell keeps its identity
 * and members when the map pans. Plain arithmetic: the same SQL runs on PGlite, no PostGIS needed.
 */
export async function clusterDevices(
  db: Db,
  query: ClusterQuery,
  visibility: Visibility,
  zoom: number,
): Promise<ClusteredDevices> {
  // Cells per world side at this zoom: the world is 256 · 2^zoom pixels wide.
  const cellsPerSide = zoom >= NO_CLUSTER_ZOOM ? null : (256 * 2 ** zoom) / CLUSTER_CELL_PX;
  const tables = db.withTables<DeviceTables>();
  const { bbox, ...everywhere } = query;
  const counted = await tables
    .selectFrom('sensors.devices')
    .select(sql<number>`count(*)::int`.as('total'))
    .where('latitude', 'is not', null)
    .where((eb) => deviceConditions(eb, everywhere, visibility))
    .executeTakeFirstOrThrow();
  if (cellsPerSide === null) {
    const rows = await tables
      .selectFrom('sensors.devices')
      .selectAll()
      .where('latitude', 'is not', null)
      .where((eb) => deviceConditions(eb, { ...everywhere, bbox }, visibility))
      .orderBy('id')
      .limit(MAX_SINGLES)
      .execute();
    return { total: counted.total, clusters: [], singles: rows.map(deviceOf) };
  }

  const column = sql<number>`floor((longitude + 180) / 360 * ${cellsPerSide}::float8)`;
  const row = sql<number>`floor((1 - ln(tan(radians(latitude)) + 1 / cos(radians(latitude))) / pi()) / 2
    * ${cellsPerSide}::float8)`;
  const cells = await tables
    .selectFrom('sensors.devices')
    .select([
      column.as('cell_x'),
      row.as('cell_y'),
      sql<number>`count(*)::int`.as('count'),
      sql<number>`count(*) filter (where status = 'online')::int`.as('online'),
      sql<number>`count(*) filter (where status = 'offline')::int`.as('offline'),
      sql<number>`avg(latitude)`.as('latitude'),
      sql<number>`avg(longitude)`.as('longitude'),
      // Meaningful only when the cell holds one device (uuid has no min(): compare as text).
      sql<string>`min(id::text)`.as('only_id'),
    ])
    .where('latitude', 'is not', null)
    .where((eb) => deviceConditions(eb, { ...everywhere, bbox }, visibility))
    .groupBy(['cell_x', 'cell_y'])
    .execute();

  const loneIds = cells.filter((cell) => cell.count === 1).map((cell) => cell.only_id);
  const shownAlone = new Set(loneIds.slice(0, MAX_SINGLES));
  const singles =
    shownAlone.size === 0
      ? []
      : (
          await tables
            .selectFrom('sensors.devices')
            .selectAll()
            .where('id', 'in', [...shownAlone])
            .orderBy('id')
            .execute()
        ).map(deviceOf);
  const clusters = cells
    .filter((cell) => cell.count > 1 || !shownAlone.has(cell.only_id))
    .map((cell) => ({
      cell: `${zoom}/${cell.cell_x}/${cell.cell_y}`,
      latitude: Number(cell.latitude),
      longitude: Number(cell.longitude),
      count: cell.count,
      online: cell.online,
      offline: cell.offline,
    }));
  return { total: counted.total, clusters, singles };
}
