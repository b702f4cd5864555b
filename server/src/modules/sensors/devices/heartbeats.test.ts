import net from 'node:net';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, json, type TestApp } from '../../../../test/app';
import { buildDevicesTestApp } from './devices.test-support';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('heartbeats over HTTP and MQTT', () => {
  let t: TestApp;
  let port: number;
  let device: { id: string; token: string };

  const lastSeen = async (id: string) => {
    const result = await sql<{ last_seen_at: Date | null; heartbeat_streak: number }>`
      select last_seen_at, heartbeat_streak from sensors.devices where id = ${id}`.execute(
      t.citydx.platform.db,
    );
    return result.rows[0];
  };

  const metric = async (name: string) => {
    const text = (await t.citydx.app.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 'NaN');
  };

  beforeAll(async () => {
    port = await freePort();
    t = await buildDevicesTestApp({ MQTT_EMBEDDED_PORT: String(port), HOST: '127.0.0.1' });
    await t.citydx.platform.mqtt.start();
    const admin = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    const created = await t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/sensors/devices',
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { type: 'water_level_gauge', name: 'Trạm đo mực nước sông Hàn', heartbeatIntervalSeconds: 60 },
    });
    const body = json<{ device: { id: string }; token: string }>(created);
    device = { id: body.device.id, token: body.token };
  });
  afterAll(() => t.close());

  it('records an HTTP heartbeat with the device token and refuses a wrong one', async () => {
    const beat = (token: string, id = device.id) =>
      t.citydx.app.inject({
        method: 'POST',
        url: `/api/v1/sensors/devices/${id}/heartbeat`,
        headers: { 'x-device-token': token },
      });
    expect((await lastSeen(device.id))?.last_seen_at).toBeNull();
    const accepted = await beat(device.token);
    expect(accepted.statusCode).toBe(204);
    expect((await lastSeen(device.id))?.last_seen_at).toBeInstanceOf(Date);

    for (const refused of [await beat('dvt_wrong'), await beat(device.token, crypto.randomUUID())]) {
      expect(refused.statusCode).toBe(401);
      expect(json<{ error: { code: string } }>(refused).error.code).toBe('SENSORS_DEVICE_TOKEN_INVALID');
    }
    const noToken = await t.citydx.app.inject({
      method: 'POST',
      url: `/api/v1/sensors/devices/${device.id}/heartbeat`,
    });
    expect(noToken.statusCode).toBe(400);
    const badId = await beat(device.token, 'not-a-uuid');
    expect(badId.statusCode).toBe(400);
  });

  it('batches many heartbeats into one write per flush', async () => {
    const before = (await lastSeen(device.id))?.last_seen_at ?? new Date(0);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.citydx.app.inject({
          method: 'POST',
          url: `/api/v1/sensors/devices/${device.id}/heartbeat`,
          headers: { 'x-device-token': device.token },
        }),
      ),
    );
    expect(outcomes.every((response) => response.statusCode === 204)).toBe(true);
    const after = await lastSeen(device.id);
    expect(after?.last_seen_at?.getTime()).toBeGreaterThan(before.getTime());
    // Fifty beats within one flush are one update: the streak grew by one, not fifty.
    expect(after?.heartbeat_streak).toBeLessThanOrEqual(3);
  });

  it('records an MQTT heartbeat on citydx/devices/{id}/heartbeat and counts malformed ones', async () => {
    const before = (await lastSeen(device.id))?.last_seen_at?.getTime() ?? 0;
    const malformedBefore = await metric('citydx_mqtt_messages_malformed_total');
    const gauge = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: 'gauge-song-han' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await gauge.publishAsync(
        `citydx/devices/${device.id}/heartbeat`,
        JSON.stringify({ token: device.token }),
        {
          qos: 1,
        },
      );
      await eventually(async () => ((await lastSeen(device.id))?.last_seen_at?.getTime() ?? 0) > before);

      await gauge.publishAsync(`citydx/devices/${device.id}/heartbeat`, 'not json', { qos: 1 });
      await gauge.publishAsync('citydx/devices/not-a-uuid/heartbeat', '{"token":"x"}', { qos: 1 });
      await gauge.publishAsync(`citydx/devices/${device.id}/heartbeat`, '{"token":42}', { qos: 0 });
      await gauge.publishAsync(`citydx/devices/${device.id}/heartbeat`, '{"token":"dvt_wrong"}', { qos: 1 });
      // Three malformed payloads, and one wrong token (counted once its batch is written).
      await eventually(
        async () => (await metric('citydx_mqtt_messages_malformed_total')) === malformedBefore + 4,
      );

      // The broker and the consumer are still serving.
      const later = (await lastSeen(device.id))?.last_seen_at?.getTime() ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await gauge.publishAsync(
        `citydx/devices/${device.id}/heartbeat`,
        JSON.stringify({ token: device.token }),
        {
          qos: 1,
        },
      );
      await eventually(async () => ((await lastSeen(device.id))?.last_seen_at?.getTime() ?? 0) > later);
    } finally {
      await gauge.endAsync();
    }
  });
});
