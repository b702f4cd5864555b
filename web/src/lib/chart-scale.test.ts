import { describe, expect, test } from 'vitest';
import { labelEvery, niceTicks, toNumber, truncate } from './chart-scale';

describe('chart scales', () => {
  test('ticks are round numbers from zero past the maximum', () => {
    expect(niceTicks(0, 136_229)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(niceTicks(3, 7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-5, 12, 4)).toEqual([-5, 0, 5, 10, 15]);
  });

  test('a flat or empty series still has an axis', () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(Number.NaN, Number.NaN)).toEqual([0, 1]);
  });

  test('small steps keep their decimals exact', () => {
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  test('labels thin out on narrow charts', () => {
    expect(labelEvery(12, 800)).toBe(1);
    expect(labelEvery(30, 300)).toBe(8);
  });

  test('values and labels', () => {
    expect(toNumber('1.5')).toBe(1.5);
    expect(toNumber('abc')).toBeNull();
    expect(toNumber(null)).toBeNull();
    expect(truncate('Ngũ Hành Sơn', 8)).toBe('Ngũ Hàn…');
  });
});
