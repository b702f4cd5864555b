import { describe, expect, it } from 'vitest';
import { FLOOD, reading, type Moment } from './scenario';
import { parseDuration, parseSimulatorArgs, UsageError } from './simulator-options';

const at = (scenario: Moment['scenario'], hours: number): Moment => ({
  scenario,
  hours,
  time: new Date(Date.UTC(2026, 10, 23, 0) + hours * 3_600_000),
});

describe('simulated readings', () => {
  const stations = Array.from({ length: 20 }, (_, i) => i / 20);
  const levels = (scenario: Moment['scenario'], hours: number) =>
    stations.map((station) => reading('waterLevel', at(scenario, hours), station, 0.5));

  it('keeps rivers below the 1.5 m alert threshold on a normal day', () => {
    for (let hours = 0; hours < 24; hours += 0.25)
      expect(Math.max(...levels('normal', hours))).toBeLessThan(1.5);
  });

  it('floods: rain first, then every gauge above 1.5 m at the peak, then the water goes down', () => {
    expect(reading('precipitation', at('flood', 0), 0.5, 0.5)).toBe(0);
    expect(reading('precipitation', at('flood', FLOOD.rainPeak), 0.5, 0.5)).toBeGreaterThan(10);
    expect(Math.min(...levels('flood', FLOOD.levelPeak))).toBeGreaterThan(1.5);
    expect(Math.max(...levels('flood', 12))).toBeLessThan(1.5);
    expect(Math.max(...levels('flood', 1))).toBeLessThan(Math.max(...levels('flood', 3)));
  });

  it('follows the daily cycle: more traffic and dust at the morning rush than at night (local time)', () => {
    // 00:30 UTC is 07:30 in Đà Nẵng; 20:00 UTC is 03:00.
    const rush = at('normal', 0.5);
    const night = at('normal', 20);
    expect(reading('intensity', rush, 0.5, 0.5)).toBeGreaterThan(3 * reading('intensity', night, 0.5, 0.5));
    expect(reading('pm25', rush, 0.5, 0.5)).toBeGreaterThan(reading('pm25', night, 0.5, 0.5));
    expect(Number.isInteger(reading('intensity', at('flood', 3), 0.5, 0.5))).toBe(true);
  });
});

describe('simulate options', () => {
  it('reads the options and their defaults', () => {
    expect(parseSimulatorArgs(['--scenario', 'flood', '--speed=600', '--duration', '2m'], {})).toMatchObject({
      scenario: 'flood',
      speed: 600,
      durationSeconds: 120,
      intervalSeconds: 5,
      cameras: 5,
      token: null,
    });
    expect(parseSimulatorArgs([], { CITYDX_TOKEN: 'cdx_x' })).toMatchObject({
      scenario: 'normal',
      speed: 60,
      durationSeconds: null,
      token: 'cdx_x',
    });
    expect(parseDuration('1h')).toBe(3600);
  });

  it('refuses what it cannot read', () => {
    for (const args of [
      ['--scenario', 'storm'],
      ['--speed', '-1'],
      ['--duration', 'soon'],
      ['--colour', 'red'],
      ['--speed'],
    ])
      expect(() => parseSimulatorArgs(args, {})).toThrow(UsageError);
  });
});
