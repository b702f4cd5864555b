import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app';
import type { OpendataApi } from '../opendata.module';
import { buildOpendataTestApp } from '../opendata.test-app';
import { callAction, opendataFixture, type OpendataFixture } from '../testing/fixtures';

// Values of the wrong type or shape for every parameter an action reads.
const nasty: Record<string, unknown>[] = [
  { id: { nested: true }, name: ['a', 'b'], q: 42, rows: 'many', start: -5, sort: 'title_string sideways' },
  {
    id: null,
    package_id: 12,
    tags: 'not-json',
    groups: 'x',
    extras: { key: 'k' },
    resources: [null, 3, 'x'],
  },
  {
    name: 'x'.repeat(500),
    owner_org: ['a'],
    temporal_start: '2024-02-30',
    temporal_end: '1999-13-01',
    frequency: 'hourly',
  },
  {
    id: "'; drop table opendata.datasets; --",
    fq: 'tags:(a OR',
    'facet.field': '[1,2',
    'facet.limit': 'x',
    include_private: {},
  },
  {
    fq: ['tags:a', { x: 1 }],
    fq_list: 'tags:a',
    q: ['a', 'b'],
    limit: 'ten',
    offset: -1,
    all_fields: 'perhaps',
  },
];

/** Whatever a caller sends, the API answers in CKAN's shapes with a 4xx, never a 500. */
describe('malformed input never becomes a server error', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let names: string[];

  beforeAll(async () => {
    t = await buildOpendataTestApp();
    f = await opendataFixture(t);
    await callAction(
      t,
      'package_create',
      { name: 'co-san', owner_org: f.agencyA.name },
      { token: f.publisherA },
    );
    names = (t.citydx.modules.find((m) => m.name === 'opendata')?.api as OpendataApi).ckanActions.map(
      (a) => a.name,
    );
  });
  afterAll(() => t.close());

  it('answers every action with bad parameters below 500, as sysadmin and anonymously', async () => {
    const failures: string[] = [];
    for (const name of names)
      for (const payload of nasty)
        for (const token of [f.admin, undefined]) {
          const response = await callAction(t, name, payload, token ? { token } : {});
          if (response.statusCode >= 500)
            failures.push(`${name} ${JSON.stringify(payload).slice(0, 60)} -> ${response.body}`);
        }
    expect(failures).toEqual([]);
  });

  it("answers broken bodies with CKAN's bad-request string", async () => {
    const bodies: [string, string][] = [
      ['application/json', '{"id": '],
      ['application/json', 'null'],
      ['application/x-www-form-urlencoded', '%%%=1'],
      [
        'multipart/form-data; boundary=zzz',
        '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
      ],
      ['text/plain', '\u0000\u0001'],
    ];
    for (const [type, payload] of bodies) {
      const response = await t.citydx.app.inject({
        method: 'POST',
        url: '/api/3/action/package_show',
        headers: { 'content-type': type, authorization: f.admin },
        payload,
      });
      expect(response.statusCode, `${type}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${type}: ${response.body}`).toBeLessThan(500);
    }
  });
});
