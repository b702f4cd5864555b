import type { Generated, Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database';

type SmsAnswerTables = {
  'opendata.sms_answers': {
    id: Generated<string>;
    topic: string;
    resource_id: string;
    match_field: string;
    value_field: string;
    unit: string | null;
    label: string;
    label_en: string | null;
    created_at: Generated<Date>;
    modified_at: Generated<Date>;
  };
};

type Row = Selectable<SmsAnswerTables['opendata.sms_answers']>;

export interface SmsAnswer {
  readonly id: string;
  /** Folded words that select the answer ("dan so"). */
  readonly topic: string;
  readonly resourceId: string;
  readonly matchField: string;
  readonly valueField: string;
  readonly unit: string | null;
  readonly label: string;
  readonly labelEn: string | null;
}

export type SmsAnswerInput = Omit<SmsAnswer, 'id'>;

function toAnswer(row: Row): SmsAnswer {
  return {
    id: row.id,
    topic: row.topic,
    resourceId: row.resource_id,
    matchField: row.match_field,
    valueField: row.value_field,
    unit: row.unit,
    label: row.label,
    labelEn: row.label_en,
  };
}

function toRow(input: SmsAnswerInput) {
  return {
    topic: input.topic,
    resource_id: input.resourceId,
    match_field: input.matchField,
    value_field: input.valueField,
    unit: input.unit,
    label: input.label,
    label_en: input.labelEn,
  };
}

/** The only SQL over opendata.sms_answers. */
export class SmsAnswersRepo {
  constructor(private readonly db: Db) {}

  #table(executor: Db = this.db) {
    return executor.withTables<SmsAnswerTables>();
  }

  async list(): Promise<SmsAnswer[]> {
    const rows = await this.#table()
      .selectFrom('opendata.sms_answers')
      .selectAll()
      .orderBy('topic')
      .execute();
    return rows.map(toAnswer);
  }

  async find(id: string): Promise<SmsAnswer | undefined> {
    const row = await this.#table()
      .selectFrom('opendata.sms_answers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toAnswer(row);
  }

  async findByTopic(topic: string): Promise<SmsAnswer | undefined> {
    const row = await this.#table()
      .selectFrom('opendata.sms_answers')
      .selectAll()
      .where('topic', '=', topic)
      .executeTakeFirst();
    return row && toAnswer(row);
  }

  async insert(executor: Db, input: SmsAnswerInput): Promise<SmsAnswer> {
    const row = await this.#table(executor)
      .insertInto('opendata.sms_answers')
      .values(toRow(input))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAnswer(row);
  }

  async update(executor: Db, id: string, input: SmsAnswerInput): Promise<SmsAnswer | undefined> {
    const row = await this.#table(executor)
      .updateTable('opendata.sms_answers')
      .set({ ...toRow(input), modified_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toAnswer(row);
  }

  async delete(executor: Db, id: string): Promise<boolean> {
    const result = await this.#table(executor)
      .deleteFrom('opendata.sms_answers')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
