import { commonErrorResponses } from '../http/schemas';
import type { TypedPlugin } from '../http/typed-plugin';
import {
  AdminUnitListQuery,
  AdminUnitPageSchema,
  AdminUnitParams,
  AdminUnitSchema,
  AtOnlyQuery,
  GeoJsonQuery,
  LookupQuery,
  LookupResponse,
  UnitFeatureCollectionSchema,
} from './admin-units.schema';
import type { AdminUnits } from './admin-units.service';

/**
 * Administrative units, public. Mount under the /api/v1 prefix: the routes are /admin-units,
 * /admin-units/lookup, /admin-units/:code and /admin-units.geojson (a sibling path, so that GIS tools
 * recognise the format from the URL).
 */
export const adminUnitsRoutes: TypedPlugin<{ adminUnits: AdminUnits }> = async (app, { adminUnits }) => {
  const tags = ['admin-units'];

  app.get(
    '/admin-units',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Administrative units valid on a day (default today)',
        querystring: AdminUnitListQuery,
        response: { 200: AdminUnitPageSchema, ...commonErrorResponses },
      },
    },
    async (request) => adminUnits.list(request.query),
  );

  app.get(
    '/admin-units/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The unit holding a point: by polygon where one is stored, else the nearest centroid',
        querystring: LookupQuery,
        response: { 200: LookupResponse, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { lat, lon, at } = request.query;
      const found = await adminUnits.lookup(lat, lon, at);
      if (found) return found;
      return { unit: null, method: null, distanceMetres: null, at: adminUnits.resolveDate(at) };
    },
  );

  app.get(
    '/admin-units/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The version of a unit valid on a day (default today)',
        params: AdminUnitParams,
        querystring: AtOnlyQuery,
        response: { 200: AdminUnitSchema, ...commonErrorResponses },
      },
    },
    async (request) => adminUnits.get(request.params.code, request.query.at),
  );

  app.get(
    '/admin-units.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Unit centroids as GeoJSON (application/geo+json)',
        querystring: GeoJsonQuery,
        response: { 200: UnitFeatureCollectionSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const collection = await adminUnits.geojson(request.query);
      return reply.type('application/geo+json; charset=utf-8').send(collection);
    },
  );
};
