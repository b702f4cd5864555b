import type { Kysely } from 'kysely';
import { DEFAULT_MAX_FUTURE_MS, resultProblem } from '../observation-rules';
import { existingFeatureIds, generateFeatures } from '../observations.repo';
import {
  nulProblem,
  timeProblem,
  type ObservationOutcome,
  type ObservationValues,
} from '../observations.service';
import { defined } from '../defined';
import {
  insertMultiObservations,
  multiDatastreamFacts,
  type MultiDatastreamFacts,
  type MultiObservationRecord,
} from './multi-observations.repo';

/** One observation of a MultiDatastream: the same fields as a Datastream's, its result an array. */
export interface MultiObservationInput extends ObservationValues {
  readonly multiDatastreamId: number;
  readonly featureOfInterestId?: number | null;
}

/** Why `result` does not fit a MultiDatastream of these data types, or null when it does. */
export function multiResultProblem(dataTypes: readonly string[], result: unknown): string | null {
  if (result === undefined) return 'result is missing';
  if (!Array.isArray(result))
    return `a MultiDatastream result must be an array of ${dataTypes.length} values, one per ObservedProperty`;
  if (result.length !== dataTypes.length)
    return `the result has ${result.length} values but the MultiDatastream has ${dataTypes.length} ObservedProperties`;
  for (const [index, value] of result.entries()) {
    const problem = resultProblem(defined(dataTypes[index], 'data type'), value);
    if (problem) return `result[${index}]: ${problem}`;
  }
  return null;
}

function distinct(values: Iterable<number>): number[] {
  return [...new Set(values)];
}

/** The FeatureOfInterest generated from each MultiDatastream's Thing's Location (generated when needed). */
async function defaultFeatures(
  executor: Kysely<unknown>,
  facts: readonly MultiDatastreamFacts[],
): Promise<Map<number, number>> {
  const missing = distinct(
    facts.flatMap((m) => (m.generatedFeatureId === null && m.locationId !== null ? [m.locationId] : [])),
  );
  const generated = await generateFeatures(executor, missing);
  const features = new Map<number, number>();
  for (const m of facts) {
    const feature = m.generatedFeatureId ?? (m.locationId === null ? undefined : generated.get(m.locationId));
    if (feature !== undefined) features.set(m.id, feature);
  }
  return features;
}

/**
 * recordObservations (observations.service.ts) for MultiDatastreams: the same rules (times, the
 * FeatureOfInterest generated from the Thing's Location, NUL characters) plus the extension's: the
 * result is an array with one value per ObservedProperty, each fitting its multiObservationDataType.
 * One outcome per row, in order; good rows are stored by one statement.
 */
export async function recordMultiObservations(
  executor: Kysely<unknown>,
  rows: readonly MultiObservationInput[],
): Promise<ObservationOutcome[]> {
  if (rows.length === 0) return [];
  const now = Date.now();
  const streams = await multiDatastreamFacts(executor, distinct(rows.map((row) => row.multiDatastreamId)));
  const givenFeatures = await existingFeatureIds(
    executor,
    distinct(rows.flatMap((row) => (row.featureOfInterestId ? [row.featureOfInterestId] : []))),
  );
  const needDefault = distinct(
    rows.flatMap((row) => (row.featureOfInterestId ? [] : [row.multiDatastreamId])),
  ).flatMap((id) => streams.get(id) ?? []);
  const generatedFeatures = await defaultFeatures(executor, needDefault);

  const problems = rows.map((row): string | null => {
    const stream = streams.get(row.multiDatastreamId);
    if (!stream) return `MultiDatastream ${row.multiDatastreamId} does not exist`;
    if (row.featureOfInterestId && !givenFeatures.has(row.featureOfInterestId))
      return `FeatureOfInterest ${row.featureOfInterestId} does not exist`;
    if (!row.featureOfInterestId && !generatedFeatures.has(row.multiDatastreamId))
      return 'no FeatureOfInterest was given and the Thing has no Location to derive one from';
    return (
      multiResultProblem(stream.dataTypes, row.result) ??
      timeProblem(row, now, DEFAULT_MAX_FUTURE_MS) ??
      nulProblem(row)
    );
  });
  const records: MultiObservationRecord[] = [];
  rows.forEach((row, index) => {
    if (problems[index] !== null) return;
    records.push({
      multiDatastreamId: row.multiDatastreamId,
      phenomenonTime: row.phenomenonTime ?? new Date(now),
      phenomenonTimeEnd: row.phenomenonTimeEnd ?? null,
      resultTime: row.resultTime ?? null,
      result: row.result as unknown[],
      resultQuality: row.resultQuality ?? null,
      validTimeStart: row.validTime?.start ?? null,
      validTimeEnd: row.validTime?.end ?? null,
      parameters: row.parameters ?? null,
      featureOfInterestId:
        row.featureOfInterestId ?? defined(generatedFeatures.get(row.multiDatastreamId), 'generated feature'),
    });
  });
  const ids = await insertMultiObservations(executor, records);
  let next = 0;
  return problems.map((problem, index): ObservationOutcome => {
    if (problem !== null) return { ok: false, problem };
    const id = ids[next++];
    if (id !== null && id !== undefined) return { ok: true, id };
    const row = defined(rows[index], 'row');
    return {
      ok: false,
      problem: `MultiDatastream ${row.multiDatastreamId} or its FeatureOfInterest was just deleted`,
    };
  });
}
