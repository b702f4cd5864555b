import type { Kysely } from 'kysely';
import { AppError } from '../../../platform/http/app-error';
import { knownObservationTypes, resultProblem } from '../observation-rules';
import { refreshLatest } from '../observations.repo';
import { sensorsErrors } from '../sensors.errors';
import { defined } from '../defined';
import { entities, type EntityName } from './entities';
import { EntityInput, invalid, isObject, referenceId, representativePoint, type Json } from './entity-input';
import { checkDistinct, complexObservationType, dataTypesOf, unitsOf } from './multi-datastream.input';
import { multiResultProblem } from './multi-observations';
import {
  linkObservedProperties,
  multiDatastreamShape,
  refreshMultiLatest,
  streamOfObservation,
} from './multi-observations.repo';
import {
  deleteRow,
  jsonb,
  linkThingToLocations,
  observationTypeOf,
  rowExists,
  updateRow,
  type ColumnValues,
} from './sta.write.repo';

type Executor = Kysely<unknown>;

function notFound(name: EntityName, id: number): AppError {
  const problem = `${entities[name].setName}(${id})`;
  return new AppError(sensorsErrors.ENTITY_NOT_FOUND, { problem }, { problem });
}

/** A PATCH may re-link to an existing entity, not create one inline. */
async function reference(trx: Executor, input: EntityInput, name: EntityName): Promise<number | undefined> {
  const value = input.related(name);
  if (value === undefined) return undefined;
  const id = isObject(value) ? referenceId(value) : null;
  if (id === null) throw invalid(`${input.entityName}.${name} in a PATCH must be {"@iot.id": …}`);
  if (!(await rowExists(trx, entities[name].table, id)))
    throw invalid(`${entities[name].setName}(${id}) does not exist`);
  return id;
}

function common(input: EntityInput): ColumnValues {
  return {
    name: input.string('name', true),
    description: input.string('description', true),
    properties: input.has('properties') ? jsonb(input.object('properties')) : undefined,
  };
}

function geometryColumns(input: EntityInput, field: string, entity: string): ColumnValues {
  const encodingType = input.string('encodingType', true);
  if (
    encodingType !== undefined &&
    !['application/geo+json', 'application/vnd.geo+json'].includes(encodingType)
  )
    throw invalid(`${entity}.encodingType must be application/geo+json`);
  const value = input.object(field);
  if (!value) return { encoding_type: encodingType };
  const point = representativePoint(value, `${entity}.${field}`);
  return {
    encoding_type: encodingType,
    [field]: jsonb(value),
    latitude: point.latitude,
    longitude: point.longitude,
  };
}

type Patcher = (trx: Executor, id: number, body: Json) => Promise<ColumnValues>;

