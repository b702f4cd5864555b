import net from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { createUserWithToken, json, type TestApp } from '../../../../test/app';
import { body, stationBody, staClient } from '../testing/sta-client';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves when `check` holds, polling; fails after the timeout. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A device or integration: a plain MQTT client over TCP. */
export function connectClient(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    clientId: `test-${Math.random().toString(36).slice(2, 10)}`,
    protocolVersion: 4,
    reconnectPeriod: 0,
    ...options,
  });
}

export interface Station {
  readonly thingId: number;
  readonly datastreamIds: readonly number[];
}

/** A Thing with a Location and two measurement Datastreams, created over the STA HTTP API. */
export async function createStation(t: TestApp, token: string, name: string): Promise<Station> {
  const sta = staClient(t, token);
  const created = await sta.post('Things', stationBody(name, [108.22, 16.06]));
  if (created.statusCode !== 201) throw new Error(`station not created: ${created.body}`);
  const thingId = Number(/Things\((\d+)\)/.exec(String(created.headers.location))?.[1]);
  const streams = body<{ value: { '@iot.id': number }[] }>(await sta.get(`Things(${thingId})/Datastreams`));
  return { thingId, datastreamIds: streams.value.map((s) => s['@iot.id']).sort((a, b) => a - b) };
}

/** A registry device linked to `thingId`, and its token. */
export async function createDevice(
  t: TestApp,
  adminToken: string,
  thingId: number,
): Promise<{ id: string; token: string }> {
  const created = await t.citydx.app.inject({
    method: 'POST',
    url: '/api/v1/sensors/devices',
    headers: { authorization: `Bearer ${adminToken}` },
    payload: { type: 'air_station', name: 'Trạm thử MQTT', thingId, heartbeatIntervalSeconds: 60 },
  });
  if (created.statusCode !== 201) throw new Error(`device not created: ${created.body}`);
  const answer = json<{ device: { id: string }; token: string }>(created);
  return { id: answer.device.id, token: answer.token };
}

export async function adminToken(t: TestApp): Promise<string> {
  return (await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token;
}

export async function metric(t: TestApp, name: string): Promise<number> {
  const text = (await t.citydx.app.inject({ method: 'GET', url: '/metrics' })).body;
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 'NaN');
}
