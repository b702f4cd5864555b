import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../../test/app';
import { staClient, type StaClient } from '../testing/sta-client';
import { HOUR_MS, postStation, rawBuckets, record } from './aggregates.test-support';
import { runRollup } from './rollup.job';
import { hourOf } from './rollup.repo';

type Aggregate = { from: string; to: string; points: { start: string; value: number; count: number }[] };
const functions = ['avg', 'min', 'max', 'count', 'sum'] as const;

describe('aggregates over rollups and raw partitions', () => {
  let t: TestApp;
  let sta: StaClient;
  let streamA: number;
  let streamB: number;
  const currentHour = hourOf(new Date());
  const from = new Date(currentHour.getTime() - 30 * HOUR_MS).toISOString();
  const to = new Date(currentHour.getTime() + HOUR_MS).toISOString();

  const get = (url: string) => t.citydx.app.inject({ method: 'GET', url: `/api/v1/sensors${url}` });

  /** Every function and interval of the endpoint equals the raw SQL over the same rows. */
  async function expectEqualsRaw(path: string, ids: number[], extra = ''): Promise<void> {
    for (const [interval, sqlInterval, start] of [
      ['1h', '1 hour', from],
      ['1d', '1 day', from],
      ['15m', '15 minutes', new Date(currentHour.getTime() - 6 * HOUR_MS).toISOString()],
    ] as const) {
      const response = await get(`${path}?interval=${interval}&from=${start}&to=${to}${extra}&fn=avg`);
      expect(response.statusCode, response.body).toBe(200);
      const answered = json<Aggregate>(response);
      const raw = await rawBuckets(t.database.db, ids, sqlInterval, answered.from, answered.to);
      expect(raw.length).toBeGreaterThan(0);
      for (const fn of functions) {
        const result =
          fn === 'avg'
            ? answered
            : json<Aggregate>(
                await get(`${path}?interval=${interval}&from=${start}&to=${to}${extra}&fn=${fn}`),
              );
        expect(result.points, `${interval} ${fn}`).toEqual(
          raw.map((bucket) => ({ start: bucket.start, value: bucket[fn], count: bucket.count })),
        );
      }
    }
  }

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    sta = staClient(t, token);
    streamA = (await postStation(sta, 'Hải Châu', ['pm25']))['pm25'] ?? 0;
    streamB = (await postStation(sta, 'Sơn Trà', ['pm25'], { adminUnitCode: '20197' }))['pm25'] ?? 0;
    // Four readings an hour for 30 hours, and one in the current hour; values exact in binary so
    // sums in any order are equal.
    const rows = [];
    for (let hour = 30; hour >= 1; hour -= 1)
      for (const minute of [0, 15, 30, 45])
        for (const [index, datastreamId] of [streamA, streamB].entries())
          rows.push({
            datastreamId,
            phenomenonTime: new Date(currentHour.getTime() - hour * HOUR_MS + minute * 60_000),
            result: ((hour * 7 + minute) % 13) * 0.25 + index * 10,
          });
    rows.push({ datastreamId: streamA, phenomenonTime: currentHour, result: 42.5 });
    await record(t, rows);
  });
  afterAll(() => t.close());

  it('equals the raw computation before any rollup', async () => {
    await expectEqualsRaw(`/datastreams/${streamA}/aggregate`, [streamA]);
  });

  it('rolls up completed hours once, and still equals the raw computation', async () => {
    const first = await runRollup(t.database.db);
    expect(first.watermark?.getTime()).toBeGreaterThanOrEqual(currentHour.getTime() - HOUR_MS);
    const counted = await sql<{ n: number }>`
      select count(*) as n from sensors.observation_rollups_hourly where datastream_id = ${streamA}::bigint`.execute(
      t.database.db,
    );
    expect(Number(counted.rows[0]?.n)).toBeGreaterThanOrEqual(29);
    await runRollup(t.database.db); // idempotent: a second run changes nothing
    const again = await sql<{ n: number }>`
      select count(*) as n from sensors.observation_rollups_hourly where datastream_id = ${streamA}::bigint`.execute(
      t.database.db,
    );
    expect(again.rows[0]?.n).toBe(counted.rows[0]?.n);
    await expectEqualsRaw(`/datastreams/${streamA}/aggregate`, [streamA]);
  });

  it('reads late and deleted observations raw until the job recomputes their hour', async () => {
    const lateHour = new Date(currentHour.getTime() - 5 * HOUR_MS);
    const [lateId] = await record(t, [
      { datastreamId: streamA, phenomenonTime: new Date(lateHour.getTime() + 60_000), result: 1000 },
    ]);
    const dirty = await sql<{ n: number }>`
      select count(*) as n from sensors.rollup_dirty_hours where datastream_id = ${streamA}::bigint`.execute(
      t.database.db,
    );
    expect(Number(dirty.rows[0]?.n)).toBe(1);
    await expectEqualsRaw(`/datastreams/${streamA}/aggregate`, [streamA]);
    const recomputed = await runRollup(t.database.db);
    expect(recomputed.recomputedHours).toBe(1);
    await expectEqualsRaw(`/datastreams/${streamA}/aggregate`, [streamA]);

    expect((await sta.delete(`Observations(${lateId})`)).statusCode).toBe(200);
    await expectEqualsRaw(`/datastreams/${streamA}/aggregate`, [streamA]);
    await runRollup(t.database.db);
    await expectEqualsRaw(`/datastreams/${streamA}/aggregate`, [streamA]);
  });

  it('aggregates an area: every datastream of an ObservedProperty, optionally in one unit', async () => {
    await expectEqualsRaw('/aggregate', [streamA, streamB], '&observedProperty=pm25');
    await expectEqualsRaw('/aggregate', [streamB], '&observedProperty=pm25&adminUnit=20197');
    const none = json<Aggregate>(
      await get(`/aggregate?observedProperty=pm25&adminUnit=99999&interval=1h&fn=avg&from=${from}&to=${to}`),
    );
    expect(none.points).toEqual([]);
  });

  it('refuses bad input with 4xx and the JSON error body', async () => {
    const cases: [string, number, string][] = [
      [
        `/datastreams/${streamA}/aggregate?interval=2h&fn=avg&from=${from}&to=${to}`,
        400,
        'PLATFORM_VALIDATION_FAILED',
      ],
      [
        `/datastreams/${streamA}/aggregate?interval=1h&fn=median&from=${from}&to=${to}`,
        400,
        'PLATFORM_VALIDATION_FAILED',
      ],
      [
        `/datastreams/${streamA}/aggregate?interval=1h&fn=avg&from=yesterday&to=${to}`,
        400,
        'PLATFORM_VALIDATION_FAILED',
      ],
      [
        `/datastreams/${streamA}/aggregate?interval=1h&fn=avg&from=${to}&to=${from}`,
        400,
        'SENSORS_AGGREGATE_RANGE_INVALID',
      ],
      [
        `/datastreams/${streamA}/aggregate?interval=15m&fn=avg&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`,
        400,
        'SENSORS_AGGREGATE_RANGE_INVALID',
      ],
      [
        `/datastreams/99999999/aggregate?interval=1h&fn=avg&from=${from}&to=${to}`,
        404,
        'SENSORS_DATASTREAM_NOT_FOUND',
      ],
      [
        `/datastreams/abc/aggregate?interval=1h&fn=avg&from=${from}&to=${to}`,
        400,
        'PLATFORM_VALIDATION_FAILED',
      ],
      [`/aggregate?interval=1h&fn=avg&from=${from}&to=${to}`, 400, 'PLATFORM_VALIDATION_FAILED'],
    ];
    for (const [url, status, code] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(status);
      expect(json<{ error: { code: string } }>(response).error.code, url).toBe(code);
    }
  });
});
