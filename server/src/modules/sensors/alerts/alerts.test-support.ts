import { expect } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../../test/app';
import type { SensorsApi } from '../sensors.module';
import { body, MEASUREMENT, staClient } from '../testing/sta-client';

/** The real app on a migrated test database, with a system administrator's token. */
export async function buildAlertsTestApp(): Promise<{ t: TestApp; adminToken: string }> {
  const t = await buildTestApp({ MQTT_EMBEDDED_PORT: '0' });
  await t.citydx.platform.jobs.sync();
  const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
  return { t, adminToken: token };
}

/** A water-level gauge posted through SensorThings: a Thing at `coordinates` with one Datastream. */
export async function createGauge(
  t: TestApp,
  token: string,
  name: string,
  coordinates: [number, number] = [108.2208, 16.0678],
): Promise<{ thingId: number; datastreamId: number; observedPropertyId: number }> {
  const sta = staClient(t, token);
  const response = await sta.post('Things', {
    name,
    description: `Trạm thử ${name}`,
    Locations: [
      {
        name: `Vị trí ${name}`,
        description: 'Đà Nẵng',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates },
      },
    ],
    Datastreams: [
      {
        name: `Mực nước ${name}`,
        description: 'Mực nước',
        observationType: MEASUREMENT,
        unitOfMeasurement: { name: 'metre', symbol: 'm', definition: 'ucum:m' },
        Sensor: {
          name: 'Thước đo',
          description: 'Radar',
          encodingType: 'text/html',
          metadata: 'https://example.org',
        },
        ObservedProperty: {
          name: 'waterLevel',
          definition: 'https://smartdatamodels.org/waterLevel',
          description: 'Mực nước',
        },
      },
    ],
  });
  expect(response.statusCode, response.body).toBe(201);
  const thingId = body<{ '@iot.id': number }>(response)['@iot.id'];
  const streams = body<{ value: { '@iot.id': number }[] }>(
    await sta.get(`Things(${thingId})/Datastreams`),
  ).value;
  const datastreamId = streams[0]?.['@iot.id'] ?? 0;
  const property = body<{ '@iot.id': number }>(
    await sta.get(`Datastreams(${datastreamId})/ObservedProperty`),
  );
  return { thingId, datastreamId, observedPropertyId: property['@iot.id'] };
}

export function sensorsApi(t: TestApp): SensorsApi {
  return t.citydx.modules.find((module) => module.name === 'sensors')?.api as SensorsApi;
}

/** Records values at the given times through the real ingest path. */
export async function record(
  t: TestApp,
  datastreamId: number,
  values: readonly [Date, unknown][],
): Promise<void> {
  const outcomes = await sensorsApi(t).recordObservations(
    t.database.db,
    values.map(([phenomenonTime, result]) => ({ datastreamId, phenomenonTime, result })),
  );
  expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
}

/** Runs an alert job through the real scheduler and fails the test when the job failed. */
export async function runJob(
  t: TestApp,
  name: 'sensors.alerts.evaluate' | 'sensors.alerts.frozen',
): Promise<void> {
  const status = await t.citydx.platform.jobs.runNow(name);
  expect(status.lastError).toBeNull();
}

/** Calls /api/v1/sensors/… with a token. */
export function sensorsCall(t: TestApp) {
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
  ) => {
    const response = await t.citydx.app.inject({
      method,
      url: `/api/v1/sensors${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: response.statusCode,
      body: response.body ? json<Record<string, unknown>>(response) : {},
    };
  };
}

/** `minutes` after a fixed start, so phenomenon times and durations are exact. */
export const minute = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
