import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { DeviceType } from './device.model';

export interface FleetCount {
  readonly total: number;
  readonly online: number;
  readonly offline: number;
  readonly unknown: number;
}

export interface FleetByType extends FleetCount {
  readonly type: DeviceType;
}

export interface FleetByUnit extends FleetCount {
  readonly adminUnitCode: string | null;
}

interface CountRow {
  key: string | null;
  total: number;
  online: number;
  offline: number;
  unknown: number;
}

/** Aggregates for the fleet views: one grouped scan, no per-device rows leave the database. */
export class FleetRepo {
  constructor(private readonly db: Db) {}

  byType(type?: DeviceType): Promise<FleetByType[]> {
    return this.#grouped(sql`type`, type).then((rows) =>
      rows.map(({ key, ...count }) => ({ type: key as DeviceType, ...count })),
    );
  }

  byAdminUnit(type?: DeviceType): Promise<FleetByUnit[]> {
    return this.#grouped(sql`admin_unit_code`, type).then((rows) =>
      rows.map(({ key, ...count }) => ({ adminUnitCode: key, ...count })),
    );
  }

  async #grouped(column: ReturnType<typeof sql>, type: DeviceType | undefined): Promise<CountRow[]> {
    const result = await sql<CountRow>`
      select ${column} as key,
        count(*) as total,
        count(*) filter (where status = 'online') as online,
        count(*) filter (where status = 'offline') as offline,
        count(*) filter (where status = 'unknown') as unknown
      from sensors.devices
      ${type ? sql`where type = ${type}` : sql``}
      group by 1
      order by 1`.execute(this.db);
    return result.rows.map((row) => ({
      key: row.key,
      total: Number(row.total),
      online: Number(row.online),
      offline: Number(row.offline),
      unknown: Number(row.unknown),
    }));
  }
}

/** Online share of the devices whose status is known (null when none is); one decimal. */
export function onlinePercent(count: FleetCount): number | null {
  const known = count.online + count.offline;
  return known === 0 ? null : Math.round((count.online / known) * 1000) / 10;
}
