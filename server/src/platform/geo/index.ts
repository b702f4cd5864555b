/**
 * The kernel's geo service: Vietnam's administrative units with effective dates (Đà Nẵng shipped),
 * point-in-unit lookup, and GeoJSON helpers (RFC 7946, [lon, lat]).
 */
export { adminUnitLevels, communeLevels, isIsoDate, todayInVietnam } from './admin-unit';
export type { AdminUnit, AdminUnitLevel, AdminUnitSeed, IsoDate } from './admin-unit';
export { AdminUnits } from './admin-units.service';
export type {
  AdminUnitListOptions,
  AdminUnitLookupResult,
  AdminUnitPage,
  AdminUnitsOptions,
} from './admin-units.service';
export { adminUnitSeedFile, parseAdminUnitSeed, readAdminUnitSeed } from './admin-units.seed';
export { adminUnitsRoutes } from './admin-units.routes';
export { geoErrors } from './geo.errors';
export {
  centroidOf,
  distanceMetres,
  geometryContains,
  isAreaGeometry,
  isValidLatLon,
  pointFeature,
  unitsToFeatureCollection,
} from './geojson';
export type {
  AreaGeometry,
  Feature,
  FeatureCollection,
  Geometry,
  LatLon,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
  Position,
  UnitFeatureProperties,
  UnitWithCentroid,
} from './geojson';