const patchers: Record<EntityName, Patcher> = {
  Thing: async (trx, id, body) => {
    const input = new EntityInput(body, 'Thing', ['name', 'description', 'properties', 'Locations'], true);
    if (input.has('Locations')) {
      const ids: number[] = [];
      for (const location of input.array('Locations')) {
        const locationId = isObject(location) ? referenceId(location) : null;
        if (locationId === null || !(await rowExists(trx, 'sensors.locations', locationId)))
          throw invalid('Thing.Locations in a PATCH must list existing Locations as {"@iot.id": …}');
        ids.push(locationId);
      }
      await linkThingToLocations(trx, id, ids, true);
    }
    return common(input);
  },
  Location: async (_trx, _id, body) => {
    const input = new EntityInput(
      body,
      'Location',
      ['name', 'description', 'encodingType', 'location', 'properties'],
      true,
    );
    return { ...common(input), ...geometryColumns(input, 'location', 'Location') };
  },
  HistoricalLocation: async (trx, _id, body) => {
    const input = new EntityInput(body, 'HistoricalLocation', ['time', 'Thing'], true);
    return { time: input.time('time')?.toISOString(), thing_id: await reference(trx, input, 'Thing') };
  },
  Datastream: async (trx, _id, body) => {
    const input = new EntityInput(
      body,
      'Datastream',
      [
        'name',
        'description',
        'unitOfMeasurement',
        'observationType',
        'observedArea',
        'properties',
        'Thing',
        'Sensor',
        'ObservedProperty',
      ],
      true,
    );
    const observationType = input.string('observationType', true);
    if (observationType !== undefined && !knownObservationTypes.includes(observationType))
      throw invalid(`Datastream.observationType '${observationType}' is not an OGC O&M 2.0 observation type`);
    const unit = input.object('unitOfMeasurement');
    return {
      ...common(input),
      observation_type: observationType,
      unit_of_measurement: unit ? jsonb(unit) : undefined,
      observed_area: input.has('observedArea') ? jsonb(input.object('observedArea')) : undefined,
      thing_id: await reference(trx, input, 'Thing'),
      sensor_id: await reference(trx, input, 'Sensor'),
      observed_property_id: await reference(trx, input, 'ObservedProperty'),
    };
  },
  MultiDatastream: async (trx, id, body) => {
    const input = new EntityInput(
      body,
      'MultiDatastream',
      [
        'name',
        'description',
        'unitOfMeasurements',
        'observationType',
        'multiObservationDataTypes',
        'observedArea',
        'properties',
        'Thing',
        'Sensor',
        'ObservedProperties',
      ],
      true,
    );
    if (input.has('observationType')) complexObservationType(input);
    const units = unitsOf(input, false);
    const dataTypes = dataTypesOf(input, false);
    const properties = input.has('ObservedProperties') ? await references(trx, input) : undefined;
    // Stored results have one value per position: the number of positions is fixed at creation.
    const { arity } = defined(await multiDatastreamShape(trx, id), 'MultiDatastream');
    for (const given of [units, dataTypes, properties])
      if (given && given.length !== arity)
        throw invalid(
          `a MultiDatastream keeps the ${arity} ObservedProperties its observations have values for`,
        );
    if (properties) {
      checkDistinct(properties);
      await linkObservedProperties(trx, id, properties, true);
    }
    return {
      ...common(input),
      unit_of_measurements: units ? jsonb(units) : undefined,
      multi_observation_data_types: dataTypes ? jsonb(dataTypes) : undefined,
      observed_area: input.has('observedArea') ? jsonb(input.object('observedArea')) : undefined,
      thing_id: await reference(trx, input, 'Thing'),
      sensor_id: await reference(trx, input, 'Sensor'),
    };
  },
  Sensor: async (_trx, _id, body) => {
    const input = new EntityInput(
      body,
      'Sensor',
      ['name', 'description', 'encodingType', 'metadata', 'properties'],
      true,
    );
    const metadata = input.body.metadata;
    return {
      ...common(input),
      encoding_type: input.string('encodingType', true),
      metadata: metadata === undefined || typeof metadata === 'string' ? metadata : JSON.stringify(metadata),
    };
  },
  ObservedProperty: async (_trx, _id, body) => {
    const input = new EntityInput(
      body,
      'ObservedProperty',
      ['name', 'definition', 'description', 'properties'],
      true,
    );
    return { ...common(input), definition: input.string('definition', true) };
  },
  FeatureOfInterest: async (_trx, _id, body) => {
    const input = new EntityInput(
      body,
      'FeatureOfInterest',
      ['name', 'description', 'encodingType', 'feature', 'properties'],
      true,
    );
    return { ...common(input), ...geometryColumns(input, 'feature', 'FeatureOfInterest') };
  },
  Observation: async (trx, id, body) => {
    const input = new EntityInput(
      body,
      'Observation',
      [
        'phenomenonTime',
        'resultTime',
        'result',
        'resultQuality',
        'validTime',
        'parameters',
        'Datastream',
        'MultiDatastream',
        'FeatureOfInterest',
      ],
      true,
    );
    const stream = await observationStream(trx, id, input);
    // A result that moves to another MultiDatastream must fit it too (its positions may differ).
    if (input.has('result') || stream.moved) {
      const result = input.has('result') ? input.body.result : stream.result;
      const problem =
        stream.multiDatastreamId !== null
          ? multiResultProblem(
              (await multiDatastreamShape(trx, stream.multiDatastreamId))?.dataTypes ?? [],
              result,
            )
          : resultProblem((await observationTypeOf(trx, stream.datastreamId ?? 0)) ?? '', result);
      if (problem) throw new AppError(sensorsErrors.OBSERVATION_INVALID, { problem }, { problem });
    }
    const phenomenonTime = input.timeOrInterval('phenomenonTime');
    const validTime = input.timeOrInterval('validTime');
    const result = input.body.result;
    return {
      datastream_id: stream.datastreamId ?? undefined,
      multi_datastream_id: stream.multiDatastreamId ?? undefined,
      phenomenon_time: phenomenonTime?.start.toISOString(),
      phenomenon_time_end: phenomenonTime ? (phenomenonTime.end?.toISOString() ?? null) : undefined,
      result_time: input.has('resultTime') ? (input.time('resultTime')?.toISOString() ?? null) : undefined,
      result_number: input.has('result') ? (typeof result === 'number' ? result : null) : undefined,
      result_json: input.has('result') ? (typeof result === 'number' ? null : jsonb(result)) : undefined,
      result_quality: input.has('resultQuality') ? jsonb(input.body.resultQuality) : undefined,
      valid_time_start: validTime?.start.toISOString(),
      valid_time_end: validTime ? (validTime.end?.toISOString() ?? null) : undefined,
      parameters: input.has('parameters') ? jsonb(input.object('parameters')) : undefined,
      feature_of_interest_id: await reference(trx, input, 'FeatureOfInterest'),
    };
  },
};

