import { knownObservationTypes } from '../observation-rules';
import { invalid, isObject, type EntityInput, type Json } from './entity-input';

/** The only observationType a MultiDatastream has (OGC 18-088, 8.3.1). */
export const COMPLEX_OBSERVATION =
  'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation';

/** observationType may be left out; when given it must be OM_ComplexObservation. */
export function complexObservationType(input: EntityInput): string {
  const observationType = input.string('observationType', true);
  if (observationType !== undefined && observationType !== COMPLEX_OBSERVATION)
    throw invalid(`MultiDatastream.observationType must be ${COMPLEX_OBSERVATION}`);
  return COMPLEX_OBSERVATION;
}

/** unitOfMeasurements: a non-empty array of objects (one per ObservedProperty). */
export function unitsOf(input: EntityInput, required: boolean): Json[] | undefined {
  const value = input.body.unitOfMeasurements;
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every(isObject))
    throw invalid(
      'MultiDatastream.unitOfMeasurements must be a non-empty array of unitOfMeasurement objects',
    );
  return value;
}

/** multiObservationDataTypes: a non-empty array of OGC O&M 2.0 observation type URIs. */
export function dataTypesOf(input: EntityInput, required: boolean): string[] | undefined {
  const value = input.body.multiObservationDataTypes;
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value) || value.length === 0)
    throw invalid('MultiDatastream.multiObservationDataTypes must be a non-empty array of observation types');
  for (const type of value)
    if (typeof type !== 'string' || !knownObservationTypes.includes(type))
      throw invalid(
        `MultiDatastream.multiObservationDataTypes: ${JSON.stringify(type)} is not an OGC O&M 2.0 observation type`,
      );
  return value as string[];
}

/** The three lists describe the same ObservedProperties, position by position. */
export function checkArity(units: number, dataTypes: number, observedProperties: number): void {
  if (units !== dataTypes || units !== observedProperties)
    throw invalid(
      `a MultiDatastream needs as many unitOfMeasurements (${units}) and multiObservationDataTypes ` +
        `(${dataTypes}) as ObservedProperties (${observedProperties})`,
    );
}

/** An ObservedProperty may hold one position only: its values would be ambiguous otherwise. */
export function checkDistinct(observedPropertyIds: readonly number[]): void {
  if (new Set(observedPropertyIds).size !== observedPropertyIds.length)
    throw invalid('a MultiDatastream lists each ObservedProperty once');
}
