import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { STREAK_GAP_FACTOR } from './device-status';

export interface PendingHeartbeat {
  readonly deviceId: string;
  readonly tokenHash: string;
  readonly seenAt: Date;
}

/**
 * Writes a batch of heartbeats in one statement: last_seen_at moves forward and the streak grows (or
 * restarts after a gap, the rule of device-status.ts `streakAfter`). The token is checked in the same
 * statement, so a wrong token simply matches no row. Returns the ids that were accepted.
 */
export async function recordHeartbeats(db: Db, beats: readonly PendingHeartbeat[]): Promise<Set<string>> {
  if (beats.length === 0) return new Set();
  const payload = JSON.stringify(
    beats.map((beat) => ({
      id: beat.deviceId,
      token_hash: beat.tokenHash,
      seen_at: beat.seenAt.toISOString(),
    })),
  );
  const result = await sql<{ id: string }>`
    update sensors.devices d set
      heartbeat_streak = case
        when d.last_seen_at is null then 1
        when b.seen_at <= d.last_seen_at then d.heartbeat_streak
        when b.seen_at - d.last_seen_at
          <= make_interval(secs => d.heartbeat_interval_seconds * ${STREAK_GAP_FACTOR}::float8)
          then d.heartbeat_streak + 1
        else 1 end,
      last_seen_at = greatest(d.last_seen_at, b.seen_at)
    from jsonb_to_recordset(${payload}::jsonb) as b(id uuid, token_hash text, seen_at timestamptz)
    where d.id = b.id and d.token_hash = b.token_hash
    returning d.id`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}
