import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestApp } from '../../../../test/app';
import { systemActor } from '../../../platform/audit/audit';
import { buildAlertsTestApp, createGauge, record, runJob, sensorsCall } from './alerts.test-support';

type ErrorBody = { error: { code: string; details: Record<string, unknown> } };
type Incident = {
  id: string;
  status: string;
  agencyId: string | null;
  history: { kind: string; note: string | null }[];
};

describe('alert rules and incidents over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let officer: string;
  let viewer: string;
  let agencyId: string;
  let call: ReturnType<typeof sensorsCall>;
  let gauge: Awaited<ReturnType<typeof createGauge>>;

  const code = (body: Record<string, unknown>) => (body as ErrorBody).error?.code;

  beforeAll(async () => {
    ({ t, adminToken: admin } = await buildAlertsTestApp());
    call = sensorsCall(t);
    const agency = await t.citydx.platform.agencies.create(
      {
        code: 'IOC-THU',
        nameVi: 'Trung tâm IOC thử nghiệm',
        nameEn: null,
        kind: 'department',
        parentId: null,
        email: null,
        phone: null,
        address: null,
        website: null,
        headUserId: null,
        adminUnitCode: null,
        active: true,
      } as never,
      systemActor,
    );
    agencyId = agency.id;
    operator = (await createUserWithToken(t.citydx, [{ role: 'call_center_operator', agencyId: null }]))
      .token;
    officer = (await createUserWithToken(t.citydx, [{ role: 'officer', agencyId }])).token;
    viewer = (await createUserWithToken(t.citydx, [{ role: 'viewer', agencyId: null }])).token;
    gauge = await createGauge(t, admin, 'Cầu Trần Thị Lý');
  });
  afterAll(() => t.close());

  it('creates, reads, changes and deletes a rule, and audits each step', async () => {
    const created = await call('POST', '/alert-rules', officer, {
      name: 'Ngập Cầu Trần Thị Lý',
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 1.5,
      severity: 'critical',
      agencyId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      active: true,
      minDurationSeconds: 0,
      recipients: [],
      isSample: false,
    });
    const id = created.body.id as string;
    expect((await call('GET', `/alert-rules/${id}`, viewer)).body.name).toBe('Ngập Cầu Trần Thị Lý');
    const patched = await call('PATCH', `/alert-rules/${id}`, officer, { clearThreshold: 1.2 });
    expect(patched.body.clearThreshold).toBe(1.2);
    const list = await call('GET', `/alert-rules?datastreamId=${gauge.datastreamId}`, viewer);
    expect(list.body.total).toBe(1);
    expect((await call('DELETE', `/alert-rules/${id}`, officer)).status).toBe(204);
    expect(code((await call('GET', `/alert-rules/${id}`, admin)).body)).toBe('SENSORS_ALERT_RULE_NOT_FOUND');
    const { rows } = await sql<{ action: string }>`
      select action from platform.audit_log where target_id = ${id} order by id`.execute(t.database.db);
    expect(rows.map((row) => row.action)).toEqual([
      'sensors.alert_rule.created',
      'sensors.alert_rule.updated',
      'sensors.alert_rule.deleted',
    ]);
  });

  it('answers 4xx with the error body for bad rules', async () => {
    const post = (token: string, body: Record<string, unknown>) =>
      call('POST', '/alert-rules', token, { name: 'Sai', severity: 'info', ...body });
    const unknownOperator = await post(admin, { operator: 'ABOVE', datastreamId: gauge.datastreamId });
    expect([unknownOperator.status, code(unknownOperator.body)]).toEqual([400, 'PLATFORM_VALIDATION_FAILED']);
    const noThreshold = await post(admin, { operator: 'GT', datastreamId: gauge.datastreamId });
    expect([noThreshold.status, code(noThreshold.body)]).toEqual([422, 'SENSORS_ALERT_RULE_INVALID']);
    const noTarget = await post(admin, { operator: 'GT', threshold: 1 });
    expect(noTarget.status).toBe(422);
    const wrongSide = await post(admin, {
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 1,
      clearThreshold: 2,
    });
    expect(code(wrongSide.body)).toBe('SENSORS_ALERT_RULE_INVALID');
    const noWindow = await post(admin, { operator: 'FROZEN', datastreamId: gauge.datastreamId });
    expect(code(noWindow.body)).toBe('SENSORS_ALERT_RULE_INVALID');
    const missing = await post(admin, { operator: 'GT', datastreamId: 999999, threshold: 1 });
    expect([missing.status, code(missing.body)]).toEqual([422, 'SENSORS_ALERT_RULE_TARGET_NOT_FOUND']);
    const badUser = await post(admin, {
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 1,
      recipients: [{ channel: 'user', address: 'not-an-id', locale: 'vi' }],
    });
    expect(badUser.status).toBe(422);
    // An officer manages only rules of their own agency.
    const elsewhere = await post(officer, { operator: 'GT', datastreamId: gauge.datastreamId, threshold: 1 });
    expect([elsewhere.status, code(elsewhere.body)]).toEqual([403, 'SENSORS_ALERT_RULE_OUTSIDE_SCOPE']);
  });

  it('keeps rules and incidents from anonymous callers and viewers', async () => {
    expect((await call('GET', '/alert-rules')).status).toBe(401);
    expect((await call('GET', '/incidents')).status).toBe(401);
    expect((await call('GET', '/incidents.geojson')).status).toBe(401);
    const rule = {
      name: 'x',
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 1,
      severity: 'info',
    };
    expect((await call('POST', '/alert-rules', viewer, rule)).status).toBe(403);
    expect((await call('POST', '/alert-rules', operator, rule)).status).toBe(403);
    expect((await call('GET', '/incidents', viewer)).status).toBe(200);
  });

  it('takes an incident through acknowledge, assign, comment and resolve, refusing bad steps', async () => {
    const created = await call('POST', '/alert-rules', admin, {
      name: 'Ngập (sự cố)',
      operator: 'GT',
      datastreamId: gauge.datastreamId,
      threshold: 1.5,
      severity: 'critical',
    });
    const ruleId = created.body.id as string;
    await record(t, gauge.datastreamId, [[new Date(Date.now() - 60_000), 2.1]]);
    await runJob(t, 'sensors.alerts.evaluate');
    const listed = await call('GET', `/incidents?status=open&severity=critical&ruleId=${ruleId}`, viewer);
    expect(listed.body.total).toBe(1);
    const id = (listed.body.items as { id: string }[])[0]?.id ?? '';

    const map = await t.citydx.app.inject({
      method: 'GET',
      url: '/api/v1/sensors/incidents.geojson?severity=critical',
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(map.headers['content-type']).toContain('application/geo+json');
    const features = (
      JSON.parse(map.body) as { features: { id: string; geometry: { coordinates: number[] } }[] }
    ).features;
    expect(features.find((feature) => feature.id === id)?.geometry.coordinates).toEqual([108.2208, 16.0678]);

    expect((await call('POST', `/incidents/${id}/acknowledge`, viewer, {})).status).toBe(403);
    expect((await call('POST', `/incidents/${id}/acknowledge`, undefined, {})).status).toBe(401);
    const acknowledged = await call('POST', `/incidents/${id}/acknowledge`, operator, { note: 'Đã nhận' });
    expect(acknowledged.body.status).toBe('acknowledged');
    const twice = await call('POST', `/incidents/${id}/acknowledge`, operator, {});
    expect([twice.status, code(twice.body)]).toEqual([409, 'SENSORS_INCIDENT_TRANSITION_INVALID']);

    const unknownAgency = await call('POST', `/incidents/${id}/assign`, operator, {
      agencyId: crypto.randomUUID(),
    });
    expect([unknownAgency.status, code(unknownAgency.body)]).toEqual([
      422,
      'SENSORS_INCIDENT_AGENCY_NOT_FOUND',
    ]);
    const badBody = await call('POST', `/incidents/${id}/assign`, operator, { agencyId: 'IOC-THU' });
    expect(badBody.status).toBe(400);
    const assigned = await call('POST', `/incidents/${id}/assign`, operator, { agencyId });
    expect(assigned.body.agencyId).toBe(agencyId);
    expect((await call('GET', `/incidents?agencyId=${agencyId}`, viewer)).body.total).toBe(1);

    await call('POST', `/incidents/${id}/comments`, officer, { text: 'Đã cử đội xử lý' });
    const resolved = await call('POST', `/incidents/${id}/resolve`, operator, { note: 'Nước đã rút' });
    expect(resolved.body.status).toBe('resolved');
    expect((resolved.body as unknown as Incident).history.map((step) => step.kind)).toEqual([
      'opened',
      'acknowledged',
      'assigned',
      'commented',
      'resolved',
    ]);
    const again = await call('POST', `/incidents/${id}/resolve`, operator, {});
    expect(again.status).toBe(409);
    expect((await call('POST', `/incidents/${id}/assign`, operator, { agencyId })).status).toBe(409);
    expect((await call('GET', `/incidents/${crypto.randomUUID()}`, viewer)).status).toBe(404);
    expect((await call('POST', `/incidents/${crypto.randomUUID()}/resolve`, operator, {})).status).toBe(404);
    expect((await call('GET', '/incidents?status=closed', viewer)).status).toBe(400);
    // Resolved incidents leave the map; a new raise opens a new incident.
    const after = await call('GET', '/incidents.geojson', viewer);
    expect((after.body.features as { id: string }[]).some((feature) => feature.id === id)).toBe(false);
    const { rows } = await sql<{ action: string }>`
      select action from platform.audit_log where target_id = ${id} order by id`.execute(t.database.db);
    expect(rows.map((row) => row.action)).toContain('sensors.incident.resolved');

    // Each step reached the outbox for the live walls (a refused step published nothing).
    const { rows: events } = await sql<{ payload: Record<string, unknown> }>`
      select payload from platform.outbox_events
      where type = 'sensors.incident.updated' and payload->>'incidentId' = ${id} order by id`.execute(
      t.database.db,
    );
    expect(
      events.map((event) => [event.payload.action, event.payload.status, event.payload.agencyId]),
    ).toEqual([
      ['acknowledged', 'acknowledged', null],
      ['assigned', 'acknowledged', agencyId],
      ['commented', 'acknowledged', agencyId],
      ['resolved', 'resolved', agencyId],
    ]);
  });
});
