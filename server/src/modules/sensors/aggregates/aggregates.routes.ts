import type { Access } from '../../../platform/auth/access';
import { commonErrorResponses } from '../../../platform/http/schemas';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';
import { presentAqiGeojson, presentStationAqi } from './air-quality.presenter';
import type { AirQualityService } from './air-quality.service';
import {
  AggregateResponse,
  AqiGeojsonSchema,
  AreaAggregateQuery,
  DatastreamAggregateQuery,
  DatastreamIdParams,
  RetentionBody,
  RetentionSchema,
  StationAqiSchema,
} from './aggregates.schema';
import type { AggregateResult, AggregatesService } from './aggregates.service';
import type { RetentionService } from './retention.service';
import { Type } from 'typebox';

/** Who sets retention: those who may write SensorThings data. */
const retentionManagers: Access = { roles: ['system_admin', 'data_publisher'] };

function presentAggregate(result: AggregateResult) {
  return {
    interval: result.window.interval,
    fn: result.fn,
    from: result.window.from.toISOString(),
    to: result.window.to.toISOString(),
    datastreams: result.datastreams.map((d) => ({ id: d.id, name: d.name, unit: d.unit })),
    points: result.points.map((point) => ({
      start: point.start.toISOString(),
      value: point.value,
      count: point.count,
    })),
  };
}

/** /api/v1/sensors: aggregates over time, the current VN_AQI per air station, retention settings. */
export const aggregatesRoutes: TypedPlugin<{
  aggregates: AggregatesService;
  airQuality: AirQualityService;
  retention: RetentionService;
  publicRatePerMinute: number;
}> = async (app, { aggregates, airQuality, retention, publicRatePerMinute }) => {
  const tags = ['sensors'];
  const config = {
    access: 'public' as const,
    rateLimit: { max: publicRatePerMinute, timeWindow: '1 minute' },
  };

  app.get(
    '/datastreams/:id/aggregate',
    {
      config,
      schema: {
        tags,
        summary: "A datastream's numeric observations aggregated per 15 minutes, hour or day (Vietnam time)",
        params: DatastreamIdParams,
        querystring: DatastreamAggregateQuery,
        response: { 200: AggregateResponse, ...commonErrorResponses },
      },
    },
    async (request) => presentAggregate(await aggregates.ofDatastream(request.params.id, request.query)),
  );

  app.get(
    '/aggregate',
    {
      config,
      schema: {
        tags,
        summary: 'All datastreams of an ObservedProperty (optionally in one administrative unit), aggregated',
        querystring: AreaAggregateQuery,
        response: { 200: AggregateResponse, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { observedProperty, adminUnit, ...window } = request.query;
      const area = adminUnit === undefined ? { observedProperty } : { observedProperty, adminUnit };
      return presentAggregate(await aggregates.ofArea(area, window));
    },
  );

  app.get(
    '/air-quality',
    {
      config,
      schema: {
        tags,
        summary: 'The current hourly VN_AQI of every air station (QĐ 1459/QĐ-TCMT)',
        response: { 200: Type.Array(StationAqiSchema), ...commonErrorResponses },
      },
    },
    async () => (await airQuality.currentAqi()).map(presentStationAqi),
  );

  app.get(
    '/air-quality.geojson',
    {
      config,
      schema: {
        tags,
        summary: 'The current hourly VN_AQI per air station as GeoJSON points, with the band colour',
        response: { 200: AqiGeojsonSchema, ...commonErrorResponses },
      },
    },
    async (_request, reply) =>
      reply.type('application/geo+json').send(presentAqiGeojson(await airQuality.currentAqi())),
  );

  app.get(
    '/datastreams/:id/retention',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'How long observations of a datastream are kept',
        params: DatastreamIdParams,
        response: { 200: RetentionSchema, ...commonErrorResponses },
      },
    },
    async (request) => retention.get(request.params.id),
  );

  app.put(
    '/datastreams/:id/retention',
    {
      config: { access: retentionManagers },
      schema: {
        tags,
        summary: 'Set a datastream\'s retention (days, null for forever, or "default")',
        params: DatastreamIdParams,
        body: RetentionBody,
        response: { 200: RetentionSchema, ...commonErrorResponses },
      },
    },
    async (request) => retention.set(request.params.id, request.body.days),
  );
};
