import { sql, type Generated, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../db/database';
import type { CivilDate } from './civil-date';

export type DecisionKind = 'day_off' | 'working_day';

// A type alias, not an interface: withTables needs the index signature an alias implies.
export type CalendarTables = {
  'platform.calendar_decisions': {
    day: CivilDate;
    kind: DecisionKind;
    name_vi: string;
    name_en: string | null;
    legal_basis: string;
    source_url: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};

/** One recorded decision: how one day differs from the computed calendar, and why. */
export interface CalendarDecision {
  readonly day: CivilDate;
  readonly kind: DecisionKind;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly legalBasis: string;
  readonly sourceUrl: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type CalendarDecisionFields = Omit<CalendarDecision, 'createdAt' | 'updatedAt'>;
export type CalendarDecisionChanges = Partial<Omit<CalendarDecisionFields, 'day'>>;

type Executor = Kysely<unknown> | Transaction<unknown>;

const columns = {
  kind: 'kind',
  nameVi: 'name_vi',
  nameEn: 'name_en',
  legalBasis: 'legal_basis',
  sourceUrl: 'source_url',
} as const satisfies Record<keyof CalendarDecisionChanges, string>;

function toColumns(fields: CalendarDecisionChanges): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = fields[key as keyof CalendarDecisionChanges];
    if (value !== undefined) row[column] = value;
  }
  return row;
}

/** The only SQL over platform.calendar_decisions. */
export class CalendarRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Executor = this.db) {
    return executor.withTables<CalendarTables>();
  }

  /** Decisions for the days from `first` to `last`, both included, in day order. */
  async between(first: CivilDate, last: CivilDate): Promise<CalendarDecision[]> {
    const rows = await this.#tables()
      .selectFrom('platform.calendar_decisions')
      .selectAll()
      .where('day', '>=', first)
      .where('day', '<=', last)
      .orderBy('day')
      .execute();
    return rows.map(toDecision);
  }

  async find(day: CivilDate, executor: Executor = this.db): Promise<CalendarDecision | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('platform.calendar_decisions')
      .selectAll()
      .where('day', '=', day)
      .executeTakeFirst();
    return row ? toDecision(row) : undefined;
  }

  async insert(executor: Executor, fields: CalendarDecisionFields): Promise<void> {
    await this.#tables(executor)
      .insertInto('platform.calendar_decisions')
      .values({ day: fields.day, ...toColumns(fields) } as never)
      .execute();
  }

  /** Inserts the rows whose day has no decision yet; returns how many were added. */
  async insertMissing(executor: Executor, rows: readonly CalendarDecisionFields[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await this.#tables(executor)
      .insertInto('platform.calendar_decisions')
      .values(rows.map((fields) => ({ day: fields.day, ...toColumns(fields) })) as never)
      .onConflict((conflict) => conflict.column('day').doNothing())
      .returning('day')
      .execute();
    return inserted.length;
  }

  async update(executor: Executor, day: CivilDate, changes: CalendarDecisionChanges): Promise<void> {
    await this.#tables(executor)
      .updateTable('platform.calendar_decisions')
      .set({ ...toColumns(changes), updated_at: sql<Date>`now()` } as never)
      .where('day', '=', day)
      .execute();
  }

  async delete(executor: Executor, day: CivilDate): Promise<void> {
    await this.#tables(executor).deleteFrom('platform.calendar_decisions').where('day', '=', day).execute();
  }
}

function toDecision(row: Selectable<CalendarTables['platform.calendar_decisions']>): CalendarDecision {
  return {
    day: row.day,
    kind: row.kind,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    legalBasis: row.legal_basis,
    sourceUrl: row.source_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
