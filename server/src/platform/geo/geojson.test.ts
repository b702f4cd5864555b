import { describe, expect, it } from 'vitest';
import {
  centroidOf,
  distanceMetres,
  geometryContains,
  isAreaGeometry,
  unitsToFeatureCollection,
  type MultiPolygonGeometry,
  type PolygonGeometry,
} from './geojson';

// A 2x2 square with a 1x1 hole in its south-west quarter, wound the "wrong" way on purpose.
const withHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
    [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ],
  ],
};

const twoIslands: MultiPolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [10, 10],
        [11, 10],
        [11, 11],
        [10, 11],
        [10, 10],
      ],
    ],
    [
      [
        [20, 10],
        [21, 10],
        [21, 11],
        [20, 11],
        [20, 10],
      ],
    ],
  ],
};

describe('geometryContains', () => {
  it('treats holes as outside and checks every part of a MultiPolygon', () => {
    expect(geometryContains(withHole, { lat: 1.5, lon: 1.5 })).toBe(true);
    expect(geometryContains(withHole, { lat: 0.5, lon: 0.5 })).toBe(false);
    expect(geometryContains(withHole, { lat: 3, lon: 1 })).toBe(false);
    expect(geometryContains(twoIslands, { lat: 10.5, lon: 20.5 })).toBe(true);
    expect(geometryContains(twoIslands, { lat: 10.5, lon: 15 })).toBe(false);
  });
});

describe('centroidOf', () => {
  it('gives a label point inside a symmetric shape', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [108, 16],
          [108.2, 16],
          [108.2, 16.2],
          [108, 16.2],
          [108, 16],
        ] as const,
      ],
    };
    const centroid = centroidOf(square);
    expect(centroid?.lat).toBeCloseTo(16.1, 9);
    expect(centroid?.lon).toBeCloseTo(108.1, 9);
  });
});

describe('isAreaGeometry', () => {
  it('accepts polygons with [lon, lat] positions in range only', () => {
    expect(isAreaGeometry(withHole)).toBe(true);
    expect(isAreaGeometry(twoIslands)).toBe(true);
    expect(isAreaGeometry({ type: 'Point', coordinates: [1, 1] })).toBe(false);
    expect(
      isAreaGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toBe(false);
    expect(
      isAreaGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [0, 95],
            [1, 0],
            [1, 1],
            [0, 95],
          ],
        ],
      }),
    ).toBe(false);
    expect(isAreaGeometry(null)).toBe(false);
  });
});

describe('distanceMetres', () => {
  it('measures great-circle distance', () => {
    expect(distanceMetres({ lat: 0, lon: 0 }, { lat: 0, lon: 0 })).toBe(0);
    // One degree of arc on the mean Earth radius.
    expect(distanceMetres({ lat: 16, lon: 108 }, { lat: 17, lon: 108 })).toBeCloseTo(111_195, 0);
  });
});

describe('unitsToFeatureCollection', () => {
  it('emits [lon, lat] points and leaves out units without a centroid', () => {
    const base = { nameEn: null, level: 'ward', parentCode: '48', validFrom: '2025-07-01', validTo: null };
    const collection = unitsToFeatureCollection([
      { ...base, code: 'A', nameVi: 'Phường A', centroid: { lat: 16.1, lon: 108.2 } },
      { ...base, code: 'B', nameVi: 'Phường B', centroid: null },
    ]);
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'A',
          geometry: { type: 'Point', coordinates: [108.2, 16.1] },
          properties: { code: 'A', nameVi: 'Phường A', ...base },
        },
      ],
    });
  });
});
