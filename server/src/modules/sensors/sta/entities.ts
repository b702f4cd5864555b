import { sql, type RawBuilder } from 'kysely';

export type EntityName =
  | 'Thing'
  | 'Location'
  | 'HistoricalLocation'
  | 'Datastream'
  | 'MultiDatastream'
  | 'Sensor'
  | 'ObservedProperty'
  | 'Observation'
  | 'FeatureOfInterest';

/**
 * How a property behaves in $filter and $orderby:
 *  - id, string, datetime: one column of that type;
 *  - interval: a [start, end] pair of columns, compared by its start;
 *  - json: a jsonb column whose sub-paths can be filtered (properties/owner);
 *  - geometry: a GeoJSON column with latitude/longitude columns for geo functions;
 *  - result: an observation's result (result_number when numeric, else result_json).
 */
export type PropertyKind = 'id' | 'string' | 'datetime' | 'interval' | 'json' | 'geometry' | 'result';

export interface PropertyDefinition {
  readonly kind: PropertyKind;
  readonly column: string;
  /** The end column of an interval. */
  readonly endColumn?: string;
}

export interface RelationDefinition {
  readonly target: EntityName;
  readonly many: boolean;
  /** The condition linking a row of the owning entity (alias `outer`) to a target row (`inner`). */
  join(outer: string, inner: string): RawBuilder<unknown>;
  /** The target's place among the owner's (a MultiDatastream's ordered ObservedProperties). */
  position?(outer: string, inner: string): RawBuilder<unknown>;
  /**
   * The owner's column holding the target's id, when it may be null (an Observation has a Datastream
   * or a MultiDatastream): no navigation link is shown when it is.
   */
  readonly nullableColumn?: string;
}

export interface EntityDefinition {
  readonly name: EntityName;
  readonly setName: string;
  readonly table: string;
  readonly properties: Readonly<Record<string, PropertyDefinition>>;
  readonly relations: Readonly<Record<string, RelationDefinition>>;
}

/** `alias.column` as a quoted identifier; both parts come from this file, never from a request. */
export function columnRef(alias: string, column: string): RawBuilder<unknown> {
  return sql.ref(`${alias}.${column}`);
}

function foreignKey(column: string, target: EntityName, many: boolean, side: 'outer' | 'inner') {
  return {
    target,
    many,
    join: (outer: string, inner: string) =>
      side === 'inner'
        ? sql`${columnRef(inner, column)} = ${columnRef(outer, 'id')}`
        : sql`${columnRef(inner, 'id')} = ${columnRef(outer, column)}`,
  };
}

/** A many-to-many link through a table holding (outerColumn, innerColumn). */
function linkTable(table: string, outerColumn: string, innerColumn: string, target: EntityName) {
  return {
    target,
    many: true,
    join: (outer: string, inner: string) =>
      sql`exists (select 1 from ${sql.table(table)} link
        where link.${sql.ref(outerColumn)} = ${columnRef(outer, 'id')}
          and link.${sql.ref(innerColumn)} = ${columnRef(inner, 'id')})`,
  };
}

/** A MultiDatastream's ObservedProperties: many-to-many, kept in the order they were given. */
function orderedObservedProperties(outerColumn: 'multi_datastream_id' | 'observed_property_id') {
  const innerColumn = outerColumn === 'multi_datastream_id' ? 'observed_property_id' : 'multi_datastream_id';
  const target: EntityName = outerColumn === 'multi_datastream_id' ? 'ObservedProperty' : 'MultiDatastream';
  const table = 'sensors.multi_datastream_observed_properties';
  const link = linkTable(table, outerColumn, innerColumn, target);
  if (target !== 'ObservedProperty') return link;
  return {
    ...link,
    position: (outer: string, inner: string) =>
      sql`(select link.position from ${sql.table(table)} link
        where link.multi_datastream_id = ${columnRef(outer, 'id')}
          and link.observed_property_id = ${columnRef(inner, 'id')})`,
  };
}

const id: PropertyDefinition = { kind: 'id', column: 'id' };
const name: PropertyDefinition = { kind: 'string', column: 'name' };
const description: PropertyDefinition = { kind: 'string', column: 'description' };
const encodingType: PropertyDefinition = { kind: 'string', column: 'encoding_type' };
const properties: PropertyDefinition = { kind: 'json', column: 'properties' };

