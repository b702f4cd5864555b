import type { Actor } from '../../platform/audit/audit';
import { changedFields } from '../../platform/audit/changed-fields';
import { AppError } from '../../platform/http/app-error';
import { platformErrors } from '../../platform/http/platform.errors';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import type { Category, CategoryFields, RoutingRule, RoutingRuleFields } from './routing.repo';
import { resolveAgency } from './service-support';

/** Categories (Open311 services) and the routing table, edited in the console and audited. */
export class RoutingService {
  constructor(private readonly ctx: FeedbackContext) {}

  categories(includeInactive = false): Promise<Category[]> {
    return this.ctx.routing.categories(includeInactive);
  }

  async category(code: string): Promise<Category> {
    const category = await this.ctx.routing.category(code);
    if (!category) throw new AppError(feedbackErrors.CATEGORY_NOT_FOUND, { code }, { code });
    return category;
  }

  async createCategory(fields: CategoryFields, actor: Actor): Promise<Category> {
    await this.ctx.platform.db.transaction().execute(async (trx) => {
      if (!(await this.ctx.routing.insertCategory(trx, fields)))
        throw new AppError(platformErrors.CONFLICT, { code: fields.code });
      await this.ctx.platform.audit.record(trx, actor, {
        action: 'feedback.category.created',
        targetType: 'feedback_category',
        targetId: fields.code,
        summary: { ...fields },
      });
    });
    return this.category(fields.code);
  }

  async updateCategory(code: string, changes: Partial<CategoryFields>, actor: Actor): Promise<Category> {
    const before = await this.category(code);
    await this.ctx.platform.db.transaction().execute(async (trx) => {
      await this.ctx.routing.updateCategory(trx, code, changes);
      await this.ctx.platform.audit.record(trx, actor, {
        action: 'feedback.category.updated',
        targetType: 'feedback_category',
        targetId: code,
        summary: changedFields(before, changes),
      });
    });
    return this.category(code);
  }

  rules(query: { categoryCode?: string; adminUnitCode?: string; agencyId?: string }): Promise<RoutingRule[]> {
    return this.ctx.routing.rules(query);
  }

  async rule(id: string): Promise<RoutingRule> {
    const rule = await this.ctx.routing.rule(id);
    if (!rule) throw new AppError(feedbackErrors.ROUTE_NOT_FOUND);
    return rule;
  }

  async createRule(fields: RoutingRuleFields, actor: Actor): Promise<RoutingRule> {
    await this.#check(fields);
    const id = await this.ctx.platform.db.transaction().execute(async (trx) => {
      const newId = await this.ctx.routing.insertRule(trx, fields);
      await this.#audit(trx, actor, 'created', newId, { ...fields });
      return newId;
    });
    return this.rule(id);
  }

  async updateRule(id: string, changes: Partial<RoutingRuleFields>, actor: Actor): Promise<RoutingRule> {
    const before = await this.rule(id);
    await this.#check({ ...before, ...changes });
    await this.ctx.platform.db.transaction().execute(async (trx) => {
      await this.ctx.routing.updateRule(trx, id, changes);
      await this.#audit(trx, actor, 'updated', id, changedFields(before, changes));
    });
    return this.rule(id);
  }

  async deleteRule(id: string, actor: Actor): Promise<void> {
    const before = await this.rule(id);
    await this.ctx.platform.db.transaction().execute(async (trx) => {
      await this.ctx.routing.deleteRule(trx, id);
      await this.#audit(trx, actor, 'deleted', id, { ...before });
    });
  }

  async #check(fields: RoutingRuleFields): Promise<void> {
    await this.category(fields.categoryCode);
    await resolveAgency(this.ctx, fields.agencyId);
    if (fields.adminUnitCode) await this.ctx.platform.adminUnits.get(fields.adminUnitCode);
  }

  async #audit(
    trx: Parameters<FeedbackContext['platform']['audit']['record']>[0],
    actor: Actor,
    verb: string,
    id: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await this.ctx.platform.audit.record(trx, actor, {
      action: `feedback.route.${verb}`,
      targetType: 'feedback_route',
      targetId: id,
      summary,
    });
  }
}
