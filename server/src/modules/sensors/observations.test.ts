import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../test/app';
import { OBSERVATION_TYPES } from './observation-rules';
import { insertObservations, type ObservationRecord } from './observations.repo';
import { recordObservations } from './observations.service';
import { body, staClient, stationBody, type StaClient } from './testing/sta-client';

type Entity = Record<string, unknown>;

/** The observation write path: values through the batch encoding, cascades without foreign keys. */
describe('recordObservations', () => {
  let t: TestApp;
  let sta: StaClient;

  /** A Thing with one Datastream of `observationType`; returns the datastream's id. */
  const datastream = async (name: string, observationType: string): Promise<number> => {
    const station = stationBody(name, [108.2, 16.05]);
    const [first] = station.Datastreams;
    const created = await sta.post('Things', {
      ...station,
      Datastreams: [{ ...first, name: `${name} stream`, observationType }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const thingId = body<{ '@iot.id': number }>(created)['@iot.id'];
    const streams = body<{ value: Entity[] }>(await sta.get(`Things(${thingId})/Datastreams`)).value;
    return streams[0]?.['@iot.id'] as number;
  };

  const stored = async (id: number) =>
    (await sql<Entity>`select * from sensors.observations where id = ${id}::bigint`.execute(t.database.db))
      .rows[0];

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    sta = staClient(t, token);
  });
  afterAll(() => t.close());

  it('stores every kind of value exactly, ids in input order, refused rows in place', async () => {
    const any = await datastream('Tổng hợp', OBSERVATION_TYPES.any);
    const awkward = 'dấu "ngoặc", \\ gạch, {ngoặc nhọn}, NULL';
    const object = { text: awkward, list: [1, 'a,b', null, { deep: '}"{' }], flag: false };
    const outcomes = await recordObservations(t.database.db, [
      {
        datastreamId: any,
        phenomenonTime: new Date('2026-11-20T01:00:00.123Z'),
        phenomenonTimeEnd: new Date('2026-11-20T01:15:00Z'),
        resultTime: new Date('2026-11-20T01:20:00Z'),
        result: object,
        resultQuality: { grade: 'A "good"' },
        validTime: { start: new Date('2026-11-20T00:00:00Z'), end: new Date('2026-11-21T00:00:00Z') },
        parameters: { note: awkward },
      },
      { datastreamId: any, phenomenonTime: new Date('2026-11-20T02:00:00Z'), result: awkward },
      { datastreamId: 987654, phenomenonTime: new Date('2026-11-20T02:00:00Z'), result: 1 },
      { datastreamId: any, phenomenonTime: new Date('2026-11-20T03:00:00Z'), result: true },
      { datastreamId: any, phenomenonTime: new Date('2026-11-20T04:00:00Z'), result: null },
      { datastreamId: any, phenomenonTime: new Date('2026-11-20T05:00:00Z'), result: -1.5e-7 },
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, false, true, true, true]);
    const ids = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.id] : []));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(outcomes[2]).toEqual({ ok: false, problem: 'Datastream 987654 does not exist' });

    const [full, text, truth, none, number] = await Promise.all(ids.map(stored));
    expect(full).toMatchObject({
      datastream_id: any,
      result_number: null,
      result_json: object,
      result_quality: { grade: 'A "good"' },
      parameters: { note: awkward },
    });
    expect((full?.phenomenon_time as Date).toISOString()).toBe('2026-11-20T01:00:00.123Z');
    expect((full?.phenomenon_time_end as Date).toISOString()).toBe('2026-11-20T01:15:00.000Z');
    expect((full?.result_time as Date).toISOString()).toBe('2026-11-20T01:20:00.000Z');
    expect((full?.valid_time_end as Date).toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(text?.result_json).toBe(awkward);
    expect(truth?.result_json).toBe(true);
    expect(none).toMatchObject({ result_json: null, result_number: null, parameters: null });
    expect(number).toMatchObject({ result_number: -1.5e-7, result_json: null });
    const read = body(await sta.get(`Observations(${ids[0]})`));
    expect(read).toMatchObject({
      result: object,
      phenomenonTime: '2026-11-20T01:00:00.123Z/2026-11-20T01:15:00.000Z',
    });
  });

  it('refuses a value holding the NUL character row by row, keeping the rest of the batch', async () => {
    const any = await datastream('Ký tự NUL', OBSERVATION_TYPES.any);
    const outcomes = await recordObservations(t.database.db, [
      { datastreamId: any, phenomenonTime: new Date('2026-11-20T06:00:00Z'), result: 'a\u0000b' },
      {
        datastreamId: any,
        phenomenonTime: new Date('2026-11-20T06:05:00Z'),
        result: 1,
        parameters: { note: '\u0000' },
      },
      { datastreamId: any, phenomenonTime: new Date('2026-11-20T06:10:00Z'), result: 'ok' },
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, false, true]);
    expect(outcomes[0]).toMatchObject({ problem: expect.stringContaining('NUL') });
  });

  it('keeps the cascades of the dropped foreign keys: deleting a Datastream or a FeatureOfInterest takes its observations', async () => {
    const first = await datastream('Xóa luồng', OBSERVATION_TYPES.measurement);
    const second = await datastream('Xóa đối tượng', OBSERVATION_TYPES.measurement);
    const outcomes = await recordObservations(t.database.db, [
      { datastreamId: first, phenomenonTime: new Date('2026-11-20T01:00:00Z'), result: 1 },
      { datastreamId: second, phenomenonTime: new Date('2026-11-20T01:00:00Z'), result: 2 },
    ]);
    const [firstId, secondId] = outcomes.map((outcome) => (outcome.ok ? outcome.id : 0));
    expect((await sta.delete(`Datastreams(${first})`)).statusCode).toBe(200);
    expect(await stored(firstId ?? 0)).toBeUndefined();
    const feature = (await stored(secondId ?? 0))?.feature_of_interest_id as number;
    expect((await sta.delete(`FeaturesOfInterest(${feature})`)).statusCode).toBe(200);
    expect(await stored(secondId ?? 0)).toBeUndefined();
  });

  it('leaves out, under lock, the rows whose Datastream or FeatureOfInterest is gone by the insert', async () => {
    const stream = await datastream('Vừa xóa', OBSERVATION_TYPES.measurement);
    const outcomes = await recordObservations(t.database.db, [
      { datastreamId: stream, phenomenonTime: new Date('2026-11-20T01:00:00Z'), result: 1 },
    ]);
    const feature = (await stored(outcomes[0]?.ok ? outcomes[0].id : 0))?.feature_of_interest_id as number;
    const row = (datastreamId: number, featureOfInterestId: number, result: number): ObservationRecord => ({
      datastreamId,
      phenomenonTime: new Date('2026-11-20T02:00:00Z'),
      phenomenonTimeEnd: null,
      resultTime: null,
      resultNumber: result,
      resultJson: null,
      resultQuality: null,
      validTimeStart: null,
      validTimeEnd: null,
      parameters: null,
      featureOfInterestId,
    });
    // As if each had been deleted between the caller's checks and the insert.
    const ids = await insertObservations(t.database.db, [
      row(stream, feature, 2),
      row(987654, feature, 3),
      row(stream, 987654, 4),
    ]);
    expect(ids[0]).toEqual(expect.any(Number));
    expect(ids.slice(1)).toEqual([null, null]);
    const latest = await sql<{ observation_id: number }>`
      select observation_id from sensors.datastream_latest where datastream_id = ${stream}::bigint`.execute(
      t.database.db,
    );
    expect(latest.rows[0]?.observation_id).toBe(ids[0]);
  });

  it('makes a concurrent delete of the FeatureOfInterest wait for the batch, then take its rows too (PostgreSQL)', async () => {
    if (t.database.kind !== 'postgres') return; // PGlite has one connection: nothing runs concurrently
    const stream = await datastream('Xóa đồng thời', OBSERVATION_TYPES.measurement);
    const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));
    const [first] = await recordObservations(t.database.db, [
      { datastreamId: stream, phenomenonTime: at(1), result: 1 },
    ]);
    const feature = (await stored(first?.ok ? first.id : 0))?.feature_of_interest_id as number;
    let inserted!: () => void;
    let release!: () => void;
    const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const batch = t.database.db.transaction().execute(async (trx) => {
      const outcomes = await recordObservations(trx, [
        { datastreamId: stream, phenomenonTime: at(2), result: 2, featureOfInterestId: feature },
      ]);
      inserted();
      await released;
      return outcomes;
    });
    await insertedNow;
    let deleted = false;
    const deletion = sta.delete(`FeaturesOfInterest(${feature})`).then((response) => {
      deleted = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deleted).toBe(false); // waiting for the batch's FOR KEY SHARE lock on the feature
    release();
    const [outcome] = await batch;
    expect(outcome?.ok).toBe(true);
    expect((await deletion).statusCode).toBe(200);
    expect(await stored(outcome?.ok ? outcome.id : 0)).toBeUndefined();
  });
});
