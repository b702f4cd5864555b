import type { Actor, AuditLog } from '../../../platform/audit/audit';
import { changedFields } from '../../../platform/audit/changed-fields';
import type { Principal } from '../../../platform/auth/principal';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { ruleProblem, type AlertRule, type AlertRuleFields } from './alert-rule.model';
import { AlertRulesRepo, type AlertRuleQuery } from './alert-rules.repo';
import { alertsErrors } from './alerts.errors';

// Changing what a rule watches, or how, makes its remembered per-subject states meaningless.
const stateResettingFields: readonly (keyof AlertRuleFields)[] = [
  'operator',
  'datastreamId',
  'observedPropertyId',
  'deviceType',
  'active',
];

/**
 * Use cases of alert rules. A system administrator manages every rule; an agency administrator or
 * officer manages the rules of their own agency. Every change is audited.
 */
export class AlertRulesService {
  readonly #repo: AlertRulesRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.#repo = new AlertRulesRepo(db);
  }

  list(query: AlertRuleQuery): Promise<{ items: AlertRule[]; total: number }> {
    return this.#repo.list(query);
  }

  async get(id: string): Promise<AlertRule> {
    const rule = await this.#repo.findById(id);
    if (!rule) throw new AppError(alertsErrors.ALERT_RULE_NOT_FOUND);
    return rule;
  }

  async create(principal: Principal, fields: AlertRuleFields, actor: Actor): Promise<AlertRule> {
    assertManages(principal, fields.agencyId);
    await this.#assertValid(fields);
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.#repo.insert(trx, fields);
      await this.audit.record(trx, actor, {
        action: 'sensors.alert_rule.created',
        targetType: 'alert_rule',
        targetId: newId,
        summary: { name: fields.name, operator: fields.operator, severity: fields.severity },
      });
      return newId;
    });
    return this.get(id);
  }

  async update(
    principal: Principal,
    id: string,
    changes: Partial<AlertRuleFields>,
    actor: Actor,
  ): Promise<AlertRule> {
    const before = await this.get(id);
    assertManages(principal, before.agencyId);
    if (changes.agencyId !== undefined) assertManages(principal, changes.agencyId);
    await this.#assertValid({ ...before, ...changes });
    const resets = stateResettingFields.some(
      (field) => changes[field] !== undefined && changes[field] !== before[field],
    );
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.update(trx, id, changes);
      if (resets) await this.#repo.resetStates(trx, id);
      await this.audit.record(trx, actor, {
        action: 'sensors.alert_rule.updated',
        targetType: 'alert_rule',
        targetId: id,
        summary: changedFields({ ...before }, { ...changes }),
      });
    });
    return this.get(id);
  }

  async delete(principal: Principal, id: string, actor: Actor): Promise<void> {
    const before = await this.get(id);
    assertManages(principal, before.agencyId);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.delete(trx, id);
      await this.audit.record(trx, actor, {
        action: 'sensors.alert_rule.deleted',
        targetType: 'alert_rule',
        targetId: id,
        summary: { name: before.name, operator: before.operator },
      });
    });
  }

  async #assertValid(fields: AlertRuleFields): Promise<void> {
    const problem = ruleProblem(fields);
    if (problem) throw new AppError(alertsErrors.ALERT_RULE_INVALID, { problem }, { problem });
    const missing = await this.#repo.missingTargets(fields);
    if (missing.length > 0) {
      const problem = missing.join(', ');
      throw new AppError(alertsErrors.ALERT_RULE_TARGET_NOT_FOUND, { problem }, { problem });
    }
  }
}

function assertManages(principal: Principal, agencyId: string | null): void {
  if (principal.isSystemAdmin) return;
  const manages =
    agencyId !== null &&
    (principal.hasRole('agency_admin', agencyId) || principal.hasRole('officer', agencyId));
  if (!manages) throw new AppError(alertsErrors.ALERT_RULE_OUTSIDE_SCOPE);
}
