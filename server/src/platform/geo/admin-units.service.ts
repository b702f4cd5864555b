import type { Kysely } from 'kysely';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import {
  communeLevels,
  isIsoDate,
  todayInVietnam,
  type AdminUnit,
  type AdminUnitLevel,
  type AdminUnitSeed,
  type IsoDate,
} from './admin-unit';
import { AdminUnitsRepo } from './admin-units.repo';
import { readAdminUnitSeed } from './admin-units.seed';
import { geoErrors } from './geo.errors';
import {
  centroidOf,
  geometryContains,
  isAreaGeometry,
  isValidLatLon,
  unitsToFeatureCollection,
  type AreaGeometry,
  type FeatureCollection,
  type LatLon,
  type PointGeometry,
  type UnitFeatureProperties,
} from './geojson';

export interface AdminUnitListOptions {
  /** The day the units must be valid on; today in Asia/Ho_Chi_Minh by default. */
  readonly at?: IsoDate;
  readonly level?: AdminUnitLevel;
  readonly parentCode?: string;
  /** Name or code; accents optional ("hai chau" finds "Phường Hải Châu"). */
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface AdminUnitPage {
  readonly items: AdminUnit[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly at: IsoDate;
}

export interface AdminUnitLookupResult {
  readonly unit: AdminUnit;
  /** 'polygon': the point lies inside the unit's polygon; 'nearest_centroid': no polygon holds it. */
  readonly method: 'polygon' | 'nearest_centroid';
  /** 0 inside a polygon; otherwise the great-circle distance to the unit's centroid. */
  readonly distanceMetres: number;
  readonly at: IsoDate;
}

export interface AdminUnitsOptions {
  /** The clock, for tests. */
  readonly now?: () => Date;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

// Deeper units win a point lookup: a ward over its district over its province.
const levelDepth: Record<AdminUnitLevel, number> = {
  province: 0,
  district: 1,
  ward: 2,
  commune: 2,
  township: 2,
  special_zone: 2,
};

function normaliseQuery(q: string | undefined): string | undefined {
  // NFC so that decomposed input (macOS, some keyboards) folds like the stored precomposed names.
  const text = q?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/**
 * Vietnam's administrative units, effective-dated: which province, district and ward/commune existed
 * on a given day, and which of them holds a point. Kernel service; modules receive it from app.ts.
 */
export class AdminUnits {
  readonly #repo: AdminUnitsRepo;
  readonly #now: () => Date;

  constructor(
    private readonly db: Db,
    options: AdminUnitsOptions = {},
  ) {
    this.#repo = new AdminUnitsRepo(db);
    this.#now = options.now ?? (() => new Date());
  }

  /** The given day, checked, or today in Vietnam. */
  resolveDate(at?: string): IsoDate {
    if (at === undefined) return todayInVietnam(this.#now());
    if (!isIsoDate(at)) throw new AppError(geoErrors.INVALID_DATE, { at }, { value: at });
    return at;
  }

  async list(options: AdminUnitListOptions = {}): Promise<AdminUnitPage> {
    const at = this.resolveDate(options.at);
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
    const q = normaliseQuery(options.q);
    const { items, total } = await this.#repo.list({
      at,
      limit,
      offset,
      ...(options.level ? { level: options.level } : {}),
      ...(options.parentCode ? { parentCode: options.parentCode } : {}),
      ...(q ? { q } : {}),
    });
    return { items, total, limit, offset, at };
  }

  /** The version of the unit valid on `at`; GEO_ADMIN_UNIT_NOT_FOUND when there is none. */
  async get(code: string, at?: string): Promise<AdminUnit> {
    const day = this.resolveDate(at);
    const unit = await this.#repo.findByCode(code, day);
    if (!unit) throw new AppError(geoErrors.ADMIN_UNIT_NOT_FOUND, { code, at: day }, { code, at: day });
    return unit;
  }

  /**
   * The unit holding the point on `at`: the deepest unit whose polygon contains it; failing that, the
   * commune-level unit (or, when none has one, any unit) with the nearest centroid. Null when no unit
   * valid that day has a polygon or a centroid, or when the nearest centroid is farther than
   * `maxDistanceMetres`.
   */
  async lookup(
    lat: number,
    lon: number,
    at?: string,
    options: { readonly maxDistanceMetres?: number } = {},
  ): Promise<AdminUnitLookupResult | null> {
    if (!isValidLatLon(lat, lon)) throw new AppError(geoErrors.COORDINATES_OUT_OF_RANGE, { lat, lon });
    const day = this.resolveDate(at);
    const point: LatLon = { lat, lon };

    const containing = (await this.#repo.withGeometry(day))
      .filter((candidate) => geometryContains(candidate.geometry, point))
      .map((candidate) => candidate.unit)
      .sort((a, b) => levelDepth[b.level] - levelDepth[a.level] || a.code.localeCompare(b.code));
    const inside = containing[0];
    if (inside) return { unit: inside, method: 'polygon', distanceMetres: 0, at: day };

    const nearest =
      (await this.#repo.nearestByCentroid(point, day, communeLevels)) ??
      (await this.#repo.nearestByCentroid(point, day, []));
    if (!nearest) return null;
    if (options.maxDistanceMetres !== undefined && nearest.distanceMetres > options.maxDistanceMetres)
      return null;
    return {
      unit: nearest.unit,
      method: 'nearest_centroid',
      distanceMetres: nearest.distanceMetres,
      at: day,
    };
  }

  /** Units valid on `at` (optionally one level) that have a centroid, as GeoJSON Point features. */
  async geojson(
    options: { readonly at?: string; readonly level?: AdminUnitLevel } = {},
  ): Promise<FeatureCollection<PointGeometry, UnitFeatureProperties>> {
    const at = this.resolveDate(options.at);
    const units: AdminUnit[] = [];
    for (let offset = 0; ; offset += MAX_LIMIT) {
      const page = await this.#repo.list({
        at,
        limit: MAX_LIMIT,
        offset,
        ...(options.level ? { level: options.level } : {}),
      });
      units.push(...page.items);
      if (units.length >= page.total || page.items.length === 0) break;
    }
    return unitsToFeatureCollection(units);
  }

  /**
   * Inserts the shipped units (or `units`) that are not in the table yet, keyed by code and
   * valid_from; running it again changes nothing. Returns how many rows were new.
   */
  async loadSeed(
    executor: Kysely<unknown> = this.db,
    units?: readonly AdminUnitSeed[],
  ): Promise<{ inserted: number; total: number }> {
    const rows = units ?? (await readAdminUnitSeed());
    const insert = (trx: Kysely<unknown>) => this.#repo.insertMissing(trx, rows);
    const inserted = executor.isTransaction
      ? await insert(executor)
      : await executor.transaction().execute(insert);
    return { inserted, total: rows.length };
  }

  /**
   * Attaches shapes from a GeoJSON FeatureCollection whose features carry `properties.code`: a Polygon
   * or MultiPolygon becomes the unit's polygon and its centroid; a Point sets the centroid only. Each
   * goes to the version of the unit valid on `at`. Use only data whose licence allows it, and record
   * its source in docs/data-sources.
   */
  async importShapes(collection: unknown, at?: string): Promise<{ updated: string[]; skipped: string[] }> {
    const day = this.resolveDate(at);
    const features = (collection as { features?: unknown } | null)?.features;
    if (!Array.isArray(features)) throw new TypeError('expected a GeoJSON FeatureCollection');
    const updated: string[] = [];
    const skipped: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const feature of features as { properties?: { code?: unknown }; geometry?: unknown }[]) {
        const code = String(feature.properties?.code ?? '');
        const shape = shapeOf(feature.geometry);
        const applied = code !== '' && shape !== null && (await this.#repo.setShape(trx, code, day, shape));
        (applied ? updated : skipped).push(code);
      }
    });
    return { updated, skipped };
  }
}

function shapeOf(geometry: unknown): { centroid: LatLon | null; geometry?: AreaGeometry } | null {
  if (isAreaGeometry(geometry)) return { centroid: centroidOf(geometry), geometry };
  const point = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (point?.type === 'Point' && Array.isArray(point.coordinates)) {
    const [lon, lat] = point.coordinates as unknown[];
    if (typeof lat === 'number' && typeof lon === 'number' && isValidLatLon(lat, lon))
      return { centroid: { lat, lon } };
  }
  return null;
}
