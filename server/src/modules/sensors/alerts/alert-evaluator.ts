import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database';
import {
  changeCondition,
  decide,
  deltaCondition,
  frozenCondition,
  thresholdCondition,
  type Condition,
} from './alert-conditions';
import { ingestOperators, type AlertRule } from './alert-rule.model';
import {
  claimQueued,
  frozenCandidates,
  lastHeardOf,
  latestReadings,
  lockStates,
  oldestResultSince,
  rulesWatching,
  saveStates,
  stateKey,
  type LatestReading,
  type StoredState,
  type SubjectRef,
} from './alert-states.repo';
import { datastreamKey, datastreamSubject, type AlertSubject } from './alert-subjects.repo';
import type { AlertReading, AlertTransitions } from './alert-transitions';

/** Queue rows taken per transaction: a transaction holds its state rows locked, so keep it short. */
const CHUNK = 500;
const FROZEN_CHUNK = 200;
// The next run continues where a very large backlog stopped.
const MAX_ROUNDS = 40;

/** One pair to judge and what it saw. */
interface Judgement {
  readonly rule: AlertRule;
  readonly ref: SubjectRef;
  readonly condition: Condition;
  readonly reading: AlertReading;
  /** The clock of the minimum duration: the observation's time for values, now for FROZEN. */
  readonly at: Date;
  readonly observationId: number | null;
  readonly result: unknown;
}

/**
 * Judges value rules when a datastream's latest value moved (the queue the datastream_latest
 * trigger fills), and FROZEN rules against the clock. Each chunk is one transaction: the states are
 * locked, decided (alert-conditions.ts), and every raise or clear is written with its incident,
 * outbox event and messages — or, on a crash, none of it and the queue rows come back.
 */
export class AlertEvaluator {
  constructor(
    private readonly db: Db,
    private readonly transitions: AlertTransitions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Drains the evaluation queue; returns how many raises and clears happened. */
  async evaluateQueued(): Promise<number> {
    let transitions = 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const { claimed, changed } = await this.db.transaction().execute(async (trx) => {
        const { claimed: count, datastreamIds } = await claimQueued(trx, CHUNK);
        return { claimed: count, changed: await this.#judgeDatastreams(trx, datastreamIds) };
      });
      transitions += changed;
      if (claimed < CHUNK) break;
    }
    return transitions;
  }

  /** Raises FROZEN alerts for silent datastreams and clears those that speak again. */
  async evaluateFrozen(): Promise<number> {
    let transitions = 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const now = this.now();
      const candidates = await frozenCandidates(this.db, now, FROZEN_CHUNK);
      if (candidates.length === 0) break;
      const changed = await this.db.transaction().execute(async (trx) => {
        const rules = await rulesWatching(
          trx,
          [...new Set(candidates.map((candidate) => candidate.datastreamId))],
          ['FROZEN'],
        );
        const wanted = new Set(candidates.map((c) => stateKey(c.ruleId, datastreamKey(c.datastreamId))));
        const judgements: Judgement[] = [];
        for (const { rule, datastreamId } of rules) {
          if (!wanted.has(stateKey(rule.id, datastreamKey(datastreamId))) || rule.windowMinutes === null)
            continue;
          const heard = await lastHeardOf(trx, datastreamId);
          judgements.push({
            rule,
            ref: datastreamRef(rule.id, datastreamId),
            condition: frozenCondition(heard.time, now, rule.windowMinutes),
            reading: { value: null, phenomenonTime: heard.observationId === null ? null : heard.time },
            at: now,
            observationId: heard.observationId,
            result: undefined,
          });
        }
        return this.#apply(trx, judgements, now);
      });
      transitions += changed;
      // A chunk that changed nothing would come back the same: stop rather than spin.
      if (candidates.length < FROZEN_CHUNK || changed === 0) break;
    }
    return transitions;
  }

  async #judgeDatastreams(trx: Kysely<unknown>, datastreamIds: readonly number[]): Promise<number> {
    const readings = await latestReadings(trx, datastreamIds);
    const watching = await rulesWatching(trx, [...readings.keys()], ingestOperators);
    const states = await lockStates(
      trx,
      watching.map(({ rule, datastreamId }) => datastreamRef(rule.id, datastreamId)),
    );
    const judgements: Judgement[] = [];
    for (const { rule, datastreamId } of watching) {
      const reading = readings.get(datastreamId);
      const ref = datastreamRef(rule.id, datastreamId);
      const state = states.get(stateKey(ref.ruleId, ref.subjectKey));
      // Already judged on this observation (a queue row repeated, or another process was first).
      if (!reading || !state || state.lastObservationId === reading.observationId) continue;
      judgements.push({
        rule,
        ref,
        condition: await this.#valueCondition(trx, rule, state, reading),
        reading: { value: reading.result, phenomenonTime: reading.phenomenonTime },
        at: reading.phenomenonTime,
        observationId: reading.observationId,
        result: reading.result,
      });
    }
    return this.#apply(trx, judgements, this.now(), states);
  }

  async #valueCondition(
    trx: Kysely<unknown>,
    rule: AlertRule,
    state: StoredState,
    reading: LatestReading,
  ): Promise<Condition> {
    if (rule.operator === 'CHANGE') return changeCondition(state.lastResult, reading.result);
    if (rule.operator === 'CHANGE_DELTA') {
      const since = new Date(reading.phenomenonTime.getTime() - (rule.windowMinutes ?? 0) * 60_000);
      return deltaCondition(rule, await oldestResultSince(trx, reading.datastreamId, since), reading.result);
    }
    return thresholdCondition(rule, reading.result);
  }

  /** Decides each judgement under its locked state, runs the transitions and saves the states. */
  async #apply(
    trx: Kysely<unknown>,
    judgements: readonly Judgement[],
    now: Date,
    locked?: Map<string, StoredState>,
  ): Promise<number> {
    const states =
      locked ??
      (await lockStates(
        trx,
        judgements.map((judgement) => judgement.ref),
      ));
    const subjects = new Map<number, AlertSubject | undefined>();
    const saved: StoredState[] = [];
    let transitions = 0;
    for (const judgement of judgements) {
      const { rule, ref } = judgement;
      const state = states.get(stateKey(ref.ruleId, ref.subjectKey));
      if (!state) continue;
      const decision = decide(state, judgement.condition, judgement.at, rule.minDurationSeconds);
      let incidentId = state.incidentId;
      if (decision.transition === 'raise') {
        const id = ref.datastreamId ?? 0;
        if (!subjects.has(id)) subjects.set(id, await datastreamSubject(trx, id));
        const subject = subjects.get(id);
        if (!subject) continue;
        incidentId = await this.transitions.raise(trx, rule, subject, judgement.reading, now);
      } else if (decision.transition === 'clear') {
        await this.transitions.clear(trx, rule, ref, incidentId, judgement.reading, now);
      }
      if (decision.transition) transitions += 1;
      saved.push({
        ...state,
        raised: decision.raised,
        pendingSince: decision.pendingSince,
        lastObservationId: judgement.observationId,
        lastResult: judgement.result === undefined ? state.lastResult : judgement.result,
        lastTime: judgement.reading.phenomenonTime,
        incidentId,
      });
    }
    await saveStates(trx, saved, now);
    return transitions;
  }
}

function datastreamRef(ruleId: string, datastreamId: number): SubjectRef {
  return { ruleId, subjectKey: datastreamKey(datastreamId), datastreamId, deviceId: null };
}
