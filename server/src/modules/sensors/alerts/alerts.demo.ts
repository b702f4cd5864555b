import { sql, type RawBuilder } from 'kysely';
import { systemActor, type AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { AlertRuleFields } from './alert-rule.model';
import { AlertRulesRepo } from './alert-rules.repo';

const SAMPLE = 'Quy tắc mẫu, không phải ngưỡng chính thức. / Sample rule, not an official threshold.';

function sampleRule(
  fields: Partial<AlertRuleFields> & Pick<AlertRuleFields, 'name' | 'operator' | 'severity'>,
): AlertRuleFields {
  return {
    description: SAMPLE,
    datastreamId: null,
    observedPropertyId: null,
    deviceType: null,
    threshold: null,
    clearThreshold: null,
    windowMinutes: null,
    minDurationSeconds: 0,
    active: true,
    agencyId: null,
    recipients: [],
    ...fields,
  };
}

async function sampleId(db: Db, query: RawBuilder<unknown>): Promise<number | null> {
  const { rows } = await (query as RawBuilder<{ id: number }>).execute(db);
  return rows[0] ? Number(rows[0].id) : null;
}

/**
 * Sample rules on the sample stations (sensors.demo.ts), each marked "mẫu"/sample: flood water level
 * above 1.5 m (critical, clears below 1.3 m), PM2.5 above 55 µg/m³ (warning, for 30 minutes), and one
 * water-level gauge silent for 30 minutes (FROZEN). Their thresholds illustrate; they are not the
 * city's official alert levels.
 */
export async function loadAlertSamples(db: Db, audit: AuditLog): Promise<void> {
  const existing = await sql<{
    n: number;
  }>`select count(*) as n from sensors.alert_rules where is_sample`.execute(db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) return;
  const waterLevel = await sampleId(
    db,
    sql`select id from sensors.observed_properties where name = 'waterLevel' and properties->>'isSample' = 'true' order by id limit 1`,
  );
  const pm25 = await sampleId(
    db,
    sql`select id from sensors.observed_properties where name = 'pm25' and properties->>'isSample' = 'true' order by id limit 1`,
  );
  const firstGauge = waterLevel
    ? await sampleId(
        db,
        sql`select id from sensors.datastreams where observed_property_id = ${waterLevel}::bigint order by id limit 1`,
      )
    : null;
  const rules: AlertRuleFields[] = [];
  if (waterLevel)
    rules.push(
      sampleRule({
        name: 'Mực nước ngập trên 1,5 m (mẫu)',
        operator: 'GT',
        observedPropertyId: waterLevel,
        threshold: 1.5,
        clearThreshold: 1.3,
        severity: 'critical',
      }),
    );
  if (pm25)
    rules.push(
      sampleRule({
        name: 'Bụi mịn PM2.5 trên 55 µg/m³ (mẫu)',
        operator: 'GT',
        observedPropertyId: pm25,
        threshold: 55,
        minDurationSeconds: 1800,
        severity: 'warning',
      }),
    );
  if (firstGauge)
    rules.push(
      sampleRule({
        name: 'Trạm đo mực nước mất dữ liệu 30 phút (mẫu)',
        operator: 'FROZEN',
        datastreamId: firstGauge,
        windowMinutes: 30,
        severity: 'warning',
      }),
    );
  const repo = new AlertRulesRepo(db);
  await db.transaction().execute(async (trx) => {
    for (const rule of rules) {
      const id = await repo.insert(trx, rule, true);
      await audit.record(trx, systemActor, {
        action: 'sensors.alert_rule.created',
        targetType: 'alert_rule',
        targetId: id,
        summary: { name: rule.name, operator: rule.operator, isSample: true },
      });
    }
  });
}
