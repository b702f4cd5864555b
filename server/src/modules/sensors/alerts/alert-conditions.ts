import type { AlertOperator } from './alert-rule.model';

/**
 * What a reading says about a rule's condition: it calls for the alert ('raise'), it is back on the
 * quiet side ('clear'), or neither — inside the hysteresis band, or not comparable (a text result for
 * a numeric rule, the first value of a CHANGE rule).
 */
export type Condition = 'raise' | 'clear' | 'hold';

export interface ThresholdRule {
  readonly operator: AlertOperator;
  readonly threshold: number | null;
  readonly clearThreshold: number | null;
}

const compare: Record<'GT' | 'GTE' | 'LT' | 'LTE', (value: number, bound: number) => boolean> = {
  GT: (value, bound) => value > bound,
  GTE: (value, bound) => value >= bound,
  LT: (value, bound) => value < bound,
  LTE: (value, bound) => value <= bound,
};

/**
 * GT/GTE/LT/LTE raise past `threshold` and clear once the same comparison with `clearThreshold` (by
 * default the threshold) no longer holds; between the two the alert keeps its state. EQ raises on
 * equality and clears on anything else.
 */
export function thresholdCondition(rule: ThresholdRule, value: unknown): Condition {
  if (typeof value !== 'number' || rule.threshold === null) return 'hold';
  if (rule.operator === 'EQ') return value === rule.threshold ? 'raise' : 'clear';
  if (!(rule.operator in compare)) return 'hold';
  const test = compare[rule.operator as keyof typeof compare];
  if (test(value, rule.threshold)) return 'raise';
  return test(value, rule.clearThreshold ?? rule.threshold) ? 'hold' : 'clear';
}

/** CHANGE: any different result raises, the same result again clears; the first one only sets a baseline. */
export function changeCondition(previous: unknown, current: unknown): Condition {
  if (previous === undefined || previous === null) return 'hold';
  return JSON.stringify(previous) === JSON.stringify(current) ? 'clear' : 'raise';
}

/**
 * CHANGE_DELTA: the latest value against the oldest one inside the window; a move of more than
 * `threshold` (either way) raises, a move of at most `clearThreshold` clears.
 */
export function deltaCondition(rule: ThresholdRule, windowStart: unknown, current: unknown): Condition {
  if (typeof windowStart !== 'number' || typeof current !== 'number' || rule.threshold === null)
    return 'hold';
  const delta = Math.abs(current - windowStart);
  if (delta > rule.threshold) return 'raise';
  return delta <= (rule.clearThreshold ?? rule.threshold) ? 'clear' : 'hold';
}

/** FROZEN: nothing newer than `windowMinutes` before now raises; fresh data clears. */
export function frozenCondition(lastTime: Date, now: Date, windowMinutes: number): Condition {
  return now.getTime() - lastTime.getTime() > windowMinutes * 60_000 ? 'raise' : 'clear';
}

export interface AlertState {
  readonly raised: boolean;
  /** When the condition that would flip `raised` started to hold. */
  readonly pendingSince: Date | null;
}

export interface Decision {
  readonly raised: boolean;
  readonly pendingSince: Date | null;
  readonly transition: 'raise' | 'clear' | null;
}

/**
 * Applies a condition to the state: a flip (raise when quiet, clear when raised) happens once the
 * condition has held for `minDurationSeconds`, measured from the first reading that showed it to the
 * reading at `at`; a reading that does not show it starts the wait again. No flip, no duplicate: a
 * raised alert meeting 'raise' again stays as it is.
 */
export function decide(
  state: AlertState,
  condition: Condition,
  at: Date,
  minDurationSeconds: number,
): Decision {
  const flips = (condition === 'raise' && !state.raised) || (condition === 'clear' && state.raised);
  if (!flips) return { raised: state.raised, pendingSince: null, transition: null };
  const since = state.pendingSince ?? at;
  if (at.getTime() - since.getTime() < minDurationSeconds * 1000)
    return { raised: state.raised, pendingSince: since, transition: null };
  return { raised: !state.raised, pendingSince: null, transition: condition === 'raise' ? 'raise' : 'clear' };
}
