import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { DeviceType } from '../devices/device.model';
import type { AlertRecipient, AlertRule, AlertRuleFields } from './alert-rule.model';
import type { AlertTables } from './alerts.tables';

type RuleRow = Selectable<AlertTables['sensors.alert_rules']>;

export interface AlertRuleQuery {
  readonly operator?: AlertRule['operator'];
  readonly active?: boolean;
  readonly datastreamId?: number;
  readonly agencyId?: string;
  readonly isSample?: boolean;
  readonly limit: number;
  readonly offset: number;
}

// jsonb arrives parsed (both drivers); written as JSON text.
function parseRecipients(value: unknown): AlertRecipient[] {
  return Array.isArray(value) ? (value as AlertRecipient[]) : [];
}

export function ruleOf(row: RuleRow): AlertRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    operator: row.operator,
    datastreamId: row.datastream_id === null ? null : Number(row.datastream_id),
    observedPropertyId: row.observed_property_id === null ? null : Number(row.observed_property_id),
    deviceType: row.device_type as DeviceType | null,
    threshold: row.threshold,
    clearThreshold: row.clear_threshold,
    windowMinutes: row.window_minutes,
    minDurationSeconds: row.min_duration_seconds,
    severity: row.severity,
    active: row.active,
    agencyId: row.agency_id,
    recipients: parseRecipients(row.recipients),
    isSample: row.is_sample,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columnsOf(fields: Partial<AlertRuleFields>): Record<string, unknown> {
  const columns = {
    name: fields.name,
    description: fields.description,
    operator: fields.operator,
    datastream_id: fields.datastreamId,
    observed_property_id: fields.observedPropertyId,
    device_type: fields.deviceType,
    threshold: fields.threshold,
    clear_threshold: fields.clearThreshold,
    window_minutes: fields.windowMinutes,
    min_duration_seconds: fields.minDurationSeconds,
    severity: fields.severity,
    active: fields.active,
    agency_id: fields.agencyId,
    recipients: fields.recipients === undefined ? undefined : JSON.stringify(fields.recipients),
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

/** The only code that touches sensors.alert_rules. */
export class AlertRulesRepo {
  constructor(private readonly db: Db) {}

  #rules(executor: Kysely<unknown> = this.db) {
    return executor.withTables<AlertTables>();
  }

  async list(query: AlertRuleQuery): Promise<{ items: AlertRule[]; total: number }> {
    let base = this.#rules().selectFrom('sensors.alert_rules');
    if (query.operator) base = base.where('operator', '=', query.operator);
    if (query.active !== undefined) base = base.where('active', '=', query.active);
    if (query.datastreamId !== undefined) base = base.where('datastream_id', '=', query.datastreamId);
    if (query.agencyId) base = base.where('agency_id', '=', query.agencyId);
    if (query.isSample !== undefined) base = base.where('is_sample', '=', query.isSample);
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
    ]);
    return { items: rows.map(ruleOf), total: Number(count?.n ?? 0) };
  }

  async findById(id: string, executor?: Kysely<unknown>): Promise<AlertRule | undefined> {
    const row = await this.#rules(executor)
      .selectFrom('sensors.alert_rules')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && ruleOf(row);
  }

  async insert(executor: Kysely<unknown>, fields: AlertRuleFields, isSample = false): Promise<string> {
    const row = await this.#rules(executor)
      .insertInto('sensors.alert_rules')
      .values({ ...columnsOf(fields), is_sample: isSample } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(executor: Kysely<unknown>, id: string, fields: Partial<AlertRuleFields>): Promise<void> {
    await this.#rules(executor)
      .updateTable('sensors.alert_rules')
      .set({ ...columnsOf(fields), updated_at: new Date() } as never)
      .where('id', '=', id)
      .execute();
  }

  async delete(executor: Kysely<unknown>, id: string): Promise<void> {
    await this.#rules(executor).deleteFrom('sensors.alert_rules').where('id', '=', id).execute();
  }

  /** Forgets the rule's per-subject states: after its target or operator changed they mean nothing. */
  async resetStates(executor: Kysely<unknown>, id: string): Promise<void> {
    await sql`delete from sensors.alert_states where rule_id = ${id}::uuid`.execute(executor);
  }

  /** Which of the targets a rule names are missing (a datastream, an observed property). */
  async missingTargets(
    fields: Pick<AlertRuleFields, 'datastreamId' | 'observedPropertyId'>,
  ): Promise<string[]> {
    const missing: string[] = [];
    if (fields.datastreamId !== null && fields.datastreamId !== undefined) {
      const { rows } =
        await sql`select 1 from sensors.datastreams where id = ${fields.datastreamId}::bigint`.execute(
          this.db,
        );
      if (rows.length === 0) missing.push(`Datastream ${fields.datastreamId}`);
    }
    if (fields.observedPropertyId !== null && fields.observedPropertyId !== undefined) {
      const { rows } =
        await sql`select 1 from sensors.observed_properties where id = ${fields.observedPropertyId}::bigint`.execute(
          this.db,
        );
      if (rows.length === 0) missing.push(`ObservedProperty ${fields.observedPropertyId}`);
    }
    return missing;
  }
}
