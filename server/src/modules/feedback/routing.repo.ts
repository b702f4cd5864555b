import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { FeedbackTables } from './feedback.tables';
import type { Executor } from './notifier.port';

export const attributeDatatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type AttributeDatatype = (typeof attributeDatatypes)[number];

/** An Open311 attribute of a category (GeoReport v2 service definition). */
export interface CategoryAttribute {
  readonly code: string;
  readonly datatype: AttributeDatatype;
  readonly required: boolean;
  readonly description: string;
  readonly datatypeDescription?: string | null;
  readonly order: number;
  readonly values?: readonly { readonly key: string; readonly name: string }[];
}

export interface Category {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly descriptionVi: string | null;
  readonly descriptionEn: string | null;
  readonly group: string;
  readonly keywords: string;
  readonly deadlineWorkingDays: number;
  readonly attributes: readonly CategoryAttribute[];
  readonly duplicateRadiusMetres: number;
  readonly active: boolean;
  readonly sortOrder: number;
  readonly updatedAt: Date;
}

export type CategoryFields = Omit<Category, 'updatedAt'>;

export interface RoutingRule {
  readonly id: string;
  readonly categoryCode: string;
  /** Null: the category's default for every unit without a rule of its own. */
  readonly adminUnitCode: string | null;
  readonly agencyId: string;
  readonly updatedAt: Date;
}

export type RoutingRuleFields = Omit<RoutingRule, 'id' | 'updatedAt'>;

function toCategory(row: Selectable<FeedbackTables['feedback.categories']>): Category {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    descriptionVi: row.description_vi,
    descriptionEn: row.description_en,
    group: row.group_code,
    keywords: row.keywords,
    deadlineWorkingDays: row.deadline_working_days,
    attributes: (row.attributes ?? []) as CategoryAttribute[],
    duplicateRadiusMetres: row.duplicate_radius_metres,
    active: row.active,
    sortOrder: row.sort_order,
    updatedAt: row.updated_at,
  };
}

function categoryRow(fields: Partial<CategoryFields>) {
  return {
    ...(fields.code !== undefined ? { code: fields.code } : {}),
    ...(fields.nameVi !== undefined ? { name_vi: fields.nameVi } : {}),
    ...(fields.nameEn !== undefined ? { name_en: fields.nameEn } : {}),
    ...(fields.descriptionVi !== undefined ? { description_vi: fields.descriptionVi } : {}),
    ...(fields.descriptionEn !== undefined ? { description_en: fields.descriptionEn } : {}),
    ...(fields.group !== undefined ? { group_code: fields.group } : {}),
    ...(fields.keywords !== undefined ? { keywords: fields.keywords } : {}),
    ...(fields.deadlineWorkingDays !== undefined
      ? { deadline_working_days: fields.deadlineWorkingDays }
      : {}),
    ...(fields.attributes !== undefined ? { attributes: JSON.stringify(fields.attributes) } : {}),
    ...(fields.duplicateRadiusMetres !== undefined
      ? { duplicate_radius_metres: fields.duplicateRadiusMetres }
      : {}),
    ...(fields.active !== undefined ? { active: fields.active } : {}),
    ...(fields.sortOrder !== undefined ? { sort_order: fields.sortOrder } : {}),
  };
}

function toRule(row: Selectable<FeedbackTables['feedback.routes']>): RoutingRule {
  return {
    id: row.id,
    categoryCode: row.category_code,
    adminUnitCode: row.admin_unit_code,
    agencyId: row.agency_id,
    updatedAt: row.updated_at,
  };
}

/** feedback.categories and feedback.routes: the hub's configuration. */
export class RoutingRepo {
  constructor(private readonly db: Db) {}

  #t(executor: Executor = this.db) {
    return executor.withTables<FeedbackTables>();
  }

  async categories(includeInactive: boolean): Promise<Category[]> {
    let query = this.#t().selectFrom('feedback.categories').selectAll();
    if (!includeInactive) query = query.where('active', '=', true);
    return (await query.orderBy('sort_order').orderBy('code').execute()).map(toCategory);
  }

  async category(code: string, executor: Executor = this.db): Promise<Category | undefined> {
    const row = await this.#t(executor)
      .selectFrom('feedback.categories')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return row ? toCategory(row) : undefined;
  }

  async insertCategory(executor: Executor, fields: CategoryFields): Promise<boolean> {
    const result = await this.#t(executor)
      .insertInto('feedback.categories')
      .values(categoryRow(fields) as never)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async updateCategory(executor: Executor, code: string, changes: Partial<CategoryFields>): Promise<void> {
    await this.#t(executor)
      .updateTable('feedback.categories')
      .set({ ...categoryRow(changes), updated_at: sql<Date>`now()` } as never)
      .where('code', '=', code)
      .execute();
  }

  async rules(query: {
    categoryCode?: string;
    adminUnitCode?: string;
    agencyId?: string;
  }): Promise<RoutingRule[]> {
    let select = this.#t().selectFrom('feedback.routes').selectAll();
    if (query.categoryCode) select = select.where('category_code', '=', query.categoryCode);
    if (query.adminUnitCode) select = select.where('admin_unit_code', '=', query.adminUnitCode);
    if (query.agencyId) select = select.where('agency_id', '=', query.agencyId);
    const rows = await select.orderBy('category_code').orderBy('admin_unit_code').limit(5000).execute();
    return rows.map(toRule);
  }

  async rule(id: string): Promise<RoutingRule | undefined> {
    const row = await this.#t()
      .selectFrom('feedback.routes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRule(row) : undefined;
  }

  /** The rule for the unit if there is one, else the category's default rule. */
  async match(categoryCode: string, adminUnitCode: string | null): Promise<RoutingRule | undefined> {
    const row = await this.#t()
      .selectFrom('feedback.routes')
      .selectAll()
      .where('category_code', '=', categoryCode)
      .where((eb) =>
        eb.or([eb('admin_unit_code', 'is', null), eb('admin_unit_code', '=', adminUnitCode ?? '')]),
      )
      .orderBy(sql`admin_unit_code is null`)
      .limit(1)
      .executeTakeFirst();
    return row ? toRule(row) : undefined;
  }

  async insertRule(executor: Executor, fields: RoutingRuleFields): Promise<string> {
    const row = await this.#t(executor)
      .insertInto('feedback.routes')
      .values({
        category_code: fields.categoryCode,
        admin_unit_code: fields.adminUnitCode,
        agency_id: fields.agencyId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateRule(executor: Executor, id: string, changes: Partial<RoutingRuleFields>): Promise<void> {
    await this.#t(executor)
      .updateTable('feedback.routes')
      .set({
        ...(changes.categoryCode !== undefined ? { category_code: changes.categoryCode } : {}),
        ...(changes.adminUnitCode !== undefined ? { admin_unit_code: changes.adminUnitCode } : {}),
        ...(changes.agencyId !== undefined ? { agency_id: changes.agencyId } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
  }

  async deleteRule(executor: Executor, id: string): Promise<void> {
    await this.#t(executor).deleteFrom('feedback.routes').where('id', '=', id).execute();
  }
}
