import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { EventBus } from '../../../platform/events/outbox';
import type { DeviceStatus, DeviceType } from './device.model';
import { nextStatus, type HysteresisRule } from './device-status';
import type { DeviceTables } from './devices.tables';

/** Outbox events of a status change; payload `DeviceStatusEvent`. */
export const deviceEventTypes = {
  offline: 'sensors.device.offline',
  online: 'sensors.device.online',
} as const;

export interface DeviceStatusEvent extends Record<string, unknown> {
  readonly deviceId: string;
  readonly type: DeviceType;
  readonly adminUnitCode: string | null;
  readonly from: DeviceStatus;
  readonly to: DeviceStatus;
  readonly changedAt: string;
  readonly lastSeenAt: string | null;
}

interface Candidate {
  id: string;
  status: DeviceStatus;
  last_seen_at: Date | null;
  heartbeat_streak: number;
  heartbeat_interval_seconds: number;
  created_at: Date;
}

interface Change {
  id: string;
  from_status: DeviceStatus;
  to_status: DeviceStatus;
  last_seen_at: string | null;
}

const BATCH = 1000;
// A mass outage of 36,500 cameras is 37 rounds; the next run continues beyond this.
const MAX_ROUNDS = 50;

/**
 * Applies the hysteresis (device-status.ts) to every monitored device. The query only narrows the
 * candidates — devices whose freshness disagrees with their status — and `nextStatus` decides. Each
 * change is written with its state-change row and its outbox event in one transaction, and only if
 * the device's last_seen_at is still the one judged (a heartbeat written meanwhile wins).
 */
export class DeviceStatusJob {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly rule: HysteresisRule,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Returns how many devices changed status. */
  async run(): Promise<number> {
    let changed = 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const now = this.now();
      const candidates = await this.#candidates(now);
      const changes = candidates.flatMap((device) => this.#changeOf(device, now));
      if (changes.length > 0) changed += await this.#apply(changes, now);
      // Candidates that stay as they are (offline, not enough beats yet) do not make us loop.
      if (candidates.length < BATCH || changes.length === 0) return changed;
    }
    return changed;
  }

  #changeOf(device: Candidate, now: Date): Change[] {
    const to = nextStatus(
      {
        status: device.status,
        lastSeenAt: device.last_seen_at,
        heartbeatStreak: device.heartbeat_streak,
        heartbeatIntervalSeconds: device.heartbeat_interval_seconds,
        createdAt: device.created_at,
      },
      now,
      this.rule,
    );
    if (to === device.status) return [];
    return [
      {
        id: device.id,
        from_status: device.status,
        to_status: to,
        last_seen_at: device.last_seen_at?.toISOString() ?? null,
      },
    ];
  }

  async #candidates(now: Date): Promise<Candidate[]> {
    const silence = sql`make_interval(secs => heartbeat_interval_seconds * ${this.rule.offlineAfterMissed})`;
    const result = await sql<Candidate>`
      select id, status, last_seen_at, heartbeat_streak, heartbeat_interval_seconds, created_at
      from sensors.devices
      where monitored and (
        (status <> 'offline' and coalesce(last_seen_at, created_at) < ${now.toISOString()}::timestamptz - ${silence})
        or (status <> 'online' and last_seen_at >= ${now.toISOString()}::timestamptz - ${silence}
            and heartbeat_streak >= ${this.rule.onlineAfterHeartbeats}))
      order by id
      limit ${BATCH}`.execute(this.db);
    return result.rows;
  }

  async #apply(changes: readonly Change[], now: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const applied = await sql<{
        id: string;
        from_status: DeviceStatus;
        to_status: DeviceStatus;
        last_seen_at: Date | null;
        type: DeviceType;
        admin_unit_code: string | null;
      }>`
        update sensors.devices d set status = c.to_status, status_changed_at = ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
          as c(id uuid, from_status text, to_status text, last_seen_at timestamptz)
        where d.id = c.id and d.status = c.from_status and date_trunc('milliseconds', d.last_seen_at) is not distinct from c.last_seen_at
        returning d.id, c.from_status, c.to_status, d.last_seen_at, d.type, d.admin_unit_code`.execute(trx);
      if (applied.rows.length === 0) return 0;
      await trx
        .withTables<DeviceTables>()
        .insertInto('sensors.device_state_changes')
        .values(
          applied.rows.map((row) => ({
            device_id: row.id,
            from_status: row.from_status,
            to_status: row.to_status,
            changed_at: now,
            last_seen_at: row.last_seen_at,
          })),
        )
        .execute();
      const events = applied.rows
        .filter((row) => row.to_status !== 'unknown')
        .map((row) => {
          const payload: DeviceStatusEvent = {
            deviceId: row.id,
            type: row.type,
            adminUnitCode: row.admin_unit_code,
            from: row.from_status,
            to: row.to_status,
            changedAt: now.toISOString(),
            lastSeenAt: row.last_seen_at?.toISOString() ?? null,
          };
          return { type: deviceEventTypes[row.to_status as 'online' | 'offline'], payload: { ...payload } };
        });
      await this.events.publishMany(trx, events);
      return applied.rows.length;
    });
  }
}
