import { sql } from 'kysely';
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app';
import { buildDevicesTestApp } from '../devices/devices.test-support';
import {
  adminToken,
  connectClient,
  createDevice,
  createStation,
  eventually,
  freePort,
  metric,
  type Station,
} from './mqtt-ingest.test-support';

interface StoredRow {
  id: number;
  datastream_id: number;
  result_number: number | null;
  result_json: unknown;
  parameters: Record<string, unknown> | null;
}

describe('observations over MQTT (embedded broker)', () => {
  let t: TestApp;
  let url: string;
  let token: string;
  let station: Station;
  let other: Station;
  let device: { id: string; token: string };
  const clients: MqttClient[] = [];

  const rows = async (datastreamId: number) =>
    (
      await sql<StoredRow>`select id, datastream_id, result_number, result_json, parameters
        from sensors.observations where datastream_id = ${datastreamId}::bigint order by id`.execute(
        t.citydx.platform.db,
      )
    ).rows;

  async function client(options: Parameters<typeof connectClient>[1] = {}): Promise<MqttClient> {
    const connected = await connectClient(url, options);
    clients.push(connected);
    return connected;
  }

  beforeAll(async () => {
    const port = await freePort();
    t = await buildDevicesTestApp({ MQTT_EMBEDDED_PORT: String(port), HOST: '127.0.0.1' });
    await t.citydx.platform.mqtt.start();
    url = `mqtt://127.0.0.1:${port}`;
    token = await adminToken(t);
    station = await createStation(t, token, 'Trạm MQTT 1');
    other = await createStation(t, token, 'Trạm MQTT 2');
    device = await createDevice(t, token, station.thingId);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.endAsync(true);
  });
  afterAll(() => t.close());

  it('stores an STA Observation before the PUBACK and announces it on the STA topics', async () => {
    const [datastream] = station.datastreamIds as [number];
    const watcher = await client();
    const seen: [string, Record<string, unknown>][] = [];
    watcher.on('message', (topic, payload) => seen.push([topic, JSON.parse(payload.toString())]));
    await watcher.subscribeAsync(
      [`v1.1/Datastreams(${datastream})/Observations`, 'v1.1/Observations', 'v1.1/FeaturesOfInterest/#'],
      { qos: 1 },
    );
    const publisher = await client({ username: 'integration', password: token });
    await publisher.publishAsync(
      `v1.1/Datastreams(${datastream})/Observations`,
      JSON.stringify({
        phenomenonTime: '2026-01-05T03:00:00Z',
        result: 21.5,
        parameters: { source: 'test' },
      }),
      { qos: 1 },
    );
    // The PUBACK came back: the row is committed already, no waiting.
    expect((await rows(datastream)).map((r) => [r.result_number, r.parameters])).toEqual([
      [21.5, { source: 'test' }],
    ]);

    await eventually(() => seen.length >= 2);
    const stored = (await rows(datastream))[0] as StoredRow;
    expect(seen.map(([topic]) => topic).sort()).toEqual(
      [`v1.1/Datastreams(${datastream})/Observations`, 'v1.1/Observations'].sort(),
    );
    const [, notification] = seen[0] as [string, Record<string, unknown>];
    expect(notification).toMatchObject({
      '@iot.id': Number(stored.id),
      phenomenonTime: '2026-01-05T03:00:00.000Z',
      result: 21.5,
      parameters: { source: 'test' },
    });
    expect(String(notification['@iot.selfLink'])).toMatch(/\/sta\/v1\.1\/Observations\(\d+\)$/);
    // The device's own message (no @iot.id) never reached the watcher: only the platform's notification.
    expect(seen.every(([, payload]) => '@iot.id' in payload)).toBe(true);
  });

  it("announces on the generated FeatureOfInterest's topic, and builds nothing once nobody listens", async () => {
    const [, datastream] = other.datastreamIds as [number, number];
    const watcher = await client();
    const seen: string[] = [];
    watcher.on('message', (topic) => seen.push(topic));
    await watcher.subscribeAsync('v1.1/+/Observations', { qos: 0 });
    const publisher = await client({ username: 'integration', password: token });
    await publisher.publishAsync(`v1.1/Datastreams(${datastream})/Observations`, '{"result": 3}', {
      qos: 1,
    });
    const { rows: stored } = await sql<{ feature_of_interest_id: number }>`
      select feature_of_interest_id from sensors.observations
      where datastream_id = ${datastream}::bigint order by id desc limit 1`.execute(t.citydx.platform.db);
    const feature = Number(stored[0]?.feature_of_interest_id);
    await eventually(() => seen.length >= 2);
    expect(seen.sort()).toEqual(
      [
        `v1.1/Datastreams(${datastream})/Observations`,
        `v1.1/FeaturesOfInterest(${feature})/Observations`,
      ].sort(),
    );
    const mqtt = t.citydx.platform.mqtt;
    expect(mqtt.hasSubscribers(`v1.1/FeaturesOfInterest(${feature})/Observations`)).toBe(true);
    await watcher.endAsync(true);
    await eventually(() => !mqtt.hasSubscribers(`v1.1/FeaturesOfInterest(${feature})/Observations`));
  });

  it('advertises the MQTT endpoint on the STA landing page', async () => {
    const landing = JSON.parse((await t.citydx.app.inject({ method: 'GET', url: '/sta/v1.1/' })).body) as {
      serverSettings: Record<string, unknown> & { conformance: string[] };
    };
    const classes = [
      'http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation',
      'http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates',
    ];
    for (const uri of classes) {
      expect(landing.serverSettings.conformance).toContain(uri);
      expect(landing.serverSettings[uri]).toEqual({ endpoints: [url] });
    }
  });

  it('takes the Datastream from the payload on v1.1/Observations, and plain JSON readings', async () => {
    const [, datastream] = station.datastreamIds as [number, number];
    const publisher = await client({ username: 'integration', password: token });
    await publisher.publishAsync(
      'v1.1/Observations',
      JSON.stringify({ result: 7, Datastream: { '@iot.id': datastream } }),
      { qos: 1 },
    );
    await publisher.publishAsync(
      `citydx/datastreams/${datastream}/observations`,
      JSON.stringify([
        { t: '2026-01-05T03:00:00Z', v: 8 },
        { v: 9, p: { simulated: true } },
      ]),
      { qos: 1 },
    );
    await publisher.publishAsync(`citydx/datastreams/${datastream}/observations`, '{"v": 10}', { qos: 1 });
    expect((await rows(datastream)).map((r) => r.result_number)).toEqual([7, 8, 9, 10]);
  });

  it('lets a device publish to its own Thing only, and refuses anonymous clients and wrong tokens', async () => {
    const [mine] = station.datastreamIds as [number];
    const [theirs] = other.datastreamIds as [number];
    const before = { mine: (await rows(mine)).length, theirs: (await rows(theirs)).length };
    const malformedBefore = await metric(t, 'citydx_mqtt_messages_malformed_total');

    const sensor = await client({ username: device.id, password: device.token });
    await sensor.publishAsync(`citydx/datastreams/${mine}/observations`, '{"v": 30}', { qos: 1 });
    await sensor.publishAsync(`citydx/datastreams/${theirs}/observations`, '{"v": 31}', { qos: 1 });
    const anonymous = await client();
    await anonymous.publishAsync(`v1.1/Datastreams(${mine})/Observations`, '{"result": 32}', { qos: 1 });
    await expect(client({ username: device.id, password: 'dvt_wrong' })).rejects.toThrow(/Bad username/i);
    await expect(client({ username: 'someone', password: 'cdx_wrong' })).rejects.toThrow(/Bad username/i);

    expect((await rows(mine)).length).toBe(before.mine + 1);
    expect((await rows(theirs)).length).toBe(before.theirs);
    expect(await metric(t, 'citydx_mqtt_messages_malformed_total')).toBe(malformedBefore + 2);
  });

  it('counts malformed payloads, acknowledges them and keeps consuming', async () => {
    const [datastream] = other.datastreamIds as [number];
    const before = (await rows(datastream)).length;
    const malformedBefore = await metric(t, 'citydx_mqtt_messages_malformed_total');
    const publisher = await client({ username: 'integration', password: token });
    const staTopic = `v1.1/Datastreams(${datastream})/Observations`;
    const far = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const bad: [string, string | Buffer][] = [
      [staTopic, '{not json'],
      [staTopic, Buffer.from([0xff, 0x00, 0xfe])],
      [staTopic, '{"result": NaN}'],
      [staTopic, '{"result": "twenty"}'],
      [staTopic, `{"result": 1, "phenomenonTime": "${far}"}`],
      [staTopic, '{"result": 1, "colour": "red"}'],
      [staTopic, '[1, 2]'],
      ['v1.1/Datastreams(999999)/Observations', '{"result": 1}'],
      ['v1.1/Things(1)', '{"name": "spoofed"}'],
      [`citydx/datastreams/${datastream}/observations`, '{"v": "NaN"}'],
      [`citydx/datastreams/${datastream}/observations`, '{"t": "yesterday", "v": 1}'],
      ['citydx/datastreams/abc/observations', '{"v": 1}'],
    ];
    for (const [topic, payload] of bad) await publisher.publishAsync(topic, payload, { qos: 1 });
    await publisher.publishAsync(staTopic, '{"result": 42}', { qos: 1 });

    expect((await rows(datastream)).map((r) => r.result_number).slice(before)).toEqual([42]);
    expect(await metric(t, 'citydx_mqtt_messages_malformed_total')).toBe(malformedBefore + bad.length);
  });

  it('commits messages arriving together in shared batches, acknowledging each after its commit', async () => {
    const [datastream] = station.datastreamIds as [number];
    const before = (await rows(datastream)).length;
    const publishers = await Promise.all(
      [1, 2, 3, 4].map(() => client({ username: 'integration', password: token })),
    );
    const perClient = 250;
    const acknowledged: number[] = [];
    await Promise.all(
      publishers.map((publisher, p) =>
        Promise.all(
          Array.from({ length: perClient }, (_, i) => {
            const sequence = p * perClient + i;
            return publisher
              .publishAsync(
                `v1.1/Datastreams(${datastream})/Observations`,
                JSON.stringify({ result: sequence, parameters: { sequence } }),
                { qos: 1 },
              )
              .then(() => acknowledged.push(sequence));
          }),
        ),
      ),
    );
    expect(acknowledged.length).toBe(1000);
    const stored = (await rows(datastream)).slice(before).map((r) => r.result_number);
    expect(stored.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
