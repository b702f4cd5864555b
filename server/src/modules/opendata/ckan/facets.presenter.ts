import type { AgencyRow } from '../../../platform/agencies/agencies.repo';
import type { Catalog } from '../catalog/catalog';
import { orgName } from '../catalog/organizations';
import type { FacetField } from '../catalog/search.repo';

interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}

/**
 * CKAN's two facet shapes: the deprecated `facets` ({field: {value: count}}) and `search_facets`
 * whose items CKAN sorts by display name, descending (after the top `facet.limit` by count).
 */
export async function presentFacets(
  catalog: Catalog,
  counts: ReadonlyMap<FacetField, [string, number][]>,
  orgs: ReadonlyMap<string, AgencyRow>,
) {
  const needs = (field: FacetField) => counts.has(field);
  const [groups, licenses] = await Promise.all([
    needs('groups') ? catalog.groups.repo.list() : [],
    needs('license_id') ? catalog.groups.repo.licenses() : [],
  ]);
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: FacetItem[] }> = {};
  for (const [field, values] of counts) {
    const items = values.map(([value, count]): FacetItem => {
      if (field === 'organization') {
        const agency = orgs.get(value);
        return { name: agency ? orgName(agency) : value, display_name: agency?.nameVi ?? value, count };
      }
      const title =
        field === 'groups'
          ? groups.find((group) => group.name === value)?.title
          : field === 'license_id'
            ? licenses.find((license) => license.id === value)?.title
            : undefined;
      return { name: value, display_name: title ?? value, count };
    });
    facets[field] = Object.fromEntries(items.map((item) => [item.name, item.count]));
    searchFacets[field] = {
      title: field,
      items: [...items].sort((a, b) =>
        a.display_name < b.display_name ? 1 : a.display_name > b.display_name ? -1 : 0,
      ),
    };
  }
  return { facets, searchFacets };
}
