import type { Catalog } from '../../catalog/catalog';
import { readBoolean, readNatural } from '../ckan-params';
import { CkanError } from '../ckan-action';

// CKAN's ckan.group_and_organization_list_max and …_all_fields_max.
const LIST_MAX = 1000;
const ALL_FIELDS_MAX = 25;

export interface Listed {
  readonly name: string;
  readonly title: string;
  readonly packageCount: number;
}

export function publicCounts(catalog: Catalog, everyState = false): Promise<Map<string, number>> {
  return catalog.datasets.repo.countsByOrg(everyState);
}

function compare(sort: string): (a: Listed, b: Listed) => number {
  const [field = 'title', direction = 'asc'] = sort.trim().split(/\s+/);
  const sign = direction === 'desc' ? -1 : 1;
  if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(direction))
    throw CkanError.invalid({ sort: [`Cannot sort by field \`${field}\``] });
  return (a, b) => {
    if (field === 'package_count') return sign * (a.packageCount - b.packageCount);
    const left = field === 'name' ? a.name : a.title;
    const right = field === 'name' ? b.name : b.title;
    return sign * left.localeCompare(right, 'vi');
  };
}

/** group_list / organization_list: sort (default `title asc`), limit, offset, names or dicts. */
export function listGroupsLike<T extends Listed>(
  items: readonly T[],
  params: Record<string, unknown>,
  present: (item: T) => unknown,
): unknown[] {
  const allFields = readBoolean(params.all_fields, false);
  const max = allFields ? ALL_FIELDS_MAX : LIST_MAX;
  const limit = Math.min(readNatural(params, 'limit', max), max);
  const offset = readNatural(params, 'offset', 0);
  const sort = typeof params.sort === 'string' && params.sort.trim() !== '' ? params.sort : 'title asc';
  const page = [...items].sort(compare(sort)).slice(offset, offset + limit);
  return allFields ? page.map(present) : page.map((item) => item.name);
}
