import type { Kysely } from 'kysely';
import { DEFAULT_MAX_FUTURE_MS, resultProblem } from './observation-rules';
import {
  datastreamFacts,
  defaultFeaturesOf,
  existingFeatureIds,
  insertObservations,
  type ObservationRecord,
} from './observations.repo';
import { defined } from './defined';

/** One observation to record (from STA, the MQTT ingest, or the demo). */
export interface ObservationInput {
  readonly datastreamId: number;
  /** When the phenomenon happened; absent means "now" (devices without a clock, per the spec). */
  readonly phenomenonTime?: Date | null;
  readonly phenomenonTimeEnd?: Date | null;
  readonly resultTime?: Date | null;
  readonly result: unknown;
  readonly resultQuality?: unknown;
  readonly validTime?: { readonly start: Date; readonly end: Date } | null;
  readonly parameters?: Record<string, unknown> | null;
  /** Absent: the feature generated from the Thing's Location. */
  readonly featureOfInterestId?: number | null;
}

export type ObservationOutcome =
  | {
      readonly ok: true;
      readonly id: number;
      /** The FeatureOfInterest it was stored with (given, or generated from the Thing's Location). */
      readonly featureOfInterestId?: number;
    }
  | { readonly ok: false; readonly problem: string };

export interface RecordOptions {
  /** How far ahead of now a phenomenonTime may be (default one day). */
  readonly maxFutureMs?: number;
}

function isValidDate(value: Date | null | undefined): boolean {
  return value === null || value === undefined || (value instanceof Date && !Number.isNaN(value.getTime()));
}

/** The times and values of an observation, whichever stream it belongs to (MultiDatastreams too). */
export type ObservationValues = Omit<ObservationInput, 'datastreamId' | 'featureOfInterestId'>;

export function timeProblem(row: ObservationValues, now: number, maxFutureMs: number): string | null {
  const { phenomenonTime, phenomenonTimeEnd, validTime } = row;
  if (
    !isValidDate(phenomenonTime) ||
    !isValidDate(phenomenonTimeEnd) ||
    !isValidDate(row.resultTime) ||
    !isValidDate(validTime?.start) ||
    !isValidDate(validTime?.end)
  )
    return 'a time is not a valid date';
  if (phenomenonTime && phenomenonTime.getTime() > now + maxFutureMs)
    return `phenomenonTime ${phenomenonTime.toISOString()} is too far in the future`;
  if (phenomenonTime && phenomenonTimeEnd && phenomenonTimeEnd < phenomenonTime)
    return 'the phenomenonTime interval ends before it starts';
  return null;
}

// PostgreSQL's text and jsonb cannot hold the NUL character: one such value would fail the whole batch.
export function nulProblem(row: ObservationValues): string | null {
  const values = [row.result, row.resultQuality, row.parameters];
  return values.some((value) => value !== undefined && JSON.stringify(value)?.includes('\\u0000'))
    ? 'a value contains the NUL character (\\u0000), which cannot be stored'
    : null;
}

function distinct(values: Iterable<number>): number[] {
  return [...new Set(values)];
}

/**
 * Records a batch of observations and returns one outcome per input row, in order: the new id, or why
 * the row was refused. Good rows are stored even when others are refused; each datastream's latest
 * value and time ranges move with them. The rows are written by one statement, inside the caller's
 * transaction when `executor` is one, else committed on their own (the statement is atomic).
 *
 * A batch costs a fixed number of round trips whatever its size: the facts of its datastreams (and of
 * the FeaturesOfInterest it names, when it names any), then the insert that returns the new ids. No
 * transaction of our own is needed around them: the insert re-checks under lock that each row's
 * Datastream and FeatureOfInterest still exist (see insertObservations), and the feature generated
 * for rows sent without one is created at most once whatever happens next.
 */
export async function recordObservations(
  executor: Kysely<unknown>,
  rows: readonly ObservationInput[],
  options: RecordOptions = {},
): Promise<ObservationOutcome[]> {
  if (rows.length === 0) return [];
  const now = Date.now();
  const maxFutureMs = options.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS;
  const datastreams = await datastreamFacts(executor, distinct(rows.map((row) => row.datastreamId)));
  const givenFeatures = await existingFeatureIds(
    executor,
    distinct(rows.flatMap((row) => (row.featureOfInterestId ? [row.featureOfInterestId] : []))),
  );
  const needDefault = distinct(
    rows.flatMap((row) => (row.featureOfInterestId ? [] : [row.datastreamId])),
  ).flatMap((id) => datastreams.get(id) ?? []);
  const generatedFeatures = await defaultFeaturesOf(executor, needDefault);

  const problems = rows.map((row): string | null => {
    const datastream = datastreams.get(row.datastreamId);
    if (!datastream) return `Datastream ${row.datastreamId} does not exist`;
    if (row.featureOfInterestId && !givenFeatures.has(row.featureOfInterestId))
      return `FeatureOfInterest ${row.featureOfInterestId} does not exist`;
    if (!row.featureOfInterestId && !generatedFeatures.has(row.datastreamId))
      return 'no FeatureOfInterest was given and the Thing has no Location to derive one from';
    return (
      resultProblem(datastream.observationType, row.result) ??
      timeProblem(row, now, maxFutureMs) ??
      nulProblem(row)
    );
  });
  const records: ObservationRecord[] = [];
  rows.forEach((row, index) => {
    if (problems[index] !== null) return;
    const numeric = typeof row.result === 'number';
    records.push({
      datastreamId: row.datastreamId,
      phenomenonTime: row.phenomenonTime ?? new Date(now),
      phenomenonTimeEnd: row.phenomenonTimeEnd ?? null,
      resultTime: row.resultTime ?? null,
      resultNumber: numeric ? (row.result as number) : null,
      resultJson: numeric ? null : row.result,
      resultQuality: row.resultQuality ?? null,
      validTimeStart: row.validTime?.start ?? null,
      validTimeEnd: row.validTime?.end ?? null,
      parameters: row.parameters ?? null,
      featureOfInterestId:
        row.featureOfInterestId ?? defined(generatedFeatures.get(row.datastreamId), 'generated feature'),
    });
  });
  const ids = await insertObservations(executor, records);
  let next = 0;
  return problems.map((problem, index): ObservationOutcome => {
    if (problem !== null) return { ok: false, problem };
    const featureOfInterestId = records[next]?.featureOfInterestId;
    const id = ids[next++];
    if (id !== null && id !== undefined) return { ok: true, id, featureOfInterestId };
    const row = defined(rows[index], 'row');
    return { ok: false, problem: `Datastream ${row.datastreamId} or its FeatureOfInterest was just deleted` };
  });
}
