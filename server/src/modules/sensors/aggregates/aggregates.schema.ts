import { Type } from 'typebox';
import { IsoDateTime, StringEnum } from '../../../platform/http/schemas';
import { aggregateFunctions, aggregateIntervals, type AggregateInterval } from './aggregate-window';

const intervals = Object.keys(aggregateIntervals) as AggregateInterval[];

const WindowQuery = {
  interval: StringEnum(intervals, {
    description: 'Bucket size. At most 7 days per request for 15m, 93 days for 1h, 1096 days for 1d.',
  }),
  fn: StringEnum(aggregateFunctions, { description: 'Aggregate of the numeric results in each bucket' }),
  from: { ...IsoDateTime, description: 'Start (ISO 8601), rounded down to the bucket' },
  to: { ...IsoDateTime, description: 'End (ISO 8601, exclusive), rounded up to the bucket' },
};

export const DatastreamIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, description: 'SensorThings Datastream @iot.id' }) },
  { additionalProperties: false },
);

export const DatastreamAggregateQuery = Type.Object(WindowQuery, { additionalProperties: false });

export const AreaAggregateQuery = Type.Object(
  {
    observedProperty: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'ObservedProperty name (pm25, waterLevel, …) or @iot.id',
    }),
    adminUnit: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 20,
        description:
          "Administrative unit code: the Thing's properties.adminUnitCode or its registered device's unit",
      }),
    ),
    ...WindowQuery,
  },
  { additionalProperties: false },
);

export const AggregateResponse = Type.Object({
  interval: Type.String(),
  fn: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  datastreams: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), unit: Type.Unknown() })),
  points: Type.Array(
    Type.Object({
      start: Type.String({ format: 'date-time', description: 'Bucket start' }),
      value: Type.Number(),
      count: Type.Integer({ description: 'Numeric observations in the bucket' }),
    }),
    { description: 'Buckets with at least one observation, oldest first' },
  ),
});

const Band = Type.Union([
  Type.Object({
    key: Type.String(),
    vi: Type.String(),
    en: Type.String(),
    hex: Type.String(),
    rgb: Type.Array(Type.Integer()),
  }),
  Type.Null(),
]);

const StationProperties = {
  thingId: Type.Integer(),
  name: Type.String(),
  method: Type.String(),
  hour: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Start of the hour the index is for',
  }),
  aqi: Type.Union([Type.Integer(), Type.Null()], { description: 'Null without PM2.5 or PM10 data' }),
  band: Band,
  dominant: Type.Union([Type.String(), Type.Null()]),
  pollutants: Type.Record(
    Type.String(),
    Type.Object({
      index: Type.Integer(),
      concentration: Type.Number({ description: 'µg/m³; the NowCast for PM2.5 and PM10' }),
      datastreamId: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
};

export const StationAqiSchema = Type.Object({
  ...StationProperties,
  location: Type.Union([Type.Object({ lat: Type.Number(), lon: Type.Number() }), Type.Null()]),
});

export const AqiGeojsonSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: Type.Object({ ...StationProperties, color: Type.String() }),
    }),
  ),
});

export const RetentionBody = Type.Object(
  {
    days: Type.Union([Type.Integer({ minimum: 1, maximum: 36600 }), Type.Null(), Type.Literal('default')], {
      description: 'Days to keep at least; null keeps forever; "default" follows OBSERVATION_RETENTION_DAYS',
    }),
  },
  { additionalProperties: false },
);

export const RetentionSchema = Type.Object({
  datastreamId: Type.Integer(),
  days: Type.Union([Type.Integer(), Type.Null()]),
  source: Type.String({ enum: ['datastream', 'default'] }),
  effectiveDays: Type.Union([Type.Integer(), Type.Null()], { description: 'Null: kept forever' }),
});
