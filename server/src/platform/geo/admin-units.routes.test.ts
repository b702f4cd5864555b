import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../db/database';
import { platformErrorHandler } from '../http/error-handler';
import { ErrorResponse } from '../http/schemas';
import { installValidation } from '../http/validation';
import { adminUnitsRoutes } from './admin-units.routes';
import { AdminUnits } from './admin-units.service';

let database: Database;
let app: FastifyInstance;

// The kernel's app adds authentication and locale hooks; these routes are public, so a bare Fastify
// with the platform's validation and error handler is enough to check their wire format.
beforeAll(async () => {
  database = await createTestDatabase();
  const adminUnits = new AdminUnits(database.db, { now: () => new Date('2026-11-23T03:00:00Z') });
  await adminUnits.loadSeed();
  await adminUnits.importShapes(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '20242' },
          geometry: { type: 'Point', coordinates: [108.0, 16.0] },
        },
      ],
    },
    '2025-08-01',
  );
  app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  app.decorateRequest('locale', 'vi');
  installValidation(app);
  app.setErrorHandler(platformErrorHandler);
  app.addSchema(ErrorResponse);
  await app.register(adminUnitsRoutes, { prefix: '/api/v1', adminUnits });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/v1/admin-units', () => {
  it('lists units valid on the day asked, paginated', async () => {
    const response = await app.inject({
      url: '/api/v1/admin-units?at=2024-05-01&level=district&limit=3&offset=1',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 8, limit: 3, offset: 1, at: '2024-05-01' });
    expect(body.items.map((unit: { code: string }) => unit.code)).toEqual(['491', '492', '493']);
    expect(body.items[0]).toEqual({
      code: '491',
      nameVi: 'Quận Thanh Khê',
      nameEn: 'Thanh Khe Urban District',
      level: 'district',
      parentCode: '48',
      validFrom: '2005-08-26',
      validTo: '2025-06-30',
      centroid: null,
      hasGeometry: false,
      source: expect.stringContaining('GSO'),
    });
  });

  it('searches without diacritics and defaults to today in Vietnam', async () => {
    const body = (await app.inject({ url: '/api/v1/admin-units?q=hai%20chau' })).json();
    expect(body.at).toBe('2026-11-23');
    expect(body.items.map((unit: { nameVi: string }) => unit.nameVi)).toEqual(['Phường Hải Châu']);
  });

  it('refuses unknown parameters and bad dates with 400', async () => {
    expect((await app.inject({ url: '/api/v1/admin-units?colour=red' })).statusCode).toBe(400);
    const badDate = await app.inject({ url: '/api/v1/admin-units?at=2025-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toMatch(/^(PLATFORM_VALIDATION_FAILED|GEO_INVALID_DATE)$/);
  });
});

describe('GET /api/v1/admin-units/:code', () => {
  it('answers the version valid on the day, or 404 GEO_ADMIN_UNIT_NOT_FOUND', async () => {
    const old = await app.inject({ url: '/api/v1/admin-units/20242?at=2024-05-01' });
    expect(old.json()).toMatchObject({ code: '20242', nameVi: 'Phường Phước Ninh', parentCode: '492' });
    const current = await app.inject({ url: '/api/v1/admin-units/20242' });
    expect(current.json()).toMatchObject({
      nameVi: 'Phường Hải Châu',
      parentCode: '48',
      centroid: { lat: 16, lon: 108 },
    });
    const gone = await app.inject({ url: '/api/v1/admin-units/20236?at=2025-08-01' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({
      code: 'GEO_ADMIN_UNIT_NOT_FOUND',
      details: { code: '20236', at: '2025-08-01' },
    });
  });
});

describe('GET /api/v1/admin-units/lookup', () => {
  it('finds the nearest centroid and says how', async () => {
    const body = (
      await app.inject({ url: '/api/v1/admin-units/lookup?lat=16.001&lon=108&at=2025-08-01' })
    ).json();
    expect(body).toMatchObject({ method: 'nearest_centroid', at: '2025-08-01', unit: { code: '20242' } });
    expect(body.distanceMetres).toBeGreaterThan(100);
    expect(body.distanceMetres).toBeLessThan(120);
  });

  it('answers unit null when no unit that day has a shape', async () => {
    const body = (
      await app.inject({ url: '/api/v1/admin-units/lookup?lat=16&lon=108&at=2024-05-01' })
    ).json();
    expect(body).toEqual({ unit: null, method: null, distanceMetres: null, at: '2024-05-01' });
  });

  it('answers 400 for coordinates out of range or missing', async () => {
    for (const query of ['lat=91&lon=108', 'lat=16&lon=181', 'lat=16', 'lat=abc&lon=108']) {
      const response = await app.inject({ url: `/api/v1/admin-units/lookup?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('PLATFORM_VALIDATION_FAILED');
    }
  });
});

describe('GET /api/v1/admin-units.geojson', () => {
  it('serves a FeatureCollection as application/geo+json with [lon, lat] points', async () => {
    const response = await app.inject({ url: '/api/v1/admin-units.geojson?at=2025-08-01&level=ward' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(response.json()).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: '20242',
          geometry: { type: 'Point', coordinates: [108, 16] },
          properties: {
            code: '20242',
            nameVi: 'Phường Hải Châu',
            nameEn: 'Hai Chau Ward',
            level: 'ward',
            parentCode: '48',
            validFrom: '2025-07-01',
            validTo: null,
          },
        },
      ],
    });
  });
});
