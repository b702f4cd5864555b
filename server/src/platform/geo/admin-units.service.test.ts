import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../db/database';
import type { AppError } from '../http/app-error';
import { AdminUnits } from './admin-units.service';

// Synthetic shapes for the lookup tests: squares and points near, not on, real places. The shipped
// data has no coordinates (no citable source was found; see docs/data-sources).
const square = (lat: number, lon: number, half: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - half, lat - half],
      [lon + half, lat - half],
      [lon + half, lat + half],
      [lon - half, lat + half],
      [lon - half, lat - half],
    ],
  ],
});
const point = (lat: number, lon: number) => ({ type: 'Point', coordinates: [lon, lat] });
const feature = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (reason: unknown) => reason,
  )) as AppError | null;
  return error?.code ?? 'no error';
}

let database: Database;
let units: AdminUnits;

beforeAll(async () => {
  database = await createTestDatabase();
  // 2026-11-23 10:00 in Vietnam.
  units = new AdminUnits(database.db, { now: () => new Date('2026-11-23T03:00:00Z') });
  await units.loadSeed();
});

afterAll(async () => {
  await database.close();
});

describe('AdminUnits seed', () => {
  it('is idempotent: a second load inserts nothing', async () => {
    const again = await units.loadSeed();
    expect(again.inserted).toBe(0);
    expect(again.total).toBeGreaterThan(150);
    const all = await units.list({ at: '2024-05-01', limit: 1000 });
    const after = await units.list({ at: '2025-08-01', limit: 1000 });
    expect(all.total + after.total).toBe(again.total);
  });
});

describe('AdminUnits effective dates', () => {
  it('returns a ward valid in 2024 for 2024-05-01 and not for 2025-08-01', async () => {
    const ward = await units.get('20236', '2024-05-01');
    expect(ward).toMatchObject({
      nameVi: 'Phường Hải Châu I',
      level: 'ward',
      parentCode: '492',
      validTo: '2024-12-31',
    });
    expect(await errorCode(units.get('20236', '2025-08-01'))).toBe('GEO_ADMIN_UNIT_NOT_FOUND');

    const listed2024 = await units.list({ at: '2024-05-01', q: 'Tam Thuận' });
    const listed2025 = await units.list({ at: '2025-08-01', q: 'Tam Thuận' });
    expect(listed2024.items.map((unit) => unit.code)).toEqual(['20203']);
    expect(listed2025.items).toEqual([]);
  });

  it('resolves a reused code to the unit valid on the day asked', async () => {
    expect((await units.get('20242', '2024-05-01')).nameVi).toBe('Phường Phước Ninh');
    expect((await units.get('20242', '2025-06-30')).nameVi).toBe('Phường Phước Ninh');
    expect((await units.get('20242', '2025-07-01')).nameVi).toBe('Phường Hải Châu');
  });

  it('has the district structure before 1 July 2025 and the two-tier structure after', async () => {
    const districts2024 = await units.list({ at: '2024-05-01', level: 'district' });
    expect(districts2024.total).toBe(8);
    const haiChau2024 = await units.list({ at: '2024-05-01', parentCode: '492', limit: 100 });
    expect(haiChau2024.total).toBe(13);

    const districts2025 = await units.list({ at: '2025-08-01', level: 'district' });
    expect(districts2025.total).toBe(0);
    const underCity = await units.list({ at: '2025-08-01', parentCode: '48', limit: 200 });
    expect(underCity.total).toBe(94);
    const ofLevel = (level: string) => underCity.items.filter((unit) => unit.level === level);
    expect(ofLevel('ward')).toHaveLength(23);
    expect(ofLevel('commune')).toHaveLength(70);
    expect(ofLevel('special_zone').map((unit) => unit.nameVi)).toEqual(['Đặc khu Hoàng Sa']);
  });

  it('defaults to today in Asia/Ho_Chi_Minh, not in UTC', async () => {
    // 2024-12-31 18:30 UTC is already 1 January 2025 in Vietnam, the day the Hải Châu I ward ended.
    const newYear = new AdminUnits(database.db, { now: () => new Date('2024-12-31T18:30:00Z') });
    expect(newYear.resolveDate()).toBe('2025-01-01');
    expect(await errorCode(newYear.get('20236'))).toBe('GEO_ADMIN_UNIT_NOT_FOUND');
    const today = await units.list({ q: 'hai chau' });
    expect(today.at).toBe('2026-11-23');
    expect(today.items.map((unit) => unit.code)).toEqual(['20242']);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    expect(await errorCode(units.list({ at: '2025-02-30' }))).toBe('GEO_INVALID_DATE');
    expect(await errorCode(units.get('48', '1/7/2025'))).toBe('GEO_INVALID_DATE');
  });
});

