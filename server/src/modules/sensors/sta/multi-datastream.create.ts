import type { Kysely } from 'kysely';
import { defined } from '../defined';
import type { EntityName } from './entities';
import { EntityInput, type Json } from './entity-input';
import {
  checkArity,
  checkDistinct,
  complexObservationType,
  dataTypesOf,
  unitsOf,
} from './multi-datastream.input';
import { linkObservedProperties } from './multi-observations.repo';
import { insertRow, jsonb } from './sta.write.repo';

type Executor = Kysely<unknown>;
type Context = Partial<Record<string, number>>;

/** Links to an existing entity or creates the inline one (`value`), or takes the parent's id (`required`). */
export interface Linkers {
  resolve(trx: Executor, name: EntityName, value: unknown, context: Context): Promise<number>;
  required(trx: Executor, name: EntityName, input: EntityInput, context: Context): Promise<number>;
}

/**
 * Creates a MultiDatastream (deep insert included). `links` are the creator's resolve/required
 * (sta.create.ts), handed in because they dispatch back to every entity's creator.
 */
export async function createMultiDatastream(
  trx: Executor,
  body: Json,
  context: Context,
  links: Linkers,
): Promise<number> {
  const { resolve, required } = links;
  const input = new EntityInput(body, 'MultiDatastream', [
    'name',
    'description',
    'unitOfMeasurements',
    'observationType',
    'multiObservationDataTypes',
    'observedArea',
    'phenomenonTime',
    'resultTime',
    'properties',
    'Thing',
    'Sensor',
    'ObservedProperties',
    'Observations',
  ]);
  const observationType = complexObservationType(input);
  const units = defined(unitsOf(input, true), 'unitOfMeasurements');
  const dataTypes = defined(dataTypesOf(input, true), 'multiObservationDataTypes');
  const listed = input.array('ObservedProperties');
  const parentProperty = context.ObservedProperty;
  // POST ObservedProperties(n)/MultiDatastreams: that property takes the first position unless listed.
  const propertyIds: number[] = [];
  for (const property of listed) propertyIds.push(await resolve(trx, 'ObservedProperty', property, {}));
  if (parentProperty !== undefined && !propertyIds.includes(parentProperty))
    propertyIds.unshift(parentProperty);
  checkArity(units.length, dataTypes.length, propertyIds.length);
  checkDistinct(propertyIds);
  const phenomenonTime = input.timeOrInterval('phenomenonTime');
  const resultTime = input.timeOrInterval('resultTime');
  const id = await insertRow(trx, 'sensors.multi_datastreams', {
    name: input.string('name'),
    description: input.string('description'),
    observation_type: observationType,
    unit_of_measurements: jsonb(units),
    multi_observation_data_types: jsonb(dataTypes),
    observed_area: jsonb(input.object('observedArea')),
    phenomenon_time_start: phenomenonTime?.start.toISOString(),
    phenomenon_time_end: (phenomenonTime?.end ?? phenomenonTime?.start)?.toISOString(),
    result_time_start: resultTime?.start.toISOString(),
    result_time_end: (resultTime?.end ?? resultTime?.start)?.toISOString(),
    properties: jsonb(input.object('properties')),
    thing_id: await required(trx, 'Thing', input, context),
    sensor_id: await required(trx, 'Sensor', input, context),
  });
  await linkObservedProperties(trx, id, propertyIds, false);
  for (const observation of input.array('Observations'))
    await resolve(trx, 'Observation', observation, { MultiDatastream: id });
  return id;
}
