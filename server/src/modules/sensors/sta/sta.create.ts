import type { Kysely } from 'kysely';
import { AppError } from '../../../platform/http/app-error';
import { knownObservationTypes } from '../observation-rules';
import { recordObservations } from '../observations.service';
import { sensorsErrors } from '../sensors.errors';
import { entities, type EntityName } from './entities';
import { EntityInput, invalid, isObject, referenceId, representativePoint, type Json } from './entity-input';
import { createMultiDatastream } from './multi-datastream.create';
import { recordMultiObservations } from './multi-observations';
import { insertRow, jsonb, linkHistoricalLocation, linkThingToLocations, rowExists } from './sta.write.repo';
import { defined } from '../defined';

/** Ids handed down by a parent in a deep insert or a POST to a navigation path (Things(1)/Datastreams). */
export type Context = Partial<Record<string, number>>;

type Executor = Kysely<unknown>;

const GEOJSON_TYPES = ['application/geo+json', 'application/vnd.geo+json'];

/** Links to an existing entity ({"@iot.id": n}) or creates the inline one; returns its id. */
export async function resolve(
  trx: Executor,
  name: EntityName,
  value: unknown,
  context: Context,
): Promise<number> {
  if (!isObject(value)) throw invalid(`a ${name} must be an entity or {"@iot.id": …}`);
  const id = referenceId(value);
  if (id === null) return createEntity(trx, name, value, context);
  if (!(await rowExists(trx, entities[name].table, id)))
    throw invalid(`${entities[name].setName}(${id}) does not exist`);
  return id;
}

async function required(
  trx: Executor,
  name: EntityName,
  input: EntityInput,
  context: Context,
): Promise<number> {
  const given = context[name];
  if (given !== undefined) return given;
  const value = input.related(name);
  if (value === undefined) throw invalid(`${input.entityName} needs its ${name}`);
  return resolve(trx, name, value, context);
}

function geometry(input: EntityInput, field: string, entity: string) {
  const encodingType = input.string('encodingType');
  if (!GEOJSON_TYPES.includes(encodingType))
    throw invalid(`${entity}.encodingType must be application/geo+json (others are not supported)`);
  const value = defined(input.object(field, false), field);
  return { encodingType, value, point: representativePoint(value, `${entity}.${field}`) };
}

async function createThing(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'Thing', [
    'name',
    'description',
    'properties',
    'Locations',
    'Datastreams',
    'MultiDatastreams',
    'HistoricalLocations',
  ]);
  const id = await insertRow(trx, 'sensors.things', {
    name: input.string('name'),
    description: input.string('description'),
    properties: jsonb(input.object('properties')),
  });
  const locationIds: number[] = [];
  for (const location of input.array('Locations'))
    locationIds.push(await resolve(trx, 'Location', location, {}));
  if (context.Location !== undefined) locationIds.push(context.Location);
  if (locationIds.length) await linkThingToLocations(trx, id, locationIds, false);
  for (const datastream of input.array('Datastreams'))
    await resolve(trx, 'Datastream', datastream, { Thing: id });
  for (const multiDatastream of input.array('MultiDatastreams'))
    await resolve(trx, 'MultiDatastream', multiDatastream, { Thing: id });
  for (const history of input.array('HistoricalLocations'))
    await resolve(trx, 'HistoricalLocation', history, { Thing: id });
  return id;
}

async function createLocation(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'Location', [
    'name',
    'description',
    'encodingType',
    'location',
    'properties',
    'Things',
    'HistoricalLocations',
  ]);
  const { encodingType, value, point } = geometry(input, 'location', 'Location');
  const id = await insertRow(trx, 'sensors.locations', {
    name: input.string('name'),
    description: input.string('description'),
    encoding_type: encodingType,
    location: jsonb(value),
    latitude: point.latitude,
    longitude: point.longitude,
    properties: jsonb(input.object('properties')),
  });
  const thingIds: number[] = [];
  for (const thing of input.array('Things')) thingIds.push(await resolve(trx, 'Thing', thing, {}));
  if (context.Thing !== undefined) thingIds.push(context.Thing);
  for (const thingId of thingIds) await linkThingToLocations(trx, thingId, [id], false);
  if (context.HistoricalLocation !== undefined)
    await linkHistoricalLocation(trx, context.HistoricalLocation, [id]);
  return id;
}

