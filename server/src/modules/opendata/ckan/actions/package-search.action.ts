import type { Catalog } from '../../catalog/catalog';
import type { FilterTerm } from '../../catalog/search.repo';
import type { CkanAction, CkanActionContext } from '../ckan-action';
import { presentFacets } from '../facets.presenter';
import { parseSearchParams } from '../package-search.params';
import { defineAction, viewerFor } from './action-kit';

/** `organization:name` filters name agencies; search compares agency ids. */
async function resolveOrganizations(catalog: Catalog, filters: FilterTerm[]): Promise<FilterTerm[]> {
  return Promise.all(
    filters.map(async (term) => {
      if (term.field !== 'organization') return term;
      const ids = await Promise.all(term.values.map(async (value) => (await catalog.orgs.find(value))?.id));
      return { ...term, values: ids.filter((id): id is string => id !== undefined) };
    }),
  );
}

async function search(catalog: Catalog, context: CkanActionContext) {
  const parsed = parseSearchParams(context.params);
  const query = {
    text: parsed.text,
    filters: await resolveOrganizations(catalog, parsed.filters),
    viewer: viewerFor(context),
    visibility: { includePrivate: parsed.includePrivate, includeDrafts: parsed.includeDrafts },
    sort: parsed.sort,
    rows: parsed.rows,
    start: parsed.start,
  };
  const wantFacets = parsed.facet && parsed.facets.fields.length > 0;
  const found = wantFacets
    ? await catalog.search.searchWithFacets(query, parsed.facets)
    : { ...(await catalog.search.search(query)), facets: new Map() };
  const [datasets, facets] = await Promise.all([
    catalog.datasets.repo.loadMany(found.ids),
    presentFacets(catalog, found.facets),
  ]);
  return {
    count: found.count,
    facets: facets.facets,
    results: await catalog.packageDicts(datasets),
    sort: parsed.sortText,
    search_facets: facets.searchFacets,
  };
}

/** package_search: PostgreSQL full text with CKAN's parameters and result shape. */
export function packageSearchAction(catalog: Catalog): CkanAction {
  return defineAction(
    'package_search',
    true,
    'Full-text search (q, accents optional) with fq filters on tags, organization, groups, res_format and license_id; facet.field, facet.limit, facet.mincount; sort; rows (max 1000) and start; include_private, include_drafts.',
    (context) => search(catalog, context),
  );
}
