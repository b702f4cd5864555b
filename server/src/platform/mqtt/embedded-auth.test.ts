import { afterEach, describe, expect, it } from 'vitest';
import type { MqttMessage } from './mqtt';
import { connectDevice, eventually, startEmbedded, uniqueRoot } from './mqtt.test-support';
import mqtt from 'mqtt';

describe('embedded broker: who published a message', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('tells handlers the sender: the platform, an anonymous client, or what an authenticator returned', async () => {
    const { mqtt: broker, url } = await startEmbedded();
    cleanups.push(() => broker.close());
    broker.authenticateWith(async ({ username, password }) =>
      username === 'gauge-7' && password?.toString() === 'secret' ? { gauge: 7 } : null,
    );
    const root = uniqueRoot();
    const seen: MqttMessage[] = [];
    await broker.subscribe(`${root}/#`, async (message) => void seen.push(message));

    const anonymous = await connectDevice(url);
    const gauge = await mqtt.connectAsync(url, {
      username: 'gauge-7',
      password: 'secret',
      reconnectPeriod: 0,
    });
    cleanups.push(
      () => anonymous.endAsync(true),
      () => gauge.endAsync(true),
    );
    await anonymous.publishAsync(`${root}/a`, '1', { qos: 1 });
    await gauge.publishAsync(`${root}/g`, '2', { qos: 1 });
    await broker.publish(`${root}/p`, '3', { qos: 1 });

    expect(seen.map((m) => [m.topic.slice(root.length), m.sender?.kind])).toEqual([
      ['/a', 'anonymous'],
      ['/g', 'authenticated'],
      ['/p', 'platform'],
    ]);
    const sender = seen[1]?.sender;
    expect(sender?.kind === 'authenticated' && sender.identity).toEqual({ gauge: 7 });
    await expect(
      mqtt.connectAsync(url, { username: 'gauge-7', password: 'wrong', reconnectPeriod: 0 }),
    ).rejects.toThrow(/Bad username or password/);
  });

  it('forwards messages on a private filter only when the platform published them', async () => {
    const { mqtt: broker, url } = await startEmbedded();
    cleanups.push(() => broker.close());
    const root = uniqueRoot();
    await broker.subscribe(`${root}/#`, async () => {}, { private: true });
    const watcher = await connectDevice(url);
    const device = await connectDevice(url);
    cleanups.push(
      () => watcher.endAsync(true),
      () => device.endAsync(true),
    );
    const received: string[] = [];
    watcher.on('message', (_topic, payload) => received.push(payload.toString()));
    await watcher.subscribeAsync(`${root}/#`, { qos: 1 });
    await device.publishAsync(`${root}/x`, 'from a device', { qos: 1 });
    await broker.publish(`${root}/x`, 'from the platform', { qos: 1 });
    await eventually(() => received.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(['from the platform']);
  });
});
