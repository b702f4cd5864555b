import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database';
import type { Catalog } from '../../catalog/catalog';
import type { License } from '../../catalog/catalog.model';
import { CkanError, type CkanAction } from '../ckan-action';
import { readNatural, readText, ValidationErrors } from '../ckan-params';
import { defineAction } from './action-kit';

// The CKAN release whose Action API this one follows (clients branch on it).
export const CKAN_COMPATIBLE_VERSION = '2.11.0';

/** Tags of public active datasets whose name contains `query` (accents optional). */
async function tagNames(
  db: Db,
  query: string | null,
  limit: number | null,
  offset: number,
): Promise<string[]> {
  const filter = query
    ? sql`and platform.search_key(t.name) like platform.search_key(${`%${query.replace(/[%_\\]/g, '\\$&')}%`})`
    : sql``;
  const page = limit === null ? sql`` : sql`limit ${limit}`;
  const result = await sql<{ name: string }>`
    select distinct t.name from opendata.tags t
    join opendata.dataset_tags dt on dt.tag_id = t.id
    join opendata.datasets d on d.id = dt.dataset_id and d.state = 'active' and not d.private
    where true ${filter} order by t.name ${page} offset ${offset}`.execute(db);
  return result.rows.map((row) => row.name);
}

async function tagList(db: Db, params: Record<string, unknown>): Promise<string[]> {
  const errors = new ValidationErrors();
  const query = readText(params, 'query', errors) ?? readText(params, 'q', errors) ?? null;
  errors.throwIfAny();
  const limit = params.limit === undefined ? null : readNatural(params, 'limit', 0);
  return tagNames(db, query, limit, readNatural(params, 'offset', 0));
}

function licenseDict(license: License) {
  return {
    id: license.id,
    title: license.title,
    url: license.url ?? '',
    status: 'active',
    maintainer: '',
    family: '',
    od_conformance: license.isOpen ? 'approved' : 'not reviewed',
    osd_conformance: 'not reviewed',
    domain_content: license.isOpen,
    domain_data: license.isOpen,
    domain_software: false,
    is_generic: false,
    is_okd_compliant: license.isOpen,
    is_osi_compliant: false,
  };
}

function status(catalog: Catalog, actions: readonly CkanAction[]) {
  return {
    site_title: 'Cổng dữ liệu mở Đà Nẵng (citydx)',
    site_description: 'Dữ liệu mở của thành phố Đà Nẵng / Da Nang open data',
    site_url: catalog.baseUrl,
    error_emails_to: null,
    locale_default: 'vi',
    extensions: [
      'citydx_opendata',
      'dcat',
      ...(actions.some((a) => a.name === 'datastore_search') ? ['datastore'] : []),
    ],
    ckan_version: CKAN_COMPATIBLE_VERSION,
  };
}

/** tag_list, license_list, status_show and help_show. */
export function siteActions(catalog: Catalog, db: Db, allActions: () => readonly CkanAction[]): CkanAction[] {
  return [
    defineAction(
      'tag_list',
      true,
      'Tags in use on public datasets. Params: query, limit, offset.',
      ({ params }) => tagList(db, params),
    ),
    defineAction('license_list', true, 'The licences datasets may use.', async () =>
      (await catalog.groups.repo.licenses()).map(licenseDict),
    ),
    defineAction('status_show', true, 'Site information (clients use it as a ping).', async () =>
      status(catalog, allActions()),
    ),
    defineAction('help_show', true, 'The help text of an action. Params: name.', async ({ params }) => {
      const action = allActions().find((candidate) => candidate.name === params.name);
      if (!action) throw CkanError.notFound('Action function not found');
      return action.help;
    }),
  ];
}
