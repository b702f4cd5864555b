import { describe, expect, test } from 'vitest';
import { findCoordinateColumns, pointsOf } from './coordinates';

const fields = [
  { id: '_id', type: 'int' },
  { id: 'Tên điểm', type: 'text' },
  { id: 'Vĩ độ', type: 'numeric' },
  { id: 'kinh_do', type: 'numeric' },
];

describe('map preview', () => {
  test('finds coordinates by Vietnamese or English column names', () => {
    expect(findCoordinateColumns(fields)).toEqual({ latitude: 'Vĩ độ', longitude: 'kinh_do' });
    expect(
      findCoordinateColumns([
        { id: 'Latitude', type: 'float' },
        { id: 'LNG', type: 'float' },
      ]),
    ).toEqual({
      latitude: 'Latitude',
      longitude: 'LNG',
    });
    expect(findCoordinateColumns([{ id: 'phuong_xa', type: 'text' }])).toBeNull();
  });

  test('keeps rows with valid coordinates, labelled by the first text column', () => {
    const columns = { latitude: 'Vĩ độ', longitude: 'kinh_do' };
    const points = pointsOf(
      [
        { 'Tên điểm': 'Cầu Rồng', 'Vĩ độ': 16.061, kinh_do: '108.227' },
        { 'Tên điểm': 'Sai', 'Vĩ độ': 200, kinh_do: 108 },
        { 'Tên điểm': 'Trống', 'Vĩ độ': null, kinh_do: 108 },
      ],
      fields,
      columns,
    );
    expect(points).toEqual([{ latitude: 16.061, longitude: 108.227, label: 'Cầu Rồng' }]);
  });
});
