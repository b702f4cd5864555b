import { sql, type Generated, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../db/database';
import type { AdminUnit, AdminUnitLevel, AdminUnitSeed, IsoDate } from './admin-unit';
import type { AreaGeometry, LatLon } from './geojson';

export type AdminUnitTables = {
  'platform.admin_units': {
    id: Generated<string>;
    code: string;
    name_vi: string;
    name_en: string | null;
    level: AdminUnitLevel;
    parent_code: string | null;
    valid_from: string;
    valid_to: string | null;
    centroid_lat: number | null;
    centroid_lon: number | null;
    geometry: unknown;
    source: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};

export interface AdminUnitQuery {
  readonly at: IsoDate;
  readonly level?: AdminUnitLevel;
  readonly parentCode?: string;
  /** Searched in name_vi without diacritics (and đ = d), in name_en, and as a code prefix. */
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

type Executor = Kysely<unknown> | Transaction<unknown>;

// Columns for AdminUnit; the geometry itself is only read where it is needed (lookups).
const unitColumns = [
  'u.code',
  'u.name_vi',
  'u.name_en',
  'u.level',
  'u.parent_code',
  'u.valid_from',
  'u.valid_to',
  'u.centroid_lat',
  'u.centroid_lon',
  'u.source',
] as const;

interface UnitRecord {
  code: string;
  name_vi: string;
  name_en: string | null;
  level: AdminUnitLevel;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
  centroid_lat: number | null;
  centroid_lon: number | null;
  source: string | null;
  has_geometry: boolean;
}

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/** The only SQL over platform.admin_units. */
export class AdminUnitsRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Executor = this.db) {
    return executor.withTables<AdminUnitTables>();
  }

  /** Units valid on `at`: valid_from <= at and (valid_to is null or valid_to >= at). */
  #validAt(at: IsoDate, executor: Executor = this.db) {
    return this.#tables(executor)
      .selectFrom('platform.admin_units as u')
      .where('u.valid_from', '<=', at)
      .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', at)]));
  }

  #withUnitColumns(at: IsoDate, executor: Executor = this.db) {
    return this.#validAt(at, executor)
      .select(unitColumns)
      .select(sql<boolean>`u.geometry is not null`.as('has_geometry'));
  }

  async list(query: AdminUnitQuery): Promise<{ items: AdminUnit[]; total: number }> {
    let select = this.#validAt(query.at);
    if (query.level) select = select.where('u.level', '=', query.level);
    if (query.parentCode) select = select.where('u.parent_code', '=', query.parentCode);
    const q = query.q;
    if (q) {
      const pattern = `%${escapeLike(q)}%`;
      select = select.where((eb) =>
        eb.or([
          eb(sql`platform.search_key(u.name_vi)`, 'like', sql<string>`platform.search_key(${pattern})`),
          eb('u.name_en', 'ilike', pattern),
          eb('u.code', 'like', `${escapeLike(q)}%`),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      select
        .select(unitColumns)
        .select(sql<boolean>`u.geometry is not null`.as('has_geometry'))
        // Province, then district, then commune level; codes within a level follow the GSO order.
        .orderBy(sql`length(u.code)`)
        .orderBy('u.code')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toAdminUnit), total: Number(count.total) };
  }

  async findByCode(code: string, at: IsoDate): Promise<AdminUnit | undefined> {
    const row = await this.#withUnitColumns(at).where('u.code', '=', code).executeTakeFirst();
    return row ? toAdminUnit(row) : undefined;
  }

  /** Units valid on `at` that carry a polygon, with it. */
  async withGeometry(at: IsoDate): Promise<{ unit: AdminUnit; geometry: AreaGeometry }[]> {
    const rows = await this.#withUnitColumns(at)
      .select('u.geometry')
      .where('u.geometry', 'is not', null)
      .execute();
    return rows.map((row) => ({ unit: toAdminUnit(row), geometry: row.geometry as AreaGeometry }));
  }

  /**
   * The unit valid on `at`, among `levels`, whose centroid is nearest to the point, with the
   * great-circle distance in metres.
   */
  async nearestByCentroid(
    point: LatLon,
    at: IsoDate,
    levels: readonly AdminUnitLevel[],
  ): Promise<{ unit: AdminUnit; distanceMetres: number } | undefined> {
    // earthdistance (contrib, present on PostgreSQL and PGlite): great-circle metres on a spherical Earth.
    const distance = sql<number>`earth_distance(ll_to_earth(${point.lat}::float8, ${point.lon}::float8),
      ll_to_earth(u.centroid_lat, u.centroid_lon))`;
    let select = this.#withUnitColumns(at)
      .select(distance.as('distance'))
      .where('u.centroid_lat', 'is not', null);
    if (levels.length > 0) select = select.where('u.level', 'in', [...levels]);
    const row = await select.orderBy(distance).orderBy('u.code').limit(1).executeTakeFirst();
    return row ? { unit: toAdminUnit(row), distanceMetres: Number(row.distance) } : undefined;
  }

  /** Inserts the units that are not there yet (by code and valid_from); returns how many were new. */
  async insertMissing(executor: Executor, units: readonly AdminUnitSeed[]): Promise<number> {
    let inserted = 0;
    // Batches keep each statement well under the bind-parameter limit.
    for (let start = 0; start < units.length; start += 200) {
      const batch = units.slice(start, start + 200);
      const rows = await this.#tables(executor)
        .insertInto('platform.admin_units')
        .values(
          batch.map((unit) => ({
            code: unit.code,
            name_vi: unit.name_vi,
            name_en: unit.name_en ?? null,
            level: unit.level,
            parent_code: unit.parent_code,
            valid_from: unit.valid_from,
            valid_to: unit.valid_to,
            centroid_lat: unit.centroid?.lat ?? null,
            centroid_lon: unit.centroid?.lon ?? null,
            geometry: unit.geometry ? JSON.stringify(unit.geometry) : null,
            source: unit.source,
          })),
        )
        .onConflict((oc) => oc.columns(['code', 'valid_from']).doNothing())
        .returning('id')
        .execute();
      inserted += rows.length;
    }
    return inserted;
  }

  /**
   * Sets the centroid (and the polygon, unless `geometry` is undefined) of the unit version valid on
   * `at`; returns false when no version of that code is valid then.
   */
  async setShape(
    executor: Executor,
    code: string,
    at: IsoDate,
    shape: { centroid: LatLon | null; geometry?: AreaGeometry | null },
  ): Promise<boolean> {
    const result = await this.#tables(executor)
      .updateTable('platform.admin_units')
      .set({
        centroid_lat: shape.centroid?.lat ?? null,
        centroid_lon: shape.centroid?.lon ?? null,
        ...(shape.geometry === undefined
          ? {}
          : { geometry: shape.geometry ? JSON.stringify(shape.geometry) : null }),
        updated_at: sql<Date>`now()`,
      })
      .where('code', '=', code)
      .where('valid_from', '<=', at)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toAdminUnit(row: UnitRecord): AdminUnit {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    centroid:
      row.centroid_lat === null || row.centroid_lon === null
        ? null
        : { lat: Number(row.centroid_lat), lon: Number(row.centroid_lon) },
    hasGeometry: Boolean(row.has_geometry),
    source: row.source,
  };
}
