import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import { AuditLog, type Actor } from '../audit/audit';
import type { Database } from '../db/database';
import { AppError } from '../http/app-error';
import { calendarDecisionsSeed, insertCalendarSeed } from './calendar.seed';
import { WorkingDayCalendar } from './calendar.service';

const admin: Actor = { id: null, label: 'admin@test.citydx', ip: '127.0.0.1' };

function vn(localDateTime: string): Date {
  return new Date(`${localDateTime}+07:00`);
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

describe('WorkingDayCalendar on the database', () => {
  let database: Database;
  let calendar: WorkingDayCalendar;

  beforeAll(async () => {
    database = await createTestDatabase();
    calendar = new WorkingDayCalendar(database.db, new AuditLog(database.db));
  });
  afterAll(() => database.close());

  it('seeds the 2025 and 2026 decisions once, however often it runs', async () => {
    expect(await insertCalendarSeed(database.db)).toBe(calendarDecisionsSeed.length);
    expect(await insertCalendarSeed(database.db)).toBe(0);
    expect((await calendar.listDecisions(2026)).map((decision) => decision.day)).toContain('2026-08-22');
  });

  it('answers from the computed calendar and the recorded decisions together', async () => {
    expect(await calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(await calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(await calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(await calendar.workingDaysBetween(vn('2025-12-31T12:00'), vn('2026-12-31T12:00'))).toBe(250);
  });

  it('computes deadlines across years and with a cutoff', async () => {
    const deadline = await calendar.deadline(vn('2025-12-31T16:00'), 2, { cutoff: '15:00' });
    expect(deadline).toEqual({
      clockStartDay: '2026-01-05',
      deadlineDay: '2026-01-07',
      deadline: new Date('2026-01-07T16:59:59.999Z'),
    });
    expect(
      (await calendar.addWorkingDays(vn('2026-02-13T10:00'), 0, { cutoff: '15:00' })).toISOString(),
    ).toBe('2026-02-13T16:59:59.999Z');
    expect((await calendar.addWorkingDays(vn('2026-02-13T10:00'), 1)).toISOString()).toBe(
      '2026-02-23T16:59:59.999Z',
    );
  });

  it('computes long deadlines that run over several years', async () => {
    const received = vn('2025-06-02T09:00');
    const deadline = await calendar.addWorkingDays(received, 1000);
    expect(await calendar.workingDaysBetween(received, deadline)).toBe(1000);
  });

  it('lists the days off of a year with their reason and legal basis', async () => {
    const days = await calendar.daysOff(2026);
    const byDate = new Map(days.map((day) => [day.date, day]));
    expect(byDate.get('2026-01-02')).toMatchObject({
      source: 'decision',
      legalBasis: expect.stringContaining('12729/VPCP-KGVX'),
    });
    expect(byDate.get('2026-04-27')).toMatchObject({
      source: 'compensatory',
      legalBasis: 'Bộ luật Lao động 2019, Điều 111 khoản 3',
      provisional: false,
    });
    expect(byDate.get('2026-09-01')).toMatchObject({
      source: 'decision',
      provisional: false,
      legalBasis: expect.stringContaining('9441/TB-BNV'),
    });
    expect(byDate.get('2026-04-30')).toMatchObject({
      source: 'statutory',
      legalBasis: 'Bộ luật Lao động 2019, Điều 112 khoản 1',
    });
    expect(byDate.has('2026-08-22')).toBe(false);
  });

  it('marks computed Tết and National Day days as provisional until a decision is recorded', async () => {
    const days = await calendar.daysOff(2027);
    expect(days.filter((day) => day.provisional).map((day) => day.date)).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-09-03', // 2/9/2027 is a Thursday: the default second day is Friday 3/9
    ]);
  });

  it('records, changes and deletes decisions, each in the audit log', async () => {
    const fields = {
      day: '2027-09-06',
      kind: 'day_off' as const,
      nameVi: 'Nghỉ hoán đổi',
      nameEn: null,
      legalBasis: 'Thông báo thử nghiệm',
      sourceUrl: null,
    };
    expect(await calendar.isWorkingDay('2027-09-06')).toBe(true);
    await calendar.createDecision(fields, admin);
    expect(await calendar.isWorkingDay('2027-09-06')).toBe(false);
    const updated = await calendar.updateDecision(
      '2027-09-06',
      { kind: 'working_day', sourceUrl: 'https://example.gov.vn/tb' },
      admin,
    );
    expect(updated).toMatchObject({
      kind: 'working_day',
      sourceUrl: 'https://example.gov.vn/tb',
      nameVi: 'Nghỉ hoán đổi',
    });
    await calendar.deleteDecision('2027-09-06', admin);
    expect(await errorCode(calendar.getDecision('2027-09-06'))).toBe('CALENDAR_DECISION_NOT_FOUND');
    const logged = await sql<{ action: string }>`
      select action from platform.audit_log where target_type = 'calendar_decision' and target_id = '2027-09-06' order by id`.execute(
      database.db,
    );
    expect(logged.rows.map((row) => row.action)).toEqual([
      'calendar.decision_created',
      'calendar.decision_updated',
      'calendar.decision_deleted',
    ]);
  });

  it('is seen at once by another process: nothing is cached', async () => {
    const other = new WorkingDayCalendar(database.db, new AuditLog(database.db));
    expect(await other.isWorkingDay('2026-04-27')).toBe(false);
    await calendar.createDecision(
      {
        day: '2026-04-27',
        kind: 'working_day',
        nameVi: 'Huỷ nghỉ bù (thử)',
        nameEn: null,
        legalBasis: 'Thử nghiệm',
        sourceUrl: null,
      },
      admin,
    );
    expect(await other.isWorkingDay('2026-04-27')).toBe(true);
    await calendar.deleteDecision('2026-04-27', admin);
    expect(await other.isWorkingDay('2026-04-27')).toBe(false);
  });

  it('refuses duplicates, bad input and years it cannot compute', async () => {
    const [duplicate] = calendarDecisionsSeed;
    if (!duplicate) throw new Error('the seed is empty');
    expect(await errorCode(calendar.createDecision(duplicate, admin))).toBe('CALENDAR_DECISION_EXISTS');
    expect(await errorCode(calendar.isWorkingDay('2026-02-30'))).toBe('CALENDAR_INVALID_DAY');
    expect(await errorCode(calendar.addWorkingDays(vn('2026-02-13T10:00'), 1, { cutoff: '25:00' }))).toBe(
      'CALENDAR_INVALID_CUTOFF',
    );
    expect(await errorCode(calendar.addWorkingDays(vn('2026-02-13T10:00'), -1))).toBe(
      'CALENDAR_INVALID_DAY_COUNT',
    );
    expect(await errorCode(calendar.daysOff(1900))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(await errorCode(calendar.workingDaysBetween('2000-01-01', '2026-01-01'))).toBe(
      'CALENDAR_RANGE_TOO_LONG',
    );
  });
});
