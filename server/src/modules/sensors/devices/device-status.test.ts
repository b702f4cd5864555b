import { describe, expect, it } from 'vitest';
import { isSilent, nextStatus, streakAfter, type StatusInput } from './device-status';

const rule = { offlineAfterMissed: 3, onlineAfterHeartbeats: 2 };
const t0 = new Date('2026-11-23T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function device(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    status: 'online',
    lastSeenAt: t0,
    heartbeatStreak: 5,
    heartbeatIntervalSeconds: 30,
    createdAt: at(-3600),
    ...overrides,
  };
}

describe('online/offline hysteresis', () => {
  it('keeps an online device online until N intervals pass without a heartbeat', () => {
    expect(nextStatus(device(), at(89), rule)).toBe('online');
    expect(nextStatus(device(), at(90), rule)).toBe('online');
    expect(nextStatus(device(), at(91), rule)).toBe('offline');
  });

  it('brings an offline device back only after M heartbeats in a row', () => {
    const offline = device({ status: 'offline', lastSeenAt: at(200), heartbeatStreak: 1 });
    expect(nextStatus(offline, at(201), rule)).toBe('offline');
    expect(nextStatus({ ...offline, heartbeatStreak: 2 }, at(231), rule)).toBe('online');
  });

  it('does not flap: one heartbeat after an outage is not enough, silence again keeps it offline', () => {
    const blip = device({ status: 'offline', lastSeenAt: at(300), heartbeatStreak: 1 });
    expect(nextStatus(blip, at(310), rule)).toBe('offline');
    expect(nextStatus(blip, at(400), rule)).toBe('offline');
  });

  it('judges a device never heard from by its registration time', () => {
    const fresh = device({ status: 'unknown', lastSeenAt: null, heartbeatStreak: 0, createdAt: t0 });
    expect(nextStatus(fresh, at(60), rule)).toBe('unknown');
    expect(nextStatus(fresh, at(91), rule)).toBe('offline');
    expect(isSilent(fresh, at(91), rule)).toBe(true);
  });

  it('takes a new device online after M heartbeats', () => {
    const fresh = device({ status: 'unknown', lastSeenAt: at(30), heartbeatStreak: 2, createdAt: t0 });
    expect(nextStatus(fresh, at(31), rule)).toBe('online');
  });

  it('counts heartbeats in a row within one and a half intervals, and restarts after a gap', () => {
    const previous = { lastSeenAt: t0, heartbeatStreak: 3, heartbeatIntervalSeconds: 30 };
    expect(streakAfter(previous, at(30))).toBe(4);
    expect(streakAfter(previous, at(45))).toBe(4);
    expect(streakAfter(previous, at(46))).toBe(1);
    expect(streakAfter(previous, at(-5))).toBe(3);
    expect(streakAfter({ ...previous, lastSeenAt: null }, at(10))).toBe(1);
  });
});