async function createHistoricalLocation(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'HistoricalLocation', ['time', 'Thing', 'Locations']);
  const time = input.time('time');
  if (!time) throw invalid('HistoricalLocation.time is required');
  const thingId = await required(trx, 'Thing', input, context);
  const id = await insertRow(trx, 'sensors.historical_locations', {
    thing_id: thingId,
    time: time.toISOString(),
  });
  const locationIds: number[] = [];
  for (const location of input.array('Locations'))
    locationIds.push(await resolve(trx, 'Location', location, {}));
  if (context.Location !== undefined) locationIds.push(context.Location);
  await linkHistoricalLocation(trx, id, locationIds);
  return id;
}

async function createDatastream(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'Datastream', [
    'name',
    'description',
    'unitOfMeasurement',
    'observationType',
    'observedArea',
    'phenomenonTime',
    'resultTime',
    'properties',
    'Thing',
    'Sensor',
    'ObservedProperty',
    'Observations',
  ]);
  const observationType = input.string('observationType');
  if (!knownObservationTypes.includes(observationType))
    throw invalid(`Datastream.observationType '${observationType}' is not an OGC O&M 2.0 observation type`);
  const unit = defined(input.object('unitOfMeasurement', false), 'unitOfMeasurement');
  const phenomenonTime = input.timeOrInterval('phenomenonTime');
  const resultTime = input.timeOrInterval('resultTime');
  const id = await insertRow(trx, 'sensors.datastreams', {
    name: input.string('name'),
    description: input.string('description'),
    observation_type: observationType,
    unit_of_measurement: jsonb(unit),
    observed_area: jsonb(input.object('observedArea')),
    phenomenon_time_start: phenomenonTime?.start.toISOString(),
    phenomenon_time_end: (phenomenonTime?.end ?? phenomenonTime?.start)?.toISOString(),
    result_time_start: resultTime?.start.toISOString(),
    result_time_end: (resultTime?.end ?? resultTime?.start)?.toISOString(),
    properties: jsonb(input.object('properties')),
    thing_id: await required(trx, 'Thing', input, context),
    sensor_id: await required(trx, 'Sensor', input, context),
    observed_property_id: await required(trx, 'ObservedProperty', input, context),
  });
  for (const observation of input.array('Observations'))
    await resolve(trx, 'Observation', observation, { Datastream: id });
  return id;
}

async function createSensor(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'Sensor', [
    'name',
    'description',
    'encodingType',
    'metadata',
    'properties',
    'Datastreams',
    'MultiDatastreams',
  ]);
  const metadata = input.body.metadata;
  if (metadata === undefined || metadata === null) throw invalid('Sensor.metadata is required');
  const id = await insertRow(trx, 'sensors.sensors', {
    name: input.string('name'),
    description: input.string('description'),
    encoding_type: input.string('encodingType'),
    metadata: typeof metadata === 'string' ? metadata : JSON.stringify(metadata),
    properties: jsonb(input.object('properties')),
  });
  for (const datastream of input.array('Datastreams'))
    await resolve(trx, 'Datastream', datastream, { ...context, Sensor: id });
  for (const multiDatastream of input.array('MultiDatastreams'))
    await resolve(trx, 'MultiDatastream', multiDatastream, { ...context, Sensor: id });
  return id;
}

async function createObservedProperty(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'ObservedProperty', [
    'name',
    'definition',
    'description',
    'properties',
    'Datastreams',
    'MultiDatastreams',
  ]);
  if (context.MultiDatastream !== undefined)
    throw invalid("a MultiDatastream's ObservedProperties are fixed when it is created");
  const id = await insertRow(trx, 'sensors.observed_properties', {
    name: input.string('name'),
    definition: input.string('definition'),
    description: input.string('description'),
    properties: jsonb(input.object('properties')),
  });
  for (const datastream of input.array('Datastreams'))
    await resolve(trx, 'Datastream', datastream, { ...context, ObservedProperty: id });
  for (const multiDatastream of input.array('MultiDatastreams'))
    await resolve(trx, 'MultiDatastream', multiDatastream, { ...context, ObservedProperty: id });
  return id;
}

