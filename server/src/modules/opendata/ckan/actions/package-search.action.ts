import type { AgencyRow } from '../../../../platform/agencies/agencies.repo';
import type { Catalog } from '../../catalog/catalog';
import { findOrganization } from '../../catalog/organizations';
import type { FilterTerm } from '../../catalog/search.repo';
import type { CkanAction, CkanActionContext } from '../ckan-action';
import { presentFacets } from '../facets.presenter';
import { parseSearchParams } from '../package-search.params';
import { defineAction, viewerFor } from './action-kit';

/** `organization:name` filters name agencies; search compares agency ids. */
function resolveOrganizations(agencies: ReadonlyMap<string, AgencyRow>, filters: FilterTerm[]): FilterTerm[] {
  return filters.map((term) => {
    if (term.field !== 'organization') return term;
    const ids = term.values.map((value) => findOrganization(agencies, value)?.id);
    return { ...term, values: ids.filter((id): id is string => id !== undefined) };
  });
}

// Three round trips, each as wide as it can be: the agencies (for filters, facets and dicts) beside the
// search statement when no filter names an organisation; then the page's datasets; then their
// DataStore flags (inside packageDicts).
async function search(catalog: Catalog, context: CkanActionContext) {
  const parsed = parseSearchParams(context.params);
  const agenciesLoaded = catalog.orgs.byId();
  // Settled here so a failing search does not leave it rejected with no one listening.
  agenciesLoaded.catch(() => undefined);
  const namesOrganizations = parsed.filters.some((term) => term.field === 'organization');
  const query = {
    text: parsed.text,
    filters: namesOrganizations ? resolveOrganizations(await agenciesLoaded, parsed.filters) : parsed.filters,
    viewer: viewerFor(context),
    visibility: { includePrivate: parsed.includePrivate, includeDrafts: parsed.includeDrafts },
    sort: parsed.sort,
    rows: parsed.rows,
    start: parsed.start,
  };
  const wantFacets = parsed.facet && parsed.facets.fields.length > 0;
  const [found, agencies] = await Promise.all([
    wantFacets
      ? catalog.search.searchWithFacets(query, parsed.facets)
      : catalog.search.search(query).then((result) => ({ ...result, facets: new Map() })),
    agenciesLoaded,
  ]);
  const datasets = await catalog.datasets.repo.loadMany(found.ids);
  const [results, facets] = await Promise.all([
    catalog.packageDicts(datasets, agencies),
    presentFacets(catalog, found.facets, agencies),
  ]);
  return {
    count: found.count,
    facets: facets.facets,
    results,
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
