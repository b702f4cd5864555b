import type { Kysely } from 'kysely';
import {
  recordObservations,
  type ObservationInput,
  type ObservationOutcome,
  type ObservationValues,
} from '../observations.service';
import { recordMultiObservations, type MultiObservationInput } from './multi-observations';
import { invalid, isObject, parseInstant, referenceId } from './entity-input';
import { defined } from '../defined';

const COMPONENTS = new Set([
  'phenomenonTime',
  'result',
  'resultTime',
  'resultQuality',
  'validTime',
  'parameters',
  'FeatureOfInterest/id',
]);

/** The stream a block's rows go to: a Datastream, or a MultiDatastream (results are arrays). */
interface Stream {
  readonly multi: boolean;
  readonly id: number;
}

type Feature = { readonly featureOfInterestId: number | null };

interface Block {
  readonly stream: Stream;
  readonly components: readonly string[];
  readonly rows: readonly unknown[];
}

function readBlock(value: unknown, index: number): Block {
  const where = `CreateObservations[${index}]`;
  if (!isObject(value))
    throw invalid(
      `${where} must be an object with Datastream (or MultiDatastream), components and dataArray`,
    );
  const multi = 'MultiDatastream' in value;
  if (multi && 'Datastream' in value) throw invalid(`${where} names a Datastream and a MultiDatastream`);
  const name = multi ? 'MultiDatastream' : 'Datastream';
  const reference = value[name];
  const id = isObject(reference) ? referenceId(reference) : null;
  if (id === null) throw invalid(`${where}.${name} must be {"@iot.id": …}`);
  const { components, dataArray } = value;
  if (
    !Array.isArray(components) ||
    !components.every((name) => typeof name === 'string' && COMPONENTS.has(name))
  )
    throw invalid(`${where}.components must list names among ${[...COMPONENTS].join(', ')}`);
  if (!components.includes('phenomenonTime') || !components.includes('result'))
    throw invalid(`${where}.components must contain phenomenonTime and result`);
  if (!Array.isArray(dataArray)) throw invalid(`${where}.dataArray must be an array of rows`);
  return { stream: { multi, id }, components: components as string[], rows: dataArray };
}

function splitTime(value: unknown, what: string): { start: Date; end: Date | null } {
  if (typeof value !== 'string') throw invalid(`${what} must be a time`);
  const slash = value.indexOf('/');
  if (slash < 0) return { start: parseInstant(value, what), end: null };
  return {
    start: parseInstant(value.slice(0, slash), what),
    end: parseInstant(value.slice(slash + 1), what),
  };
}

/**
 * Reads the rows of one block as observations (null for a row that cannot even be read). The
 * position of each component is looked up once per block, not once per row.
 */
function readRows(block: Block): ({ stream: Stream; values: ObservationValues & Feature } | null)[] {
  const { stream, components } = block;
  const at = (name: string): number => components.indexOf(name);
  const [phenomenonAt, resultAt, resultTimeAt, qualityAt, validAt, parametersAt, featureAt] = [
    at('phenomenonTime'),
    at('result'),
    at('resultTime'),
    at('resultQuality'),
    at('validTime'),
    at('parameters'),
    at('FeatureOfInterest/id'),
  ];
  // An absent component, or a null value in the row, reads as null.
  const optional = (row: unknown[], index: number): unknown => (index < 0 ? null : (row[index] ?? null));
  const readRow = (row: unknown): ObservationValues & Feature => {
    if (!Array.isArray(row) || row.length !== components.length)
      throw invalid(`each row has ${components.length} values`);
    const phenomenon = splitTime(row[phenomenonAt], 'phenomenonTime');
    const valid = optional(row, validAt);
    const validTime = valid === null ? null : splitTime(valid, 'validTime');
    const feature = optional(row, featureAt);
    const featureId = feature === null ? null : Number(feature);
    if (featureId !== null && !Number.isSafeInteger(featureId))
      throw invalid('FeatureOfInterest/id is not an id');
    const parameters = optional(row, parametersAt);
    if (parameters !== null && !isObject(parameters)) throw invalid('parameters must be an object');
    const resultTime = optional(row, resultTimeAt);
    return {
      phenomenonTime: phenomenon.start,
      phenomenonTimeEnd: phenomenon.end,
      resultTime: resultTime === null ? null : parseInstant(resultTime, 'resultTime'),
      result: row[resultAt],
      resultQuality: optional(row, qualityAt),
      validTime: validTime?.end ? { start: validTime.start, end: validTime.end } : null,
      parameters,
      featureOfInterestId: featureId,
    };
  };
  return block.rows.map((row) => {
    try {
      return { stream, values: readRow(row) };
    } catch {
      return null;
    }
  });
}

/**
 * The Data Array extension's CreateObservations: every good row is stored (one batch per kind of
 * stream), and the answer lists, in request order, each new Observation's selfLink or "error".
 */
export async function createObservations(
  executor: Kysely<unknown>,
  body: unknown,
  selfLinkOf: (id: number) => string,
): Promise<string[]> {
  if (!Array.isArray(body)) throw invalid('CreateObservations expects a JSON array of dataArray blocks');
  const parsed = body.map(readBlock).flatMap(readRows);
  const single: ObservationInput[] = [];
  const multi: MultiObservationInput[] = [];
  for (const row of parsed) {
    if (row?.stream.multi) multi.push({ ...row.values, multiDatastreamId: row.stream.id });
    else if (row) single.push({ ...row.values, datastreamId: row.stream.id });
  }
  const outcomes = {
    single: await recordObservations(executor, single),
    multi: await recordMultiObservations(executor, multi),
  };
  const next = { single: 0, multi: 0 };
  return parsed.map((row) => {
    if (row === null) return 'error';
    const kind = row.stream.multi ? 'multi' : 'single';
    const outcome: ObservationOutcome = defined(outcomes[kind][next[kind]++], 'outcome');
    return outcome.ok ? selfLinkOf(outcome.id) : 'error';
  });
}
