import { describe, expect, test } from 'vitest';
import { clusterColour } from './clusters';
import { retryDelay } from './useLiveFeed';

describe('clusterColour', () => {
  test('colours by the share online', () => {
    expect(clusterColour({ online: 95, offline: 5 })).toBe('#2b7a36');
    expect(clusterColour({ online: 75, offline: 25 })).toBe('#8a6200');
    expect(clusterColour({ online: 1, offline: 9 })).toBe('#c92a2a');
    expect(clusterColour({ online: 0, offline: 0 })).toBe('#495057');
  });
});

describe('retryDelay', () => {
  test('doubles from one second up to thirty, with jitter around it', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelay(attempt, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(retryDelay(0, () => 0)).toBe(750);
    expect(retryDelay(0, () => 1)).toBe(1250);
  });
});
