import { AppError } from '../../../platform/http/app-error';
import { commonErrorResponses } from '../../../platform/http/schemas';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';
import { devicesErrors } from './devices.errors';
import { cameraTypes } from './device.model';
import { presentDeviceClustersGeoJson, presentDevicesGeoJson } from './devices.geojson.presenter';
import { DeviceClusterQuery, DeviceMapQuery, FleetQuery, FleetSummarySchema } from './devices.schema';
import type { DevicesService } from './devices.service';
import type { FleetService } from './fleet.service';

type Bbox = [number, number, number, number];

function parseBbox(raw: string): Bbox;
function parseBbox(raw: string | undefined): Bbox | undefined;
function parseBbox(raw: string | undefined): Bbox | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((part) => Number(part.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon !== undefined &&
    minLat !== undefined &&
    maxLon !== undefined &&
    maxLat !== undefined &&
    minLon <= maxLon &&
    minLat <= maxLat &&
    Math.abs(minLat) <= 90 &&
    Math.abs(maxLat) <= 90 &&
    Math.abs(minLon) <= 180 &&
    Math.abs(maxLon) <= 180;
  if (!valid) throw new AppError(devicesErrors.DEVICE_BBOX_INVALID, { bbox: raw });
  return [minLon, minLat, maxLon, maxLat];
}

/** /api/v1/sensors/fleet and the map layer: what the IOC wall and the portal show. */
export const fleetRoutes: TypedPlugin<{ devices: DevicesService; fleet: FleetService }> = async (
  app,
  { devices, fleet },
) => {
  const tags = ['sensors'];

  app.get(
    '/fleet',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Online share of devices by type and by administrative unit',
        querystring: FleetQuery,
        response: { 200: FleetSummarySchema, ...commonErrorResponses },
      },
    },
    async (request) => fleet.summary(request.query.type),
  );

  app.get(
    '/devices.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Devices with a location as a GeoJSON FeatureCollection (anonymous: public cameras only)',
        querystring: DeviceMapQuery,
        produces: ['application/geo+json'],
      },
    },
    async (request, reply) => {
      const { bbox, ...query } = request.query;
      const mapped = await devices.mapped({ ...query, bbox: parseBbox(bbox) }, request.principal);
      return reply.type('application/geo+json').send(presentDevicesGeoJson(mapped, request.principal));
    },
  );

  app.get(
    '/devices/clusters.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Devices in a map view grouped into grid cells at its zoom (cluster features with counts, and devices alone in their cell)',
        querystring: DeviceClusterQuery,
        produces: ['application/geo+json'],
      },
    },
    async (request, reply) => {
      const { bbox, zoom, type, status } = request.query;
      const byType = type === 'camera' ? { types: cameraTypes } : { type };
      const clustered = await devices.clustered(
        { ...byType, status, bbox: parseBbox(bbox) },
        zoom,
        request.principal,
      );
      return reply
        .type('application/geo+json')
        .send(presentDeviceClustersGeoJson(clustered, request.principal));
    },
  );
};
