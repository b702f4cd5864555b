import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken } from '../../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from '../testing/test-app';

type Request = {
  service_request_id: string;
  status: string;
  expected_datetime: string | null;
  description: string | null;
  lat: number | null;
  long: number | null;
};

/** Open311 as a real client speaks it: over HTTP, form-encoded POSTs, .json and .xml resources. */
describe('/open311/v2 (GeoReport v2)', () => {
  let f: FeedbackTestApp;
  let base: string;
  let apiKey: string;
  const xml = new XMLParser({
    isArray: (name) =>
      ['service', 'request', 'error', 'attribute', 'value', 'request_update', 'endpoint', 'format'].includes(
        name,
      ),
  });

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    apiKey = (await createUserWithToken(f.t.citydx, [{ role: 'viewer', agencyId: null }])).token;
    base = `${await f.app.listen({ port: 0, host: '127.0.0.1' })}/open311/v2`;
  });
  afterAll(() => f.close());

  const post = (resource: string, form: Record<string, string>) =>
    fetch(`${base}/${resource}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(form).toString(),
    });
  const file = async (resource: string) => {
    const response = await fetch(`${base}/${resource}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };
  const pothole = {
    service_code: 'giao-thong',
    lat: '16.0678',
    long: '108.2208',
    description: 'Ổ gà lớn trên đường Bạch Đằng',
    'attribute[loai_su_co]': 'o-ga',
  };

  it('announces itself in Service Discovery, in JSON and XML', async () => {
    const discovery = JSON.parse((await file('discovery.json')).text) as {
      endpoints: { url: string; formats: string[] }[];
    };
    expect(discovery.endpoints[0]?.url).toMatch(/\/open311\/v2$/);
    expect(discovery.endpoints[0]?.formats).toEqual(['text/xml', 'application/json']);
    const asXml = await file('discovery.xml');
    expect(asXml.type).toBe('text/xml; charset=utf-8');
    expect(asXml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml.parse(asXml.text).discovery.endpoints.endpoint[0].formats.format).toEqual([
      'text/xml',
      'application/json',
    ]);
  });

  it('lists the services and defines their attributes', async () => {
    const services = JSON.parse((await file('services.json')).text) as {
      service_code: string;
      metadata: boolean;
      type: string;
    }[];
    expect(services.find((s) => s.service_code === 'giao-thong')).toMatchObject({
      metadata: true,
      type: 'realtime',
    });
    expect(xml.parse((await file('services.xml')).text).services.service.length).toBe(services.length);
    const definition = JSON.parse((await file('services/giao-thong.json')).text) as {
      service_code: string;
      attributes: { code: string; datatype: string; values: { key: string }[] }[];
    };
    expect(definition.attributes[0]).toMatchObject({ code: 'loai_su_co', datatype: 'singlevaluelist' });
    expect(definition.attributes[0]?.values.map((v) => v.key)).toContain('o-ga');
    const missing = await file('services/no-such.json');
    expect([missing.status, JSON.parse(missing.text)[0].code]).toEqual([404, 404]);
  });

  it('refuses a POST without a valid api_key with 403 and an Open311 error list', async () => {
    const response = await post('requests.json', pothole);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual([
      { code: 403, description: "Invalid api_key received -- can't proceed with create_request." },
    ]);
    const badHeader = await fetch(`${base}/services.json`, {
      headers: { authorization: 'Bearer cdx_wrong' },
    });
    expect([badHeader.status, ((await badHeader.json()) as { code: number }[])[0]?.code]).toEqual([403, 403]);
    const wrong = await post('requests.xml', { ...pothole, api_key: 'cdx_wrong' });
    expect(wrong.status).toBe(403);
    expect(xml.parse(await wrong.text()).errors.error[0].code).toBe(403);
  });

  it('answers 400 or 404 for bad POSTs, never 5xx', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ api_key: apiKey, lat: '16', long: '108' }, 400],
      [{ ...pothole, api_key: apiKey, service_code: 'no-such' }, 404],
      [{ api_key: apiKey, service_code: 'giao-thong', description: 'x' }, 400],
      [{ ...pothole, api_key: apiKey, long: '' }, 400],
      [{ ...pothole, api_key: apiKey, lat: '91' }, 400],
      [{ ...pothole, api_key: apiKey, 'attribute[loai_su_co]': 'not-a-key' }, 400],
      [{ ...pothole, api_key: apiKey, description: 'x'.repeat(4001) }, 400],
    ];
    const codeOf = async (response: Response) => ((await response.json()) as { code: number }[])[0]?.code;
    for (const [form, status] of cases) {
      const response = await post('requests.json', form);
      expect([response.status, await codeOf(response)]).toEqual([status, status]);
    }
    const asJson = await fetch(`${base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([asJson.status, await codeOf(asJson)]).toEqual([400, 415]);
    const huge = await post('requests.json', {
      ...pothole,
      api_key: apiKey,
      description: 'x'.repeat(70_000),
    });
    expect([huge.status, await codeOf(huge)]).toEqual([400, 413]);
  });

  it('answers a POST in XML when asked', async () => {
    const created = await post('requests.xml', { ...pothole, api_key: apiKey });
    expect([created.status, created.headers.get('content-type')]).toEqual([200, 'text/xml; charset=utf-8']);
    expect(xml.parse(await created.text()).service_requests.request[0].service_request_id).toMatch(/^PA-/);
  });

  it('creates a request from a form POST and finds it again by id, list and token', async () => {
    const created = await post('requests.json', {
      ...pothole,
      'attribute[fixmystreet_id]': '4242',
      api_key: apiKey,
      email: 'b@example.vn',
      first_name: 'Trần',
      last_name: 'B',
    });
    expect(created.status).toBe(200);
    const [receipt] = (await created.json()) as { service_request_id: string; service_notice: string }[];
    expect(receipt?.service_request_id).toMatch(/^PA-\d{4}-\d{6}$/);
    const id = receipt?.service_request_id ?? '';
    const [one] = JSON.parse((await file(`requests/${id}.json`)).text) as Request[];
    expect(one).toMatchObject({
      service_request_id: id,
      status: 'open',
      description: null,
      lat: 16.0678,
      long: 108.2208,
    });
    expect(one?.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect((await file(`requests/${id}.json`)).text).not.toContain('b@example.vn');
    const open = JSON.parse(
      (await file('requests.json?status=open&service_code=giao-thong')).text,
    ) as Request[];
    expect(open.map((r) => r.service_request_id)).toContain(id);
    const closed = JSON.parse((await file('requests.json?status=closed')).text) as Request[];
    expect(closed.map((r) => r.service_request_id)).not.toContain(id);
    const overridden = JSON.parse(
      (await file(`requests.json?status=closed&service_request_id=${id}`)).text,
    ) as Request[];
    expect(overridden.map((r) => r.service_request_id)).toEqual([id]);
    expect(
      xml.parse((await file(`requests/${id}.xml`)).text).service_requests.request[0].service_request_id,
    ).toBe(id);
    expect(JSON.parse((await file(`tokens/${id}.json`)).text)).toEqual([
      { service_request_id: id, token: id },
    ]);
  });

  it('filters by date with timezones and the 90-day rule', async () => {
    const old = JSON.parse(
      (await file('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B07:00')).text,
    );
    expect(old).toEqual([]);
    const noZone = await file('requests.json?start_date=2026-01-01T00:00:00');
    expect([noZone.status, JSON.parse(noZone.text)[0].code]).toEqual([400, 400]);
    const tooLong = await file('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    const badStatus = await file('requests.xml?status=pending');
    expect([badStatus.status, xml.parse(badStatus.text).errors.error[0].code]).toEqual([400, 400]);
  });

  it("reports status changes in FixMyStreet's servicerequestupdates", async () => {
    const created = await post('requests.json', { ...pothole, api_key: apiKey });
    const id = ((await created.json()) as { service_request_id: string }[])[0]?.service_request_id ?? '';
    const operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    const report = await f.services.ctx.reports.findByCode(id);
    const moved = await f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/hub/reports/${report?.id}/transfer`,
      headers: { authorization: operator },
      payload: {},
    });
    expect(moved.statusCode).toBe(200);
    const updates = xml.parse((await file('servicerequestupdates.xml')).text).service_requests_updates
      .request_update as { service_request_id: string; status: string }[];
    expect(updates.filter((u) => u.service_request_id === id).map((u) => u.status)).toEqual([
      'OPEN',
      'INVESTIGATING',
    ]);
    const note = await post('servicerequestupdates.json', {
      api_key: apiKey,
      service_request_id: id,
      status: 'OPEN',
      description: 'Vẫn còn ổ gà',
      update_id: '7',
    });
    expect(note.status).toBe(200);
    expect(((await note.json()) as { update_id: string }[])[0]?.update_id).toMatch(/^\d+$/);
  });

  it('answers unknown resources with an Open311 404', async () => {
    const unknown = await file('nothing.json');
    expect([unknown.status, JSON.parse(unknown.text)[0].code]).toEqual([404, 404]);
    const noFormat = await file('requests/PA-2026-000001');
    expect(noFormat.status).toBe(404);
  });
});