export const entities: Readonly<Record<EntityName, EntityDefinition>> = {
  Thing: {
    name: 'Thing',
    setName: 'Things',
    table: 'sensors.things',
    properties: { id, name, description, properties },
    relations: {
      Locations: linkTable('sensors.thing_locations', 'thing_id', 'location_id', 'Location'),
      HistoricalLocations: foreignKey('thing_id', 'HistoricalLocation', true, 'inner'),
      Datastreams: foreignKey('thing_id', 'Datastream', true, 'inner'),
      MultiDatastreams: foreignKey('thing_id', 'MultiDatastream', true, 'inner'),
    },
  },
  Location: {
    name: 'Location',
    setName: 'Locations',
    table: 'sensors.locations',
    properties: {
      id,
      name,
      description,
      encodingType,
      location: { kind: 'geometry', column: 'location' },
      properties,
    },
    relations: {
      Things: linkTable('sensors.thing_locations', 'location_id', 'thing_id', 'Thing'),
      HistoricalLocations: linkTable(
        'sensors.historical_location_locations',
        'location_id',
        'historical_location_id',
        'HistoricalLocation',
      ),
    },
  },
  HistoricalLocation: {
    name: 'HistoricalLocation',
    setName: 'HistoricalLocations',
    table: 'sensors.historical_locations',
    properties: { id, time: { kind: 'datetime', column: 'time' } },
    relations: {
      Thing: foreignKey('thing_id', 'Thing', false, 'outer'),
      Locations: linkTable(
        'sensors.historical_location_locations',
        'historical_location_id',
        'location_id',
        'Location',
      ),
    },
  },
  Datastream: {
    name: 'Datastream',
    setName: 'Datastreams',
    table: 'sensors.datastreams',
    properties: {
      id,
      name,
      description,
      unitOfMeasurement: { kind: 'json', column: 'unit_of_measurement' },
      observationType: { kind: 'string', column: 'observation_type' },
      observedArea: { kind: 'json', column: 'observed_area' },
      phenomenonTime: { kind: 'interval', column: 'phenomenon_time_start', endColumn: 'phenomenon_time_end' },
      resultTime: { kind: 'interval', column: 'result_time_start', endColumn: 'result_time_end' },
      properties,
    },
    relations: {
      Thing: foreignKey('thing_id', 'Thing', false, 'outer'),
      Sensor: foreignKey('sensor_id', 'Sensor', false, 'outer'),
      ObservedProperty: foreignKey('observed_property_id', 'ObservedProperty', false, 'outer'),
      Observations: foreignKey('datastream_id', 'Observation', true, 'inner'),
    },
  },
  MultiDatastream: {
    name: 'MultiDatastream',
    setName: 'MultiDatastreams',
    table: 'sensors.multi_datastreams',
    properties: {
      id,
      name,
      description,
      unitOfMeasurements: { kind: 'json', column: 'unit_of_measurements' },
      observationType: { kind: 'string', column: 'observation_type' },
      multiObservationDataTypes: { kind: 'json', column: 'multi_observation_data_types' },
      observedArea: { kind: 'json', column: 'observed_area' },
      phenomenonTime: { kind: 'interval', column: 'phenomenon_time_start', endColumn: 'phenomenon_time_end' },
      resultTime: { kind: 'interval', column: 'result_time_start', endColumn: 'result_time_end' },
      properties,
    },
    relations: {
      Thing: foreignKey('thing_id', 'Thing', false, 'outer'),
      Sensor: foreignKey('sensor_id', 'Sensor', false, 'outer'),
      ObservedProperties: orderedObservedProperties('multi_datastream_id'),
      Observations: foreignKey('multi_datastream_id', 'Observation', true, 'inner'),
    },
  },
  Sensor: {
    name: 'Sensor',
    setName: 'Sensors',
    table: 'sensors.sensors',
    properties: {
      id,
      name,
      description,
      encodingType,
      metadata: { kind: 'string', column: 'metadata' },
      properties,
    },
    relations: {
      Datastreams: foreignKey('sensor_id', 'Datastream', true, 'inner'),
      MultiDatastreams: foreignKey('sensor_id', 'MultiDatastream', true, 'inner'),
    },
  },
  ObservedProperty: {
    name: 'ObservedProperty',
    setName: 'ObservedProperties',
    table: 'sensors.observed_properties',
    properties: { id, name, definition: { kind: 'string', column: 'definition' }, description, properties },
    relations: {
      Datastreams: foreignKey('observed_property_id', 'Datastream', true, 'inner'),
      MultiDatastreams: orderedObservedProperties('observed_property_id'),
    },
  },
  Observation: {
    name: 'Observation',
    setName: 'Observations',
    table: 'sensors.observations',
    properties: {
      id,
      phenomenonTime: { kind: 'interval', column: 'phenomenon_time', endColumn: 'phenomenon_time_end' },
      resultTime: { kind: 'datetime', column: 'result_time' },
      result: { kind: 'result', column: 'result_number' },
      resultQuality: { kind: 'json', column: 'result_quality' },
      validTime: { kind: 'interval', column: 'valid_time_start', endColumn: 'valid_time_end' },
      parameters: { kind: 'json', column: 'parameters' },
    },
    relations: {
      Datastream: {
        ...foreignKey('datastream_id', 'Datastream', false, 'outer'),
        nullableColumn: 'datastream_id',
      },
      MultiDatastream: {
        ...foreignKey('multi_datastream_id', 'MultiDatastream', false, 'outer'),
        nullableColumn: 'multi_datastream_id',
      },
      FeatureOfInterest: foreignKey('feature_of_interest_id', 'FeatureOfInterest', false, 'outer'),
    },
  },
  FeatureOfInterest: {
    name: 'FeatureOfInterest',
    setName: 'FeaturesOfInterest',
    table: 'sensors.features_of_interest',
    properties: {
      id,
      name,
      description,
      encodingType,
      feature: { kind: 'geometry', column: 'feature' },
      properties,
    },
    relations: { Observations: foreignKey('feature_of_interest_id', 'Observation', true, 'inner') },
  },
};

/** Entity sets by their URL name (Things, Datastreams, …). */
export const entitiesBySetName: ReadonlyMap<string, EntityDefinition> = new Map(
  Object.values(entities).map((entity) => [entity.setName, entity]),
);
