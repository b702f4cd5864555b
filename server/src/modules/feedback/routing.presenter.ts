import type { Category, RoutingRule } from './routing.repo';

export function presentCategory(category: Category) {
  return {
    code: category.code,
    nameVi: category.nameVi,
    nameEn: category.nameEn,
    descriptionVi: category.descriptionVi,
    descriptionEn: category.descriptionEn,
    group: category.group,
    keywords: category.keywords,
    deadlineWorkingDays: category.deadlineWorkingDays,
    attributes: category.attributes.map((attribute) => ({
      ...attribute,
      values: attribute.values ? [...attribute.values] : [],
    })),
    duplicateRadiusMetres: category.duplicateRadiusMetres,
    active: category.active,
    sortOrder: category.sortOrder,
    updatedAt: category.updatedAt.toISOString(),
  };
}

export function presentRule(rule: RoutingRule) {
  return {
    id: rule.id,
    categoryCode: rule.categoryCode,
    adminUnitCode: rule.adminUnitCode,
    agencyId: rule.agencyId,
    updatedAt: rule.updatedAt.toISOString(),
  };
}
