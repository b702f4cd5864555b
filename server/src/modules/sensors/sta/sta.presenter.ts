import type { EntityDefinition, EntityName } from './entities';
import type { Row } from './sta.read.repo';

/** Where the STA lives; every link is absolute, as the spec's examples are. */
export interface StaLinks {
  readonly base: string;
}

export function selfLink(links: StaLinks, entity: EntityDefinition, id: unknown): string {
  return `${links.base}/${entity.setName}(${String(id)})`;
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** An instant, or an ISO 8601 interval "start/end" when the end is set. */
function timeValue(start: unknown, end: unknown): string | null {
  const from = iso(start);
  const to = iso(end);
  if (!from) return null;
  return to && to !== from ? `${from}/${to}` : from;
}

function optional(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== null && value !== undefined),
  );
}

/** The result as it was sent: a number from result_number, anything else from result_json. */
export function resultOf(row: Row): unknown {
  return row.result_number !== null && row.result_number !== undefined
    ? row.result_number
    : (row.result_json ?? null);
}

const propertiesOf: Record<EntityName, (row: Row) => Record<string, unknown>> = {
  Thing: (row) => ({
    name: row.name,
    description: row.description,
    ...optional({ properties: row.properties }),
  }),
  Location: (row) => ({
    name: row.name,
    description: row.description,
    encodingType: row.encoding_type,
    location: row.location,
    ...optional({ properties: row.properties }),
  }),
  HistoricalLocation: (row) => ({ time: iso(row.time) }),
  Datastream: (row) => ({
    name: row.name,
    description: row.description,
    unitOfMeasurement: row.unit_of_measurement,
    observationType: row.observation_type,
    ...optional({
      observedArea: row.observed_area,
      phenomenonTime: timeValue(row.phenomenon_time_start, row.phenomenon_time_end),
      resultTime: timeValue(row.result_time_start, row.result_time_end),
      properties: row.properties,
    }),
  }),
  MultiDatastream: (row) => ({
    name: row.name,
    description: row.description,
    unitOfMeasurements: row.unit_of_measurements,
    observationType: row.observation_type,
    multiObservationDataTypes: row.multi_observation_data_types,
    ...optional({
      observedArea: row.observed_area,
      phenomenonTime: timeValue(row.phenomenon_time_start, row.phenomenon_time_end),
      resultTime: timeValue(row.result_time_start, row.result_time_end),
      properties: row.properties,
    }),
  }),
  Sensor: (row) => ({
    name: row.name,
    description: row.description,
    encodingType: row.encoding_type,
    metadata: row.metadata,
    ...optional({ properties: row.properties }),
  }),
  ObservedProperty: (row) => ({
    name: row.name,
    definition: row.definition,
    description: row.description,
    ...optional({ properties: row.properties }),
  }),
  Observation: (row) => ({
    phenomenonTime: timeValue(row.phenomenon_time, row.phenomenon_time_end),
    resultTime: iso(row.result_time),
    result: resultOf(row),
    ...optional({
      resultQuality: row.result_quality,
      validTime: row.valid_time_start ? `${iso(row.valid_time_start)}/${iso(row.valid_time_end)}` : null,
      parameters: row.parameters,
    }),
  }),
  FeatureOfInterest: (row) => ({
    name: row.name,
    description: row.description,
    encodingType: row.encoding_type,
    feature: row.feature,
    ...optional({ properties: row.properties }),
  }),
};

/** The STA properties of a row, without control information (used for property paths too). */
export function entityProperties(entity: EntityDefinition, row: Row): Record<string, unknown> {
  return { id: row.id, ...propertiesOf[entity.name](row) };
}

/**
 * One entity in STA JSON: control information (@iot.id, @iot.selfLink, navigation links), then its
 * properties, narrowed by $select when given. Expanded relations are added by the caller.
 */
export function presentEntity(
  links: StaLinks,
  entity: EntityDefinition,
  row: Row,
  select: readonly string[] | null,
): Record<string, unknown> {
  const wanted = (name: string) => select === null || select.includes(name);
  const link = selfLink(links, entity, row.id);
  const body: Record<string, unknown> = {};
  if (wanted('id')) body['@iot.id'] = row.id;
  if (wanted('@iot.selfLink')) body['@iot.selfLink'] = link;
  for (const [name, value] of Object.entries(propertiesOf[entity.name](row)))
    if (select === null ? true : select.includes(name)) body[name] = value;
  for (const [relation, definition] of Object.entries(entity.relations)) {
    const absent = definition.nullableColumn !== undefined && row[definition.nullableColumn] === null;
    if (wanted(relation) && !absent) body[`${relation}@iot.navigationLink`] = `${link}/${relation}`;
  }
  return body;
}

export function presentRef(links: StaLinks, entity: EntityDefinition, row: Row): Record<string, unknown> {
  return { '@iot.selfLink': selfLink(links, entity, row.id) };
}

const DATA_ARRAY_COMPONENTS = [
  'id',
  'phenomenonTime',
  'resultTime',
  'result',
  'resultQuality',
  'validTime',
  'parameters',
];

/**
 * Observations in the Data Array format: one block per Datastream or MultiDatastream, rows in the
 * order read.
 */
export function presentDataArray(
  links: StaLinks,
  streams: { readonly datastream: EntityDefinition; readonly multiDatastream: EntityDefinition },
  observation: EntityDefinition,
  rows: readonly Row[],
  select: readonly string[] | null,
): Record<string, unknown>[] {
  const components = (select ?? ['id', 'phenomenonTime', 'resultTime', 'result']).filter((name) =>
    DATA_ARRAY_COMPONENTS.includes(name),
  );
  const blocks = new Map<string, { linkName: string; rows: unknown[][] }>();
  for (const row of rows) {
    const properties = entityProperties(observation, row);
    const multi = row.datastream_id === null || row.datastream_id === undefined;
    const stream = multi
      ? selfLink(links, streams.multiDatastream, row.multi_datastream_id)
      : selfLink(links, streams.datastream, row.datastream_id);
    const linkName = multi ? 'MultiDatastream@iot.navigationLink' : 'Datastream@iot.navigationLink';
    const block = blocks.get(stream) ?? { linkName, rows: [] };
    block.rows.push(components.map((name) => properties[name] ?? null));
    blocks.set(stream, block);
  }
  return [...blocks].map(([stream, { linkName, rows: dataArray }]) => ({
    [linkName]: stream,
    components,
    'dataArray@iot.count': dataArray.length,
    dataArray,
  }));
}
