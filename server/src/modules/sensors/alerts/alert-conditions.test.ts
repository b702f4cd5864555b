import { describe, expect, it } from 'vitest';
import {
  changeCondition,
  decide,
  deltaCondition,
  frozenCondition,
  thresholdCondition,
  type AlertState,
} from './alert-conditions';

const rule = (
  operator: 'GT' | 'GTE' | 'LT' | 'LTE' | 'EQ',
  threshold: number,
  clearThreshold: number | null = null,
) => ({
  operator,
  threshold,
  clearThreshold,
});

describe('alert conditions', () => {
  it('compares thresholds, with the clear threshold as the hysteresis band', () => {
    expect(thresholdCondition(rule('GT', 1.5), 1.6)).toBe('raise');
    expect(thresholdCondition(rule('GT', 1.5), 1.5)).toBe('clear');
    expect(thresholdCondition(rule('GTE', 1.5), 1.5)).toBe('raise');
    expect(thresholdCondition(rule('LT', 10), 9)).toBe('raise');
    expect(thresholdCondition(rule('LTE', 10), 10)).toBe('raise');
    expect(thresholdCondition(rule('LTE', 10), 10.1)).toBe('clear');
    expect(thresholdCondition(rule('EQ', 3), 3)).toBe('raise');
    expect(thresholdCondition(rule('EQ', 3), 4)).toBe('clear');
    // Between 1.3 and 1.5 the alert keeps its state; at or below 1.3 it clears.
    expect(thresholdCondition(rule('GT', 1.5, 1.3), 1.4)).toBe('hold');
    expect(thresholdCondition(rule('GT', 1.5, 1.3), 1.3)).toBe('clear');
    expect(thresholdCondition(rule('LT', 10, 12), 11)).toBe('hold');
    expect(thresholdCondition(rule('LT', 10, 12), 12)).toBe('clear');
    expect(thresholdCondition(rule('GT', 1.5), 'high')).toBe('hold');
  });

  it('sees a change, a delta within the window, and silence', () => {
    expect(changeCondition(undefined, 'open')).toBe('hold');
    expect(changeCondition('open', 'closed')).toBe('raise');
    expect(changeCondition('closed', 'closed')).toBe('clear');
    const delta = { operator: 'CHANGE_DELTA' as const, threshold: 0.5, clearThreshold: 0.2 };
    expect(deltaCondition(delta, 1, 1.6)).toBe('raise');
    expect(deltaCondition(delta, 1.6, 1)).toBe('raise');
    expect(deltaCondition(delta, 1, 1.3)).toBe('hold');
    expect(deltaCondition(delta, 1, 1.1)).toBe('clear');
    const now = new Date('2026-11-25T10:00:00Z');
    expect(frozenCondition(new Date('2026-11-25T09:29:00Z'), now, 30)).toBe('raise');
    expect(frozenCondition(new Date('2026-11-25T09:31:00Z'), now, 30)).toBe('clear');
  });

  it('flips once, and only after the minimum duration', () => {
    const quiet: AlertState = { raised: false, pendingSince: null };
    const t0 = new Date('2026-11-25T10:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(decide(quiet, 'raise', t0, 0)).toEqual({ raised: true, pendingSince: null, transition: 'raise' });
    expect(decide({ raised: true, pendingSince: null }, 'raise', t0, 0).transition).toBeNull();
    const waiting = decide(quiet, 'raise', t0, 600);
    expect(waiting).toEqual({ raised: false, pendingSince: t0, transition: null });
    expect(decide(waiting, 'raise', at(5), 600).transition).toBeNull();
    expect(decide(waiting, 'hold', at(5), 600)).toEqual({
      raised: false,
      pendingSince: null,
      transition: null,
    });
    expect(decide(waiting, 'raise', at(10), 600).transition).toBe('raise');
  });
});