type Stream = { datastreamId: number | null; multiDatastreamId: number | null };

/**
 * The stream a patched Observation will belong to: the one it has, or another of the same kind. It
 * cannot move between a Datastream and a MultiDatastream (its result would not fit).
 */
async function observationStream(
  trx: Executor,
  id: number,
  input: EntityInput,
): Promise<Stream & { moved: boolean; result: unknown }> {
  const current = await streamOfObservation(trx, id);
  if (!current) throw notFound('Observation', id);
  const datastreamId = await reference(trx, input, 'Datastream');
  const multiDatastreamId = await reference(trx, input, 'MultiDatastream');
  if (
    (datastreamId !== undefined && current.datastreamId === null) ||
    (multiDatastreamId !== undefined && current.multiDatastreamId === null)
  )
    throw invalid('an Observation cannot move between a Datastream and a MultiDatastream');
  const stream = {
    datastreamId: datastreamId ?? current.datastreamId,
    multiDatastreamId: multiDatastreamId ?? current.multiDatastreamId,
  };
  const moved =
    stream.datastreamId !== current.datastreamId || stream.multiDatastreamId !== current.multiDatastreamId;
  return { ...stream, moved, result: current.result };
}

/** A MultiDatastream's ObservedProperties in a PATCH: existing ones, as references, in their new order. */
async function references(trx: Executor, input: EntityInput): Promise<number[]> {
  const ids: number[] = [];
  for (const value of input.array('ObservedProperties')) {
    const id = isObject(value) ? referenceId(value) : null;
    if (id === null || !(await rowExists(trx, 'sensors.observed_properties', id)))
      throw invalid(
        'MultiDatastream.ObservedProperties in a PATCH must list existing ObservedProperties as {"@iot.id": …}',
      );
    ids.push(id);
  }
  return ids;
}

/** Keeps the latest value of each stream an observation left or joined. */
async function refreshStreams(trx: Executor, streams: readonly (Stream | null)[]): Promise<void> {
  const datastreams = new Set(streams.flatMap((s) => (s?.datastreamId == null ? [] : [s.datastreamId])));
  const multi = new Set(streams.flatMap((s) => (s?.multiDatastreamId == null ? [] : [s.multiDatastreamId])));
  for (const datastreamId of datastreams) await refreshLatest(trx, datastreamId);
  for (const multiDatastreamId of multi) await refreshMultiLatest(trx, multiDatastreamId);
}

/** PATCH (merge): changes the given properties; the caller holds the transaction. */
export async function patchEntity(trx: Executor, name: EntityName, id: number, body: Json): Promise<void> {
  const table = entities[name].table;
  if (!(await rowExists(trx, table, id))) throw notFound(name, id);
  const previous = name === 'Observation' ? await streamOfObservation(trx, id) : null;
  const values = await patchers[name](trx, id, body);
  await updateRow(trx, table, id, values, name !== 'Observation' && name !== 'HistoricalLocation');
  if (name === 'Observation') await refreshStreams(trx, [previous, await streamOfObservation(trx, id)]);
}

/** DELETE: related rows go with it as the spec says (database cascades); the latest value is kept right. */
export async function deleteEntity(trx: Executor, name: EntityName, id: number): Promise<void> {
  const stream = name === 'Observation' ? await streamOfObservation(trx, id) : null;
  if (!(await deleteRow(trx, entities[name].table, id))) throw notFound(name, id);
  await refreshStreams(trx, [stream]);
}
