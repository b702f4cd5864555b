import net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { EmbeddedMqtt } from './embedded-mqtt';
import { createMqttMetrics } from './mqtt-metrics';

export const silentLogger = pino({ level: 'silent' });

/** A unique topic root per test, so tests sharing the system Mosquitto never see each other's messages. */
export function uniqueRoot(): string {
  return `citydx-test/${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

/** An embedded broker on a free TCP port, with its own metrics registry. */
export async function startEmbedded(): Promise<{ mqtt: EmbeddedMqtt; registry: Registry; url: string }> {
  const registry = new Registry();
  const embedded = new EmbeddedMqtt(
    { host: '127.0.0.1', port: 0 },
    silentLogger,
    createMqttMetrics(registry),
  );
  await embedded.start();
  const url = embedded.endpoint();
  if (!url) throw new Error('embedded broker has no TCP endpoint');
  return { mqtt: embedded, registry, url: url.replace('localhost', '127.0.0.1') };
}

/** A device: a plain MQTT client connected over TCP. */
export async function connectDevice(url: string, clientId?: string): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    clientId: clientId ?? `device-${Math.random().toString(36).slice(2, 10)}`,
    protocolVersion: 4,
    reconnectPeriod: 100,
  });
}

/** True when a TCP connection to host:port opens within the timeout (Mosquitto on 1883 in CI). */
export function reachable(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function counterValue(registry: Registry, name: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values.reduce((sum, value) => sum + value.value, 0) ?? 0;
}

/** Resolves when `predicate` holds, polling; fails after the timeout. */
export async function eventually(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