async function createFeatureOfInterest(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'FeatureOfInterest', [
    'name',
    'description',
    'encodingType',
    'feature',
    'properties',
    'Observations',
  ]);
  const { encodingType, value, point } = geometry(input, 'feature', 'FeatureOfInterest');
  const id = await insertRow(trx, 'sensors.features_of_interest', {
    name: input.string('name'),
    description: input.string('description'),
    encoding_type: encodingType,
    feature: jsonb(value),
    latitude: point.latitude,
    longitude: point.longitude,
    properties: jsonb(input.object('properties')),
  });
  for (const observation of input.array('Observations'))
    await resolve(trx, 'Observation', observation, { ...context, FeatureOfInterest: id });
  return id;
}

/**
 * One observation through recordObservations (or recordMultiObservations for a MultiDatastream's), so
 * HTTP, MQTT and batches obey the same rules.
 */
async function createObservation(trx: Executor, body: Json, context: Context): Promise<number> {
  const input = new EntityInput(body, 'Observation', [
    'phenomenonTime',
    'resultTime',
    'result',
    'resultQuality',
    'validTime',
    'parameters',
    'Datastream',
    'MultiDatastream',
    'FeatureOfInterest',
  ]);
  const multi = context.MultiDatastream !== undefined || input.has('MultiDatastream');
  if (multi && (context.Datastream !== undefined || input.has('Datastream')))
    throw invalid('an Observation belongs to a Datastream or to a MultiDatastream, not both');
  const feature = input.related('FeatureOfInterest');
  const featureId =
    context.FeatureOfInterest ?? (feature ? await resolve(trx, 'FeatureOfInterest', feature, {}) : null);
  const phenomenonTime = input.timeOrInterval('phenomenonTime');
  const validTime = input.timeOrInterval('validTime');
  if (validTime && !validTime.end) throw invalid('Observation.validTime must be an interval "start/end"');
  const values = {
    phenomenonTime: phenomenonTime?.start ?? null,
    phenomenonTimeEnd: phenomenonTime?.end ?? null,
    resultTime: input.time('resultTime') ?? null,
    result: input.body.result,
    resultQuality: input.body.resultQuality ?? null,
    validTime: validTime?.end ? { start: validTime.start, end: validTime.end } : null,
    parameters: (input.object('parameters') as Record<string, unknown> | null | undefined) ?? null,
    featureOfInterestId: featureId,
  };
  const [outcome] = multi
    ? await recordMultiObservations(trx, [
        { ...values, multiDatastreamId: await required(trx, 'MultiDatastream', input, context) },
      ])
    : await recordObservations(trx, [
        { ...values, datastreamId: await required(trx, 'Datastream', input, context) },
      ]);
  if (!outcome?.ok)
    throw new AppError(
      sensorsErrors.OBSERVATION_INVALID,
      { problem: outcome?.problem },
      { problem: outcome?.problem },
    );
  return outcome.id;
}

const creators: Record<EntityName, (trx: Executor, body: Json, context: Context) => Promise<number>> = {
  Thing: createThing,
  Location: createLocation,
  HistoricalLocation: createHistoricalLocation,
  Datastream: createDatastream,
  MultiDatastream: (trx, body, context) => createMultiDatastream(trx, body, context, { resolve, required }),
  Sensor: createSensor,
  ObservedProperty: createObservedProperty,
  Observation: createObservation,
  FeatureOfInterest: createFeatureOfInterest,
};

/** Creates an entity with everything inline in it (deep insert); the caller holds the transaction. */
export function createEntity(trx: Executor, name: EntityName, body: Json, context: Context): Promise<number> {
  return creators[name](trx, body, context);
}
