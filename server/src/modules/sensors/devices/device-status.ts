import type { DeviceStatus } from './device.model';

/** The hysteresis: how many silent intervals make a device offline, how many beats bring it back. */
export interface HysteresisRule {
  readonly offlineAfterMissed: number;
  readonly onlineAfterHeartbeats: number;
}

/**
 * A heartbeat continues the streak when it comes within this many intervals of the previous one: one
 * and a half tolerates network jitter but not a missed beat.
 */
export const STREAK_GAP_FACTOR = 1.5;

export interface StatusInput {
  readonly status: DeviceStatus;
  readonly lastSeenAt: Date | null;
  readonly heartbeatStreak: number;
  readonly heartbeatIntervalSeconds: number;
  /** When the device was registered: a device never heard from goes offline after the same silence. */
  readonly createdAt: Date;
}

/** True when the device has been silent longer than `offlineAfterMissed` intervals at `now`. */
export function isSilent(device: StatusInput, now: Date, rule: HysteresisRule): boolean {
  const heardAt = device.lastSeenAt ?? device.createdAt;
  const allowedMs = rule.offlineAfterMissed * device.heartbeatIntervalSeconds * 1000;
  return now.getTime() - heardAt.getTime() > allowedMs;
}

/**
 * The status a device should have at `now`. Offline as soon as it is silent for N intervals; online
 * again only after M heartbeats in a row, so a flapping link does not flood the operators with
 * alternating events. Pure: the status job and the tests call it with their own clock.
 */
export function nextStatus(device: StatusInput, now: Date, rule: HysteresisRule): DeviceStatus {
  if (isSilent(device, now, rule)) return 'offline';
  if (device.status === 'online') return 'online';
  if (device.lastSeenAt && device.heartbeatStreak >= rule.onlineAfterHeartbeats) return 'online';
  return device.status;
}

/** The streak after a heartbeat seen at `seenAt` (the SQL flush applies the same rule). */
export function streakAfter(
  previous: { lastSeenAt: Date | null; heartbeatStreak: number; heartbeatIntervalSeconds: number },
  seenAt: Date,
): number {
  if (!previous.lastSeenAt) return 1;
  const gapMs = seenAt.getTime() - previous.lastSeenAt.getTime();
  if (gapMs <= 0) return previous.heartbeatStreak;
  return gapMs <= previous.heartbeatIntervalSeconds * STREAK_GAP_FACTOR * 1000
    ? previous.heartbeatStreak + 1
    : 1;
}