describe('AdminUnits search', () => {
  it('finds names without diacritics, whatever the case or Unicode form', async () => {
    const haiChau = await units.list({ at: '2025-08-01', q: 'hai chau' });
    expect(haiChau.items.map((unit) => unit.nameVi)).toEqual(['Phường Hải Châu']);
    const daNang = await units.list({ at: '2025-08-01', q: 'da nang' });
    expect(daNang.items.map((unit) => unit.code)).toEqual(['48']);
    const upper = await units.list({ at: '2025-08-01', q: '  HOA   KHANH ' });
    expect(upper.items.map((unit) => unit.code)).toEqual(['20200']);
    const decomposed = await units.list({ at: '2025-08-01', q: 'Hải Châu'.normalize('NFD') });
    expect(decomposed.items.map((unit) => unit.code)).toEqual(['20242']);
  });

  it('matches English names and code prefixes, and treats % and _ literally', async () => {
    expect(
      (await units.list({ at: '2025-08-01', q: 'Special Zone' })).items.map((unit) => unit.code),
    ).toEqual(['20333']);
    expect((await units.list({ at: '2024-05-01', q: '49', level: 'district' })).total).toBe(8);
    expect((await units.list({ at: '2025-08-01', q: '%' })).total).toBe(0);
    expect((await units.list({ at: '2025-08-01', q: '_' })).total).toBe(0);
  });

  it('pages with limit and offset over a stable order', async () => {
    const first = await units.list({ at: '2025-08-01', level: 'commune', limit: 30, offset: 0 });
    const second = await units.list({ at: '2025-08-01', level: 'commune', limit: 30, offset: 30 });
    expect(first.total).toBe(70);
    expect(first.items).toHaveLength(30);
    expect((second.items[0]?.code ?? '') > (first.items.at(-1)?.code ?? '')).toBe(true);
  });
});

describe('AdminUnits lookup', () => {
  it('answers null while no unit valid that day has a shape', async () => {
    expect(await units.lookup(16.05, 108.2, '2025-08-01')).toBeNull();
  });

  it('refuses coordinates out of range', async () => {
    expect(await errorCode(units.lookup(91, 108))).toBe('GEO_COORDINATES_OUT_OF_RANGE');
    expect(await errorCode(units.lookup(16, -181))).toBe('GEO_COORDINATES_OUT_OF_RANGE');
  });

  it('falls back to the nearest centroid, with the distance in metres', async () => {
    const result = await units.importShapes(
      {
        type: 'FeatureCollection',
        features: [
          feature('20242', point(16.0, 108.0)),
          feature('20257', point(16.1, 108.0)),
          feature('48', point(16.05, 108.05)),
          feature('99999', point(16.0, 108.0)),
        ],
      },
      '2025-08-01',
    );
    expect(result).toEqual({ updated: ['20242', '20257', '48'], skipped: ['99999'] });

    const near = await units.lookup(16.01, 108.0, '2025-08-01');
    expect(near).toMatchObject({
      method: 'nearest_centroid',
      unit: { code: '20242', nameVi: 'Phường Hải Châu' },
    });
    // 0.01° of latitude is about 1.11 km.
    expect(near?.distanceMetres).toBeGreaterThan(1100);
    expect(near?.distanceMetres).toBeLessThan(1125);
    // The province's centroid is nearer here, but a commune-level unit is preferred.
    expect((await units.lookup(16.05, 108.05, '2025-08-01'))?.unit.level).toBe('ward');
    expect(await units.lookup(16.01, 108.0, '2025-08-01', { maxDistanceMetres: 1000 })).toBeNull();
    // The shapes belong to the 2025 versions: the 2024 units have none.
    expect(await units.lookup(16.01, 108.0, '2024-05-01')).toBeNull();
  });

  it('uses a polygon when one holds the point, the deepest level first', async () => {
    await units.importShapes(
      {
        type: 'FeatureCollection',
        features: [feature('20263', square(16.2, 108.2, 0.05)), feature('48', square(16.2, 108.2, 0.5))],
      },
      '2025-08-01',
    );
    const inside = await units.lookup(16.21, 108.19, '2025-08-01');
    expect(inside).toMatchObject({
      method: 'polygon',
      distanceMetres: 0,
      unit: { code: '20263', nameVi: 'Phường Sơn Trà' },
    });
    // Inside the city's polygon but outside every ward polygon: the city holds the point.
    expect(await units.lookup(16.5, 108.5, '2025-08-01')).toMatchObject({
      method: 'polygon',
      unit: { code: '48' },
    });
    // Outside every polygon: nearest centroid (the ward's centroid was computed from its square).
    const outside = await units.lookup(16.2, 109.0, '2025-08-01');
    expect(outside).toMatchObject({ method: 'nearest_centroid', unit: { code: '20263' } });
    const sonTra = await units.get('20263', '2025-08-01');
    expect(sonTra.hasGeometry).toBe(true);
    expect(sonTra.centroid?.lat).toBeCloseTo(16.2, 9);
    expect(sonTra.centroid?.lon).toBeCloseTo(108.2, 9);
  });

  it('presents units with a centroid as GeoJSON points in [lon, lat] order', async () => {
    const collection = await units.geojson({ at: '2025-08-01', level: 'ward' });
    expect(collection.type).toBe('FeatureCollection');
    const haiChau = collection.features.find((item) => item.properties.code === '20242');
    expect(haiChau?.geometry).toEqual({ type: 'Point', coordinates: [108.0, 16.0] });
    expect(collection.features.every((item) => item.properties.level === 'ward')).toBe(true);
    expect((await units.geojson({ at: '2024-05-01' })).features).toEqual([]);
  });
});
