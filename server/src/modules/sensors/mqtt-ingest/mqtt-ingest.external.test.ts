import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app';
import { reachable } from '../../../platform/mqtt/mqtt.test-support';
import { buildDevicesTestApp } from '../devices/devices.test-support';
import {
  adminToken,
  connectClient,
  createStation,
  eventually,
  type Station,
} from './mqtt-ingest.test-support';

const MOSQUITTO = { host: '127.0.0.1', port: 1883 };
const available = await reachable(MOSQUITTO.host, MOSQUITTO.port);

describe.skipIf(!available)('observations over MQTT through an external broker (Mosquitto)', () => {
  let t: TestApp;
  let station: Station;
  const url = `mqtt://${MOSQUITTO.host}:${MOSQUITTO.port}`;
  const unique = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  const results = async (datastreamId: number) =>
    (
      await sql<{ result_number: number }>`select result_number from sensors.observations
        where datastream_id = ${datastreamId}::bigint order by id`.execute(t.citydx.platform.db)
    ).rows.map((row) => row.result_number);

  beforeAll(async () => {
    t = await buildDevicesTestApp({
      MQTT_URL: url,
      MQTT_CLIENT_ID: `citydx-ingest-test-${unique}`,
      MQTT_SHARED_GROUP: `ingest-test-${unique}`,
    });
    await t.citydx.platform.mqtt.start();
    station = await createStation(t, await adminToken(t), `Trạm Mosquitto ${unique}`);
  });
  afterAll(() => t?.close());

  it('stores what devices publish, announces it, and does not take its own announcements back in', async () => {
    const datastream = station.datastreamIds[0] as number;
    const topic = `v1.1/Datastreams(${datastream})/Observations`;
    const watcher = await connectClient(url);
    const notifications: Record<string, unknown>[] = [];
    watcher.on('message', (_topic, payload) => {
      const body = JSON.parse(payload.toString()) as Record<string, unknown>;
      if ('@iot.id' in body) notifications.push(body);
    });
    await watcher.subscribeAsync(topic, { qos: 1 });
    const device = await connectClient(url);
    await device.publishAsync(topic, JSON.stringify({ result: 12.5 }), { qos: 1 });
    await device.publishAsync(`citydx/datastreams/${datastream}/observations`, '[{"v": 13}, {"v": 14}]', {
      qos: 1,
    });
    // The device's PUBACK came from Mosquitto: citydx acknowledges to Mosquitto after its commit.
    await eventually(async () => (await results(datastream)).length === 3);
    await eventually(() => notifications.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await results(datastream)).toEqual([12.5, 13, 14]);
    expect(notifications.map((n) => n.result)).toEqual([12.5, 13, 14]);
    await watcher.endAsync(true);
    await device.endAsync(true);
  });
});
