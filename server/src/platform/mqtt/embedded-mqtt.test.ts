import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedMqtt } from './embedded-mqtt';
import type { MqttMessage } from './mqtt';
import { createMqttMetrics } from './mqtt-metrics';
import {
  connectDevice,
  counterValue,
  eventually,
  silentLogger,
  startEmbedded,
  uniqueRoot,
} from './mqtt.test-support';

describe('embedded broker', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function started() {
    const broker = await startEmbedded();
    cleanups.push(() => broker.mqtt.close());
    return broker;
  }

  async function device(url: string): Promise<MqttClient> {
    const client = await connectDevice(url);
    cleanups.push(() => client.endAsync(true));
    return client;
  }

  it('delivers a device publish to a platform handler and a platform publish to a device', async () => {
    const { mqtt, url } = await started();
    const root = uniqueRoot();
    const received: MqttMessage[] = [];
    await mqtt.subscribe(`${root}/+/up`, async (message) => {
      received.push(message);
    });
    const sensor = await device(url);
    await sensor.publishAsync(`${root}/s1/up`, '{"t":21.5}', { qos: 1 });
    expect(received.map((m) => [m.topic, m.payload.toString(), m.qos])).toEqual([
      [`${root}/s1/up`, '{"t":21.5}', 1],
    ]);

    const downlink = new Promise<string>((resolve) =>
      sensor.on('message', (topic, payload) => resolve(`${topic} ${payload.toString()}`)),
    );
    await sensor.subscribeAsync(`${root}/s1/down`, { qos: 1 });
    await mqtt.publish(`${root}/s1/down`, 'reboot', { qos: 1 });
    expect(await downlink).toBe(`${root}/s1/down reboot`);
  });

  it("sends the device's PUBACK only after the handler resolved", async () => {
    const { mqtt, url } = await started();
    const root = uniqueRoot();
    const order: string[] = [];
    let commit: () => void = () => {};
    await mqtt.subscribe(`${root}/obs`, async () => {
      order.push('handler started');
      await new Promise<void>((resolve) => (commit = resolve));
      order.push('committed');
    });
    const sensor = await device(url);
    const acked = sensor.publishAsync(`${root}/obs`, '1', { qos: 1 }).then(() => order.push('puback'));
    await eventually(() => order.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['handler started']);
    commit();
    await acked;
    expect(order).toEqual(['handler started', 'committed', 'puback']);
  });

  it('withholds the PUBACK when a handler fails, so the device sends the message again', async () => {
    const { mqtt, url, registry } = await started();
    const root = uniqueRoot();
    let calls = 0;
    await mqtt.subscribe(`${root}/obs`, async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
    });
    const sensor = await device(url);
    await sensor.publishAsync(`${root}/obs`, '42', { qos: 1 });
    expect(calls).toBe(2);
    expect(await counterValue(registry, 'citydx_mqtt_handler_failures_total')).toBe(1);
  });

  it('counts a malformed payload, acknowledges it and keeps serving', async () => {
    const { mqtt, url, registry } = await started();
    const root = uniqueRoot();
    const good: unknown[] = [];
    await mqtt.subscribe(`${root}/obs`, async (message) => {
      try {
        good.push(JSON.parse(message.payload.toString()));
      } catch {
        mqtt.malformed(message, 'not JSON');
      }
    });
    const sensor = await device(url);
    await sensor.publishAsync(`${root}/obs`, '{not json', { qos: 1 });
    await sensor.publishAsync(`${root}/obs`, Buffer.from([0xff, 0x00, 0xfe]), { qos: 1 });
    await sensor.publishAsync(`${root}/obs`, '{"ok":true}', { qos: 1 });
    expect(good).toEqual([{ ok: true }]);
    expect(await counterValue(registry, 'citydx_mqtt_messages_malformed_total')).toBe(2);
    expect(await counterValue(registry, 'citydx_mqtt_messages_received_total')).toBe(3);
  });

  it('never forwards private topics (device tokens) to other subscribers', async () => {
    const { mqtt, url } = await started();
    const root = uniqueRoot();
    const platformSaw: string[] = [];
    await mqtt.subscribe(`${root}/+/heartbeat`, async (m) => void platformSaw.push(m.topic), {
      private: true,
    });
    const snoop = await device(url);
    const snooped: string[] = [];
    snoop.on('message', (topic) => snooped.push(topic));
    await snoop.subscribeAsync('#', { qos: 1 });
    const camera = await device(url);
    await camera.publishAsync(`${root}/c1/heartbeat`, '{"token":"secret"}', { qos: 1 });
    await camera.publishAsync(`${root}/c1/status`, 'ok', { qos: 1 });
    await eventually(() => snooped.includes(`${root}/c1/status`));
    expect(platformSaw).toEqual([`${root}/c1/heartbeat`]);
    expect(snooped.filter((topic) => topic.startsWith(root))).toEqual([`${root}/c1/status`]);
  });

  it('announces to subscribers only, private filters included, and knows which topics have any', async () => {
    const { mqtt, url } = await started();
    const root = uniqueRoot();
    const handled: string[] = [];
    await mqtt.subscribe(`${root}/#`, async (message) => void handled.push(message.topic), { private: true });
    expect(mqtt.hasSubscribers(`${root}/a/obs`)).toBe(false);

    const watcher = await device(url);
    const seen: string[] = [];
    watcher.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString()}`));
    await watcher.subscribeAsync(`${root}/+/obs`, { qos: 0 });
    expect(mqtt.hasSubscribers(`${root}/a/obs`)).toBe(true);
    expect(mqtt.hasSubscribers(`${root}/a/other`)).toBe(false);

    expect(mqtt.announce(`${root}/a/obs`, Buffer.from('21.5'))).toBe(true);
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([`${root}/a/obs 21.5`]);
    expect(handled).toEqual([]); // announcements never pass the platform's handlers

    await watcher.unsubscribeAsync(`${root}/+/obs`);
    expect(mqtt.hasSubscribers(`${root}/a/obs`)).toBe(false);
    await watcher.subscribeAsync(`${root}/+/obs`, { qos: 0 });
    expect(mqtt.hasSubscribers(`${root}/a/obs`)).toBe(true);
    await watcher.endAsync(true);
    await eventually(() => !mqtt.hasSubscribers(`${root}/a/obs`));
  });

  it('still starts, in-process only, when its port is taken', async () => {
    const first = await started();
    const port = Number(new URL(first.url).port);
    const second = new EmbeddedMqtt({ host: '127.0.0.1', port }, silentLogger, createMqttMetrics());
    await second.start();
    cleanups.push(() => second.close());
    expect(second.endpoint()).toBeNull();
    const seen: string[] = [];
    await second.subscribe('citydx/x', async (m) => void seen.push(m.payload.toString()));
    await second.publish('citydx/x', 'still serving', { qos: 1 });
    expect(seen).toEqual(['still serving']);
  });

  it('runs in-process only, with no TCP port, when the port is not set', async () => {
    const embedded = new EmbeddedMqtt({ host: '127.0.0.1' }, silentLogger, createMqttMetrics());
    await embedded.start();
    cleanups.push(() => embedded.close());
    expect(embedded.endpoint()).toBeNull();
    const seen: string[] = [];
    const unsubscribe = await embedded.subscribe('citydx/alerts/#', async (m) => {
      seen.push(m.payload.toString());
    });
    await embedded.publish('citydx/alerts/flood', 'level 2', { qos: 1 });
    await unsubscribe();
    await embedded.publish('citydx/alerts/flood', 'level 3', { qos: 1 });
    expect(seen).toEqual(['level 2']);
  });
});
