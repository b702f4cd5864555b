import { Type } from 'typebox';
import { IsoDate, PageQuery } from '../http/schemas';
import { adminUnitLevels } from './admin-unit';

export const AdminUnitLevelSchema = Type.Union(
  adminUnitLevels.map((level) => Type.Literal(level)),
  {
    description:
      'province; district (until 30 June 2025); ward, commune, township, special_zone (commune level)',
  },
);

const LatLonSchema = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
});

const AtQuery = Type.Optional({
  ...IsoDate,
  description: 'The day the units must be valid on (YYYY-MM-DD); today in Vietnam by default',
});

export const AdminUnitSchema = Type.Object({
  code: Type.String({
    description: 'Official code (GSO list): 2 digits province, 3 district, 5 commune level',
  }),
  nameVi: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  level: AdminUnitLevelSchema,
  parentCode: Type.Union([Type.String(), Type.Null()], {
    description: 'Code of the parent valid on the same day',
  }),
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()], {
    description: 'Last day of validity; null while still valid',
  }),
  centroid: Type.Union([LatLonSchema, Type.Null()], {
    description: 'Null where no citable source gives one',
  }),
  hasGeometry: Type.Boolean({ description: 'Whether a polygon is stored for point lookups' }),
  source: Type.Union([Type.String(), Type.Null()]),
});

export const AdminUnitListQuery = Type.Object(
  {
    at: AtQuery,
    level: Type.Optional(AdminUnitLevelSchema),
    parentCode: Type.Optional(Type.String({ maxLength: 20 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Name or code prefix, accents optional' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Items per page' }),
    offset: PageQuery.offset,
  },
  { additionalProperties: false },
);

export const AdminUnitPageSchema = Type.Object({
  items: Type.Array(AdminUnitSchema),
  total: Type.Integer({ description: 'Items matching the query, over all pages' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  at: IsoDate,
});

export const AdminUnitParams = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9._-]+$' }) },
  { additionalProperties: false },
);

export const AtOnlyQuery = Type.Object({ at: AtQuery }, { additionalProperties: false });

export const LookupQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude, WGS 84' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude, WGS 84' }),
    at: AtQuery,
  },
  { additionalProperties: false },
);

export const LookupResponse = Type.Object({
  unit: Type.Union([AdminUnitSchema, Type.Null()], {
    description: 'Null when no unit valid that day has a polygon or a centroid',
  }),
  method: Type.Union([Type.Literal('polygon'), Type.Literal('nearest_centroid'), Type.Null()]),
  distanceMetres: Type.Union([Type.Number(), Type.Null()], {
    description: '0 inside a polygon; the distance to the centroid otherwise',
  }),
  at: IsoDate,
});

export const GeoJsonQuery = Type.Object(
  { at: AtQuery, level: Type.Optional(AdminUnitLevelSchema) },
  { additionalProperties: false },
);

export const UnitFeatureCollectionSchema = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String(),
        geometry: Type.Object({
          type: Type.Literal('Point'),
          coordinates: Type.Array(Type.Number(), {
            minItems: 2,
            maxItems: 2,
            description: '[longitude, latitude]',
          }),
        }),
        properties: Type.Object({
          code: Type.String(),
          nameVi: Type.String(),
          nameEn: Type.Union([Type.String(), Type.Null()]),
          level: AdminUnitLevelSchema,
          parentCode: Type.Union([Type.String(), Type.Null()]),
          validFrom: IsoDate,
          validTo: Type.Union([IsoDate, Type.Null()]),
        }),
      }),
    ),
  },
  {
    description:
      'GeoJSON (RFC 7946) FeatureCollection of unit centroids; units without a centroid are left out',
  },
);
