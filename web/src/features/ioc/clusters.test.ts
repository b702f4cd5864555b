import { describe, expect, test } from 'vitest';
import { clusterColour, clusterPoints, type MapPoint } from './clusters';
import { retryDelay } from './useLiveFeed';

const point = (id: string, lat: number, lon: number, online = true): MapPoint => ({
  id,
  lat,
  lon,
  online,
  offline: !online,
});
// A flat projection: 1 degree = 100 px.
const project = (lat: number, lon: number) => ({ x: lon * 100, y: -lat * 100 });

describe('clusterPoints', () => {
  test('groups points sharing a cell at their mean position and counts their states', () => {
    const clusters = clusterPoints(
      [point('a', 16.001, 108.001), point('b', 16.003, 108.003, false), point('c', 16.9, 108.9)],
      project,
      50,
    );
    expect(clusters).toHaveLength(2);
    const pair = clusters.find((cluster) => cluster.count === 2);
    expect(pair).toMatchObject({ online: 1, offline: 1, single: null });
    expect(pair?.lat).toBeCloseTo(16.002);
    expect(clusters.find((cluster) => cluster.count === 1)?.single?.id).toBe('c');
  });

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
