import mqtt from 'mqtt';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExternalMqtt } from './external-mqtt';
import type { MqttMessage } from './mqtt';
import { createMqttMetrics } from './mqtt-metrics';
import {
  connectDevice,
  counterValue,
  eventually,
  reachable,
  silentLogger,
  startEmbedded,
  uniqueRoot,
} from './mqtt.test-support';

/**
 * The platform as a client of an external broker: the system Mosquitto on 127.0.0.1:1883 when it runs
 * (CI and this machine), otherwise our embedded broker over TCP stands in for it.
 */
describe('external broker client', () => {
  let url: string;
  // aedes has no shared subscriptions; Mosquitto does.
  let sharedGroup = '';
  let stopFallback: (() => Promise<void>) | undefined;
  const clientIds: string[] = [];

  beforeAll(async () => {
    if (await reachable('127.0.0.1', 1883)) {
      url = 'mqtt://127.0.0.1:1883';
      sharedGroup = 'citydx-test';
      return;
    }
    const fallback = await startEmbedded();
    url = fallback.url;
    stopFallback = () => fallback.mqtt.close();
  });

  afterAll(async () => {
    // Our sessions are persistent (clean: false): end them, so the broker forgets them.
    for (const clientId of clientIds) {
      const cleaner = await mqtt.connectAsync(url, { clientId, clean: true, protocolVersion: 4 });
      await cleaner.endAsync();
    }
    await stopFallback?.();
  });

  function platformClient(registry = new Registry()): ExternalMqtt {
    const clientId = `citydx-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    clientIds.push(clientId);
    return new ExternalMqtt({ url, clientId, sharedGroup }, silentLogger, createMqttMetrics(registry));
  }

  it('receives what a device publishes and publishes what a device receives', async () => {
    const platform = platformClient();
    const root = uniqueRoot();
    const received: MqttMessage[] = [];
    await platform.subscribe(`${root}/+/heartbeat`, async (message) => void received.push(message));
    await platform.start();
    expect(platform.endpoint()).toBe(url);
    const camera = await connectDevice(url);
    try {
      await camera.publishAsync(`${root}/cam-7/heartbeat`, '{"token":"t"}', { qos: 1 });
      await eventually(() => received.length === 1);
      expect(received[0]?.topic).toBe(`${root}/cam-7/heartbeat`);
      expect(received[0]?.payload.toString()).toBe('{"token":"t"}');

      const command = new Promise<string>((resolve) =>
        camera.on('message', (_t, p) => resolve(p.toString())),
      );
      await camera.subscribeAsync(`${root}/cam-7/command`, { qos: 1 });
      await platform.publish(`${root}/cam-7/command`, 'snapshot', { qos: 1 });
      expect(await command).toBe('snapshot');
    } finally {
      await camera.endAsync(true);
      await platform.close();
    }
  });

  it('does not acknowledge a message whose handler failed; the broker delivers it again', async () => {
    const registry = new Registry();
    const platform = platformClient(registry);
    const root = uniqueRoot();
    const attempts: string[] = [];
    await platform.subscribe(`${root}/obs`, async (message) => {
      attempts.push(message.payload.toString());
      if (attempts.length === 1) throw new Error('database unavailable');
    });
    await platform.start();
    const sensor = await connectDevice(url);
    try {
      await sensor.publishAsync(`${root}/obs`, '17.5', { qos: 1 });
      await eventually(() => attempts.length === 2, 10_000);
      expect(attempts).toEqual(['17.5', '17.5']);
      expect(await counterValue(registry, 'citydx_mqtt_handler_failures_total')).toBe(1);
    } finally {
      await sensor.endAsync(true);
      await platform.close();
    }
  });

  it('keeps QoS 1 messages sent while the platform was away (persistent session)', async () => {
    const platform = platformClient();
    const root = uniqueRoot();
    const received: string[] = [];
    await platform.subscribe(`${root}/obs`, async (m) => void received.push(m.payload.toString()));
    await platform.start();
    await platform.close();
    const sensor = await connectDevice(url);
    try {
      await sensor.publishAsync(`${root}/obs`, 'while away', { qos: 1 });
      await platform.start();
      await eventually(() => received.length === 1);
      expect(received).toEqual(['while away']);
    } finally {
      await sensor.endAsync(true);
      await platform.close();
    }
  });
});
