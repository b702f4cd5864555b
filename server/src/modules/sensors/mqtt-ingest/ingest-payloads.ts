import { AppError } from '../../../platform/http/app-error';
import type { ObservationInput } from '../observations.service';
import { EntityInput, isObject, parseInstant, referenceId, type Json } from '../sta/entity-input';
import type { CreateTarget } from './ingest-topics';

/** The largest payload read; a bigger one is malformed (a plain list of 1,000 readings is ~50 KiB). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** The most readings in one plain JSON message. */
export const MAX_PLAIN_READINGS = 1000;

/** What one message asks to store: readable rows, and why the unreadable items were dropped. */
export interface ParsedMessage {
  readonly rows: readonly ObservationInput[];
  readonly problems: readonly string[];
}

const OBSERVATION_FIELDS = [
  'phenomenonTime',
  'resultTime',
  'result',
  'resultQuality',
  'validTime',
  'parameters',
  'Datastream',
  'FeatureOfInterest',
];

function problemOf(error: unknown): string {
  if (error instanceof AppError && typeof error.details.problem === 'string') return error.details.problem;
  return error instanceof Error ? error.message : String(error);
}

function readJson(payload: Buffer): { value: unknown } | { problem: string } {
  if (payload.length > MAX_PAYLOAD_BYTES)
    return { problem: `payload larger than ${MAX_PAYLOAD_BYTES} bytes` };
  try {
    return { value: JSON.parse(payload.toString('utf8')) as unknown };
  } catch {
    return { problem: 'payload is not JSON' };
  }
}

/** An id from `{"@iot.id": n}`, null when absent; throws when it is not a reference. */
function linkedId(input: EntityInput, name: string): number | null {
  const related = input.related(name);
  if (related === undefined) return null;
  const id = referenceId(related);
  if (id === null)
    throw new Error(`${name} must be a reference {"@iot.id": …}; create new entities over HTTP`);
  return id;
}

function readObservation(body: Json, target: Exclude<CreateTarget, { problem: string }>): ObservationInput {
  const input = new EntityInput(body, 'Observation', OBSERVATION_FIELDS);
  const bodyDatastream = linkedId(input, 'Datastream');
  const bodyFeature = linkedId(input, 'FeatureOfInterest');
  if (target.datastreamId !== null && bodyDatastream !== null && bodyDatastream !== target.datastreamId)
    throw new Error('the Datastream in the payload is not the one in the topic');
  const datastreamId = target.datastreamId ?? bodyDatastream;
  if (datastreamId === null) throw new Error('Observation.Datastream is required: {"@iot.id": …}');
  const phenomenonTime = input.timeOrInterval('phenomenonTime');
  const validTime = input.timeOrInterval('validTime');
  if (validTime && !validTime.end) throw new Error('Observation.validTime must be an interval "start/end"');
  return {
    datastreamId,
    phenomenonTime: phenomenonTime?.start ?? null,
    phenomenonTimeEnd: phenomenonTime?.end ?? null,
    resultTime: input.time('resultTime') ?? null,
    result: input.body.result,
    resultQuality: input.body.resultQuality ?? null,
    validTime: validTime?.end ? { start: validTime.start, end: validTime.end } : null,
    parameters: (input.object('parameters') as Record<string, unknown> | null | undefined) ?? null,
    featureOfInterestId: target.featureOfInterestId ?? bodyFeature,
  };
}

/** An Observation in STA JSON, as published to an STA create topic (one per message, as the spec has it). */
export function parseStaObservation(payload: Buffer, target: CreateTarget): ParsedMessage {
  if ('problem' in target) return { rows: [], problems: [target.problem] };
  const json = readJson(payload);
  if ('problem' in json) return { rows: [], problems: [json.problem] };
  if (!isObject(json.value)) return { rows: [], problems: ['an Observation must be a JSON object'] };
  try {
    return { rows: [readObservation(json.value, target)], problems: [] };
  } catch (error) {
    return { rows: [], problems: [problemOf(error)] };
  }
}

function readReading(item: unknown, datastreamId: number): ObservationInput {
  if (!isObject(item)) throw new Error('a reading must be an object {"t": time?, "v": value}');
  for (const key of Object.keys(item))
    if (key !== 't' && key !== 'v' && key !== 'p') throw new Error(`a reading has no field '${key}'`);
  if (!('v' in item)) throw new Error('a reading needs "v"');
  const parameters = item.p ?? null;
  if (parameters !== null && !isObject(parameters)) throw new Error('"p" must be an object');
  return {
    datastreamId,
    phenomenonTime: item.t === undefined || item.t === null ? null : parseInstant(item.t, '"t"'),
    result: item.v,
    parameters,
  };
}

/** The plain JSON format: `{"t": iso?, "v": value, "p": {…}?}` or a list of them. */
export function parsePlainReadings(payload: Buffer, datastreamId: number): ParsedMessage {
  const json = readJson(payload);
  if ('problem' in json) return { rows: [], problems: [json.problem] };
  const items = Array.isArray(json.value) ? json.value : [json.value];
  if (items.length > MAX_PLAIN_READINGS)
    return { rows: [], problems: [`more than ${MAX_PLAIN_READINGS} readings in one message`] };
  const rows: ObservationInput[] = [];
  const problems: string[] = [];
  for (const item of items) {
    try {
      rows.push(readReading(item, datastreamId));
    } catch (error) {
      problems.push(problemOf(error));
    }
  }
  return { rows, problems };
}
