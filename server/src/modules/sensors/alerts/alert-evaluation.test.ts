import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app';
import { buildAlertsTestApp, createGauge, minute, record, runJob, sensorsCall } from './alerts.test-support';

type Incident = { id: string; status: string; alertActive: boolean; raiseCount: number; lastValue: unknown };
type WithHistory = Incident & { history: { kind: string }[] };

describe('alert evaluation on ingest, by the FROZEN job and on device status events', () => {
  let t: TestApp;
  let admin: string;
  let call: ReturnType<typeof sensorsCall>;
  // Observations three hours ago onwards: in the past, and in increasing time order.
  const base = new Date(Date.now() - 3 * 3600_000);

  const createRule = async (fields: Record<string, unknown>) => {
    const response = await call('POST', '/alert-rules', admin, {
      name: 'Quy tắc thử',
      severity: 'warning',
      ...fields,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  const incidentsOf = async (ruleId: string) =>
    (await call('GET', `/incidents?ruleId=${ruleId}&limit=50`, admin)).body.items as Incident[];
  const eventsOf = async (type: string, ruleId: string) => {
    const { rows } = await sql<{ payload: Record<string, unknown> }>`
      select payload from platform.outbox_events where type = ${type} and payload->>'ruleId' = ${ruleId}
      order by id`.execute(t.database.db);
    return rows.map((row) => row.payload);
  };
  /** Records values minutes after `base`, then runs the evaluation job as the scheduler would. */
  const feed = async (datastreamId: number, values: readonly [number, unknown][]) => {
    await record(
      t,
      datastreamId,
      values.map(([minutes, value]) => [minute(base, minutes), value]),
    );
    await runJob(t, 'sensors.alerts.evaluate');
  };

  beforeAll(async () => {
    ({ t, adminToken: admin } = await buildAlertsTestApp());
    call = sensorsCall(t);
  });
  afterAll(() => t.close());

  it('raises once past the threshold, clears only below the clear threshold, and reattaches', async () => {
    const gauge = await createGauge(t, admin, 'Cầu Rồng');
    const ruleId = await createRule({
      name: 'Ngập trên 1,5 m',
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 1.5,
      clearThreshold: 1.3,
      severity: 'critical',
      recipients: [{ channel: 'email', address: 'truc-ban@ioc.danang.test', locale: 'vi' }],
    });
    await feed(gauge.datastreamId, [[0, 1.2]]);
    expect(await incidentsOf(ruleId)).toEqual([]);

    await feed(gauge.datastreamId, [[1, 1.6]]);
    await feed(gauge.datastreamId, [[2, 1.7]]);
    const [incident] = await incidentsOf(ruleId);
    expect(incident).toMatchObject({ status: 'open', alertActive: true, raiseCount: 1, lastValue: 1.6 });
    const raised = await eventsOf('sensors.alert.raised', ruleId);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      incidentId: incident?.id,
      severity: 'critical',
      value: 1.6,
      datastreamId: gauge.datastreamId,
      observedProperty: 'waterLevel',
      unit: 'm',
      location: { latitude: 16.0678, longitude: 108.2208 },
    });
    const { rows: messages } = await sql<{ address: string; subject: string }>`
      select address, subject from notify.messages where template = 'sensors.alert.raised'`.execute(
      t.database.db,
    );
    expect(messages).toEqual([expect.objectContaining({ address: 'truc-ban@ioc.danang.test' })]);
    expect(messages[0]?.subject).toContain('Ngập trên 1,5 m');

    // 1.4 is inside the hysteresis band: still raised. 1.3 clears.
    await feed(gauge.datastreamId, [[3, 1.4]]);
    expect((await incidentsOf(ruleId))[0]?.alertActive).toBe(true);
    await feed(gauge.datastreamId, [[4, 1.3]]);
    expect((await incidentsOf(ruleId))[0]?.alertActive).toBe(false);
    expect(await eventsOf('sensors.alert.cleared', ruleId)).toEqual([
      expect.objectContaining({ incidentId: incident?.id, value: 1.3 }),
    ]);

    // Raised again while the incident is unresolved: the same incident, a second raise.
    await feed(gauge.datastreamId, [[5, 1.9]]);
    const again = await incidentsOf(ruleId);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ alertActive: true, raiseCount: 2 });
    const detail = (await call('GET', `/incidents/${incident?.id}`, admin)).body as WithHistory;
    expect(detail.history.map((step) => step.kind)).toEqual(['opened', 'alert_cleared', 'raised_again']);
    expect(await eventsOf('sensors.alert.raised', ruleId)).toHaveLength(2);
  });

  it.each([
    ['GTE', 10, 9.9, 10],
    ['LT', 0.2, 0.3, 0.1],
    ['LTE', 0.2, 0.3, 0.2],
    ['EQ', 7, 6, 7],
  ] as const)('%s %d: quiet at %d, raised at %d', async (operator, threshold, quiet, alerting) => {
    const gauge = await createGauge(t, admin, `Trạm ${operator}`);
    const ruleId = await createRule({ operator, datastreamId: gauge.datastreamId, threshold });
    await feed(gauge.datastreamId, [[10, quiet]]);
    expect(await incidentsOf(ruleId)).toEqual([]);
    await feed(gauge.datastreamId, [[11, alerting]]);
    expect(await incidentsOf(ruleId)).toEqual([
      expect.objectContaining({ alertActive: true, lastValue: alerting }),
    ]);
    await feed(gauge.datastreamId, [[12, quiet]]);
    expect((await incidentsOf(ruleId))[0]?.alertActive).toBe(false);
  });

  it('CHANGE raises when the value changes, and watches by observed property', async () => {
    const gauge = await createGauge(t, admin, 'Cửa van');
    const ruleId = await createRule({ operator: 'CHANGE', observedPropertyId: gauge.observedPropertyId });
    await feed(gauge.datastreamId, [[20, 1]]);
    await feed(gauge.datastreamId, [[21, 1]]);
    expect(await incidentsOf(ruleId)).toEqual([]);
    await feed(gauge.datastreamId, [[22, 2]]);
    expect(await incidentsOf(ruleId)).toEqual([expect.objectContaining({ alertActive: true, lastValue: 2 })]);
    await feed(gauge.datastreamId, [[23, 2]]);
    expect((await incidentsOf(ruleId))[0]?.alertActive).toBe(false);
  });

  it('CHANGE_DELTA raises on a rise of more than X within the window only', async () => {
    const gauge = await createGauge(t, admin, 'Sông Hàn');
    const ruleId = await createRule({
      operator: 'CHANGE_DELTA',
      datastreamId: gauge.datastreamId,
      threshold: 0.5,
      windowMinutes: 60,
    });
    // 1.0 → 1.6 over two hours is slow: the window only reaches back to 1.3.
    await feed(gauge.datastreamId, [
      [0, 1.0],
      [60, 1.3],
    ]);
    await feed(gauge.datastreamId, [[120, 1.6]]);
    expect(await incidentsOf(ruleId)).toEqual([]);
    // 1.6 → 2.2 within 30 minutes: a flash rise.
    await feed(gauge.datastreamId, [[150, 2.2]]);
    expect(await incidentsOf(ruleId)).toEqual([
      expect.objectContaining({ alertActive: true, lastValue: 2.2 }),
    ]);
  });

  it('waits for the minimum duration before raising', async () => {
    const gauge = await createGauge(t, admin, 'Bụi mịn');
    const ruleId = await createRule({
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 55,
      minDurationSeconds: 1800,
    });
    await feed(gauge.datastreamId, [[0, 60]]);
    await feed(gauge.datastreamId, [[15, 61]]);
    expect(await incidentsOf(ruleId)).toEqual([]);
    // A dip restarts the wait.
    await feed(gauge.datastreamId, [[20, 50]]);
    await feed(gauge.datastreamId, [[40, 62]]);
    await feed(gauge.datastreamId, [[60, 63]]);
    expect(await incidentsOf(ruleId)).toEqual([]);
    await feed(gauge.datastreamId, [[70, 64]]);
    expect(await incidentsOf(ruleId)).toEqual([expect.objectContaining({ lastValue: 64 })]);
  });

  it('queues nothing for datastreams no rule watches', async () => {
    const gauge = await createGauge(t, admin, 'Không theo dõi');
    await record(t, gauge.datastreamId, [[minute(base, 0), 5]]);
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from sensors.alert_evaluation_queue where datastream_id = ${gauge.datastreamId}`.execute(
      t.database.db,
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('FROZEN: the job raises for a silent datastream and clears when data comes back', async () => {
    const gauge = await createGauge(t, admin, 'Trạm im lặng');
    await record(t, gauge.datastreamId, [[minute(base, 0), 1]]);
    const ruleId = await createRule({
      operator: 'FROZEN',
      datastreamId: gauge.datastreamId,
      windowMinutes: 30,
    });
    await runJob(t, 'sensors.alerts.frozen');
    await runJob(t, 'sensors.alerts.frozen');
    expect(await incidentsOf(ruleId)).toEqual([expect.objectContaining({ alertActive: true })]);
    expect(await eventsOf('sensors.alert.raised', ruleId)).toHaveLength(1);
    await record(t, gauge.datastreamId, [[new Date(), 1.1]]);
    await runJob(t, 'sensors.alerts.frozen');
    expect((await incidentsOf(ruleId))[0]?.alertActive).toBe(false);
  });

  it('DEVICE_OFFLINE: the device status job going offline raises, coming online clears', async () => {
    const gauge = await createGauge(t, admin, 'Trạm có thiết bị');
    const ruleId = await createRule({
      operator: 'DEVICE_OFFLINE',
      deviceType: 'water_level_gauge',
      severity: 'critical',
    });
    // Milliseconds, as heartbeats write it (the status job compares last_seen_at as a JS Date).
    const lastSeen = new Date(Date.now() - 3600_000).toISOString();
    const { rows } = await sql<{ id: string }>`
      insert into sensors.devices (type, name, thing_id, latitude, longitude, admin_unit_code, heartbeat_interval_seconds,
        last_seen_at, status)
      values ('water_level_gauge', 'Máy đo mực nước Cầu Rồng', ${gauge.thingId}, 16.06, 108.22, '20194', 30,
        ${lastSeen}::timestamptz, 'online')
      returning id`.execute(t.database.db);
    const deviceId = rows[0]?.id;
    const { events, jobs } = t.citydx.platform;
    expect((await jobs.runNow('sensors.device-status')).lastError).toBeNull();
    await events.dispatchPending();
    const [incident] = await incidentsOf(ruleId);
    expect(incident).toMatchObject({
      alertActive: true,
      deviceId,
      adminUnitCode: '20194',
      severity: 'critical',
    });
    // Delivered twice (at least once): no second incident, no second raise.
    await sql`update platform.outbox_events set dispatched_at = null, available_at = now()
      where type = 'sensors.device.offline'`.execute(t.database.db);
    await events.dispatchPending();
    expect(await eventsOf('sensors.alert.raised', ruleId)).toHaveLength(1);

    await t.database.db.transaction().execute((trx) =>
      events.publish(trx, {
        type: 'sensors.device.online',
        payload: {
          deviceId,
          type: 'water_level_gauge',
          from: 'offline',
          to: 'online',
          changedAt: new Date().toISOString(),
        },
      }),
    );
    await events.dispatchPending();
    expect((await incidentsOf(ruleId))[0]?.alertActive).toBe(false);
  });
});
