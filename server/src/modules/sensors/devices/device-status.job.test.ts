import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/audit/audit';
import { Principal } from '../../../platform/auth/principal';
import { DeviceStatusJob, deviceEventTypes } from './device-status.job';
import { DevicesService } from './devices.service';
import { newDeviceToken } from './device-token';
import { recordHeartbeats } from './heartbeats.repo';
import type { TestApp } from '../../../../test/app';
import { buildDevicesTestApp } from './devices.test-support';

const admin = new Principal(
  crypto.randomUUID(),
  'admin@test',
  'Admin',
  [{ role: 'system_admin', agencyId: null }],
  'token',
  null,
);

describe('device status job over the database', () => {
  let t: TestApp;
  let clock: Date;
  let job: DeviceStatusJob;
  let deviceId: string;
  let tokenHash: string;
  const t0 = Date.now();
  const at = (seconds: number) => new Date(t0 + seconds * 1000);

  beforeAll(async () => {
    t = await buildDevicesTestApp();
    const { db, audit, events } = t.citydx.platform;
    job = new DeviceStatusJob(db, events, { offlineAfterMissed: 3, onlineAfterHeartbeats: 2 }, () => clock);
    const { device } = await new DevicesService(db, audit).create(
      admin,
      {
        type: 'rain_gauge',
        name: 'Trạm đo mưa Hòa Vang',
        code: null,
        agencyId: null,
        adminUnitCode: '20320',
        location: null,
        address: null,
        streamUrl: null,
        streamAccess: 'operators',
        ownerKind: 'city',
        ownerName: null,
        ownerUserId: null,
        consentAt: null,
        consentReference: null,
        thingId: null,
        monitored: true,
        heartbeatIntervalSeconds: 30,
        note: null,
      },
      systemActor,
    );
    deviceId = device.id;
    // A known token, so heartbeats can be written with the fake clock's times.
    const token = newDeviceToken();
    tokenHash = token.hash;
    await sql`update sensors.devices set token_hash = ${tokenHash} where id = ${deviceId}`.execute(db);
  });
  afterAll(() => t.close());

  const beat = (seconds: number) =>
    recordHeartbeats(t.citydx.platform.db, [{ deviceId, tokenHash, seenAt: at(seconds) }]);
  const run = async (seconds: number) => {
    clock = at(seconds);
    return job.run();
  };
  const status = async () =>
    (
      await sql<{ status: string }>`select status from sensors.devices where id = ${deviceId}`.execute(
        t.citydx.platform.db,
      )
    ).rows[0]?.status;

  it('walks unknown → online → offline → (one blip) offline → online, recording each change once', async () => {
    await beat(0);
    expect(await run(1)).toBe(0);
    expect(await status()).toBe('unknown');
    await beat(30);
    expect(await run(31)).toBe(1);
    expect(await status()).toBe('online');

    expect(await run(120)).toBe(0);
    expect(await run(121)).toBe(1);
    expect(await status()).toBe('offline');
    expect(await run(130)).toBe(0);

    await beat(300);
    expect(await run(301)).toBe(0);
    expect(await status()).toBe('offline');
    await beat(330);
    expect(await run(331)).toBe(1);
    expect(await status()).toBe('online');

    const { db } = t.citydx.platform;
    const changes = await sql<{ from_status: string; to_status: string }>`
      select from_status, to_status from sensors.device_state_changes where device_id = ${deviceId} order by id`.execute(
      db,
    );
    expect(changes.rows.map((row) => `${row.from_status}→${row.to_status}`)).toEqual([
      'unknown→online',
      'online→offline',
      'offline→online',
    ]);
    const events = await sql<{ type: string; payload: { deviceId: string; adminUnitCode: string } }>`
      select type, payload from platform.outbox_events where type like 'sensors.device.%' order by id`.execute(
      db,
    );
    expect(events.rows.map((row) => row.type)).toEqual([
      deviceEventTypes.online,
      deviceEventTypes.offline,
      deviceEventTypes.online,
    ]);
    expect(events.rows[1]?.payload).toMatchObject({
      deviceId,
      adminUnitCode: '20320',
      from: 'online',
      to: 'offline',
    });
  });

  it('takes a device offline whose last heartbeat was written with microseconds (SQL now())', async () => {
    const { db } = t.citydx.platform;
    await sql`update sensors.devices set status = 'online',
        last_seen_at = ${at(500).toISOString()}::timestamptz + interval '123 microseconds'
      where id = ${deviceId}`.execute(db);
    expect(await run(700)).toBe(1);
    expect(await status()).toBe('offline');
  });

  it('leaves unmonitored devices (samples) alone', async () => {
    const { db } = t.citydx.platform;
    await sql`update sensors.devices set monitored = false, status = 'online' where id = ${deviceId}`.execute(
      db,
    );
    expect(await run(10_000)).toBe(0);
    expect(await status()).toBe('online');
  });
});
