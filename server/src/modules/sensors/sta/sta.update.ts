import type { Kysely } from 'kysely';
import { AppError } from '../../../platform/http/app-error';
import { knownObservationTypes, resultProblem } from '../observation-rules';
import { refreshLatest } from '../observations.repo';
import { sensorsErrors } from '../sensors.errors';
import { entities, type EntityName } from './entities';
import { EntityInput, invalid, isObject, referenceId, representativePoint, type Json } from './entity-input';
import {
  datastreamOfObservation,
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
        'FeatureOfInterest',
      ],
      true,
    );
    const datastreamId =
      (await reference(trx, input, 'Datastream')) ?? (await datastreamOfObservation(trx, id));
    if (datastreamId === null) throw notFound('Observation', id);
    if (input.has('result')) {
      const problem = resultProblem((await observationTypeOf(trx, datastreamId)) ?? '', input.body.result);
      if (problem) throw new AppError(sensorsErrors.OBSERVATION_INVALID, { problem }, { problem });
    }
    const phenomenonTime = input.timeOrInterval('phenomenonTime');
    const validTime = input.timeOrInterval('validTime');
    const result = input.body.result;
    return {
      datastream_id: datastreamId,
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

/** PATCH (merge): changes the given properties; the caller holds the transaction. */
export async function patchEntity(trx: Executor, name: EntityName, id: number, body: Json): Promise<void> {
  const table = entities[name].table;
  if (!(await rowExists(trx, table, id))) throw notFound(name, id);
  const previousDatastream = name === 'Observation' ? await datastreamOfObservation(trx, id) : null;
  const values = await patchers[name](trx, id, body);
  await updateRow(trx, table, id, values, name !== 'Observation' && name !== 'HistoricalLocation');
  if (name === 'Observation') {
    const datastreamId = values.datastream_id as number;
    await refreshLatest(trx, datastreamId);
    if (previousDatastream !== null && previousDatastream !== datastreamId)
      await refreshLatest(trx, previousDatastream);
  }
}

/** DELETE: related rows go with it as the spec says (database cascades); the latest value is kept right. */
export async function deleteEntity(trx: Executor, name: EntityName, id: number): Promise<void> {
  const datastreamId = name === 'Observation' ? await datastreamOfObservation(trx, id) : null;
  if (!(await deleteRow(trx, entities[name].table, id))) throw notFound(name, id);
  if (datastreamId !== null) await refreshLatest(trx, datastreamId);
}
