import { describe, expect, it } from 'vitest';
import { hourlyVnAqi, nowcast, pollutantIndex, vnAqiBand } from './vn-aqi';

// Worked examples of Quyết định 1459/QĐ-TCMT (2019), section 2.3 "Tính toán mẫu".
describe('VN_AQI (Quyết định 1459/QĐ-TCMT)', () => {
  // 2.3.a: PM2.5 hourly averages 09:00 → 20:00; the NowCast at 20:00 is 20,3 µg/m³ (w = 0,61).
  const pm25OldestFirst = [26.9, 24.7, 20.5, 23.5, 19.5, 16.5, 19.0, 16.5, 20.3, 22.4, 19.6, 20.6];
  const pm25NewestFirst = [...pm25OldestFirst].reverse();

  it('computes the NowCast of the worked example', () => {
    expect(nowcast(pm25NewestFirst)).toBeCloseTo(20.3, 1);
  });

  it('needs two of the three most recent hours for a NowCast, and weighs missing hours 0', () => {
    expect(nowcast([null, null, 30, 30, 30])).toBeNull();
    expect(nowcast([30, null, 30])).toBe(30);
    // w* = 10/40 ≤ 1/2, so w = 1/2: (40 + 10/2) / (1 + 1/2) = 30.
    expect(nowcast([40, 10])).toBeCloseTo(30, 10);
  });

  it('computes the pollutant indexes of the hourly example (2.3.b)', () => {
    expect(Math.round(pollutantIndex('o3', 136.1))).toBe(43);
    expect(Math.round(pollutantIndex('pm25', 20.3))).toBe(41);
    // The decision prints 60 for NO2 = 118,7 µg/m³; the formula it gives yields 59,35.
    expect(pollutantIndex('no2', 118.7)).toBeCloseTo(59.35, 10);
  });

  it('computes the pollutant indexes of the daily example (2.3.c) with the same breakpoints', () => {
    expect(Math.round(pollutantIndex('o3', 114.6))).toBe(36);
    expect(Math.round(pollutantIndex('no2', 130.8))).toBe(65);
    expect(Math.round(pollutantIndex('pm25', 55.7))).toBe(110);
  });

  it('takes the largest pollutant index as the station index, rounded, naming the pollutant', () => {
    const result = hourlyVnAqi({ o3: 136.1, no2: 118.7, pm25: pm25NewestFirst });
    expect(result.dominant).toBe('no2');
    expect(result.aqi).toBe(59); // 60 in the decision's text: see the NO2 note above
    expect(result.band?.key).toBe('moderate');
    expect(result.band?.hex).toBe('#ffff00');
    expect(result.pollutants.pm25?.concentration).toBeCloseTo(20.3, 1);
  });

  it('has no index without PM2.5 or PM10 (section 2.1.b)', () => {
    const result = hourlyVnAqi({ o3: 300, no2: 50 });
    expect(result.aqi).toBeNull();
    expect(result.pollutants.o3?.index).toBe(150);
  });

  it('interpolates on every breakpoint and stops at 500', () => {
    expect(pollutantIndex('pm10', 50)).toBe(50);
    expect(pollutantIndex('pm10', 150)).toBe(100);
    expect(pollutantIndex('co', 45_000)).toBe(150);
    expect(pollutantIndex('so2', 2100)).toBe(400);
    expect(pollutantIndex('pm25', 500)).toBe(500);
    expect(pollutantIndex('pm25', 900)).toBe(500);
    expect(pollutantIndex('pm25', 0)).toBe(0);
  });

  it('maps indexes to the six colour bands of Bảng 1', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map((aqi) => vnAqiBand(aqi).key)).toEqual(
      [
        'good',
        'good',
        'moderate',
        'moderate',
        'poor',
        'poor',
        'bad',
        'bad',
        'very_bad',
        'very_bad',
        'hazardous',
        'hazardous',
      ],
    );
    expect(vnAqiBand(250).rgb).toEqual([143, 63, 151]);
  });
});
