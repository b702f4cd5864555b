import { sql, type Kysely, type Selectable } from 'kysely';
import type { Actor } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { AlertRule, AlertSeverity } from './alert-rule.model';
import type { AlertSubject } from './alert-subjects.repo';
import type { AlertTables } from './alerts.tables';
import type { Incident, IncidentEvent, IncidentEventKind, IncidentStatus } from './incident.model';

type IncidentRow = Selectable<AlertTables['sensors.incidents']>;

export interface IncidentQuery {
  readonly status?: readonly IncidentStatus[];
  readonly severity?: AlertSeverity;
  readonly adminUnitCode?: string;
  readonly agencyId?: string;
  readonly ruleId?: string;
  readonly datastreamId?: number;
  readonly alertActive?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface IncidentStep {
  readonly kind: IncidentEventKind;
  readonly actor: Actor;
  readonly note?: string | null;
  readonly details?: Record<string, unknown>;
}

function incidentOf(row: IncidentRow): Incident {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    operator: row.operator,
    severity: row.severity,
    status: row.status,
    datastreamId: row.datastream_id === null ? null : Number(row.datastream_id),
    deviceId: row.device_id,
    subjectName: row.subject_name,
    location:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: row.latitude, longitude: row.longitude },
    adminUnitCode: row.admin_unit_code,
    agencyId: row.agency_id,
    alertActive: row.alert_active,
    raiseCount: row.raise_count,
    // jsonb arrives parsed (both drivers).
    lastValue: (row.last_value as unknown) ?? null,
    openedAt: row.opened_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    isSample: row.is_sample,
    updatedAt: row.updated_at,
  };
}

/** The only code that touches sensors.incidents and sensors.incident_events. */
export class IncidentsRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Kysely<unknown> = this.db) {
    return executor.withTables<AlertTables>();
  }

  #filtered(query: Omit<IncidentQuery, 'limit' | 'offset'>) {
    let base = this.#tables().selectFrom('sensors.incidents');
    if (query.status?.length) base = base.where('status', 'in', [...query.status]);
    if (query.severity) base = base.where('severity', '=', query.severity);
    if (query.adminUnitCode) base = base.where('admin_unit_code', '=', query.adminUnitCode);
    if (query.agencyId) base = base.where('agency_id', '=', query.agencyId);
    if (query.ruleId) base = base.where('rule_id', '=', query.ruleId);
    if (query.datastreamId !== undefined) base = base.where('datastream_id', '=', query.datastreamId);
    if (query.alertActive !== undefined) base = base.where('alert_active', '=', query.alertActive);
    return base;
  }

  async list(query: IncidentQuery): Promise<{ items: Incident[]; total: number }> {
    const base = this.#filtered(query);
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('opened_at', 'desc')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
    ]);
    return { items: rows.map(incidentOf), total: Number(count?.n ?? 0) };
  }

  /** Unresolved incidents with a location, most severe first, for the map. */
  async mapped(
    query: Omit<IncidentQuery, 'limit' | 'offset' | 'status'>,
    limit: number,
  ): Promise<Incident[]> {
    const rows = await this.#filtered({ ...query, status: ['open', 'acknowledged'] })
      .selectAll()
      .where('latitude', 'is not', null)
      .orderBy(sql`case severity when 'critical' then 0 when 'warning' then 1 else 2 end`)
      .orderBy('opened_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(incidentOf);
  }

  async findById(id: string, executor?: Kysely<unknown>, forUpdate = false): Promise<Incident | undefined> {
    let query = this.#tables(executor).selectFrom('sensors.incidents').selectAll().where('id', '=', id);
    if (forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row && incidentOf(row);
  }

  async history(id: string): Promise<IncidentEvent[]> {
    const rows = await this.#tables()
      .selectFrom('sensors.incident_events')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      note: row.note,
      details: (row.details ?? {}) as Record<string, unknown>,
      occurredAt: row.occurred_at,
    }));
  }

  async addStep(executor: Kysely<unknown>, incidentId: string, step: IncidentStep): Promise<void> {
    await this.#tables(executor)
      .insertInto('sensors.incident_events')
      .values({
        incident_id: incidentId,
        kind: step.kind,
        actor_id: step.actor.id,
        actor_label: step.actor.label,
        note: step.note ?? null,
        details: JSON.stringify(step.details ?? {}),
      })
      .execute();
  }

  async setFields(
    executor: Kysely<unknown>,
    id: string,
    fields: Partial<
      Pick<IncidentRow, 'status' | 'agency_id' | 'acknowledged_at' | 'resolved_at' | 'alert_active'>
    >,
  ): Promise<void> {
    await this.#tables(executor)
      .updateTable('sensors.incidents')
      .set({ ...fields, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Opens an incident for the rule and subject, or attaches the raise to the unresolved one (the
   * partial unique index allows one). Returns its id and whether it was already open.
   */
  async openOrAttach(
    executor: Kysely<unknown>,
    rule: AlertRule,
    subject: AlertSubject,
    value: unknown,
  ): Promise<{ id: string; reraised: boolean; raiseCount: number }> {
    const lastValue = JSON.stringify(value ?? null);
    const { rows: attached } = await sql<{ id: string; raise_count: number }>`
      update sensors.incidents set alert_active = true, raise_count = raise_count + 1,
        last_value = ${lastValue}::jsonb, severity = ${rule.severity}, updated_at = now()
      where rule_id = ${rule.id}::uuid and subject_key = ${subject.key} and status <> 'resolved'
      returning id, raise_count`.execute(executor);
    if (attached[0])
      return { id: attached[0].id, reraised: true, raiseCount: Number(attached[0].raise_count) };
    const row = await this.#tables(executor)
      .insertInto('sensors.incidents')
      .values({
        rule_id: rule.id,
        rule_name: rule.name,
        operator: rule.operator,
        severity: rule.severity,
        subject_key: subject.key,
        datastream_id: subject.datastreamId,
        device_id: subject.deviceId,
        subject_name: subject.name,
        latitude: subject.location?.latitude ?? null,
        longitude: subject.location?.longitude ?? null,
        admin_unit_code: subject.adminUnitCode,
        agency_id: rule.agencyId ?? subject.agencyId,
        last_value: lastValue,
        is_sample: rule.isSample || subject.isSample,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, reraised: false, raiseCount: 1 };
  }
}
