import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/auth/principal';

/**
 * Who is asking, reduced to what the catalog's rules need. CKAN's organisation roles map onto kernel
 * roles: `data_publisher` or `agency_admin` of the owning agency is an editor (CKAN editor/admin),
 * `system_admin` is CKAN's sysadmin, everyone else (anonymous included) reads public active datasets.
 */
export interface Viewer {
  readonly userId: string | null;
  readonly isSysadmin: boolean;
  /** Agencies whose datasets the caller may edit (and so see when private or draft). */
  readonly editableOrgs: 'all' | readonly string[];
}

export const anonymousViewer: Viewer = { userId: null, isSysadmin: false, editableOrgs: [] };

export function viewerOf(principal: Principal | null): Viewer {
  if (!principal) return anonymousViewer;
  if (principal.isSystemAdmin) return { userId: principal.userId, isSysadmin: true, editableOrgs: 'all' };
  const publisher = principal.agenciesWhere('data_publisher');
  const admin = principal.agenciesWhere('agency_admin');
  const editableOrgs =
    publisher === 'all' || admin === 'all' ? 'all' : [...new Set([...publisher, ...admin])];
  return { userId: principal.userId, isSysadmin: false, editableOrgs };
}

export function canEditOrg(viewer: Viewer, orgId: string): boolean {
  return viewer.editableOrgs === 'all' || viewer.editableOrgs.includes(orgId);
}

/** Public active datasets are for everyone; private, draft and deleted ones only for their editors. */
export function canRead(
  viewer: Viewer,
  dataset: { readonly ownerOrg: string; readonly private: boolean; readonly state: string },
): boolean {
  if (dataset.state === 'active' && !dataset.private) return true;
  return canEditOrg(viewer, dataset.ownerOrg);
}

export interface VisibilityOptions {
  readonly includePrivate: boolean;
  readonly includeDrafts: boolean;
}

/**
 * The same rule as canRead as SQL over `opendata.datasets` aliased `d`, for lists and search:
 * public active always; private active and drafts only when asked for and editable.
 */
export function visibleSql(viewer: Viewer, options: VisibilityOptions): RawBuilder<boolean> {
  const editable = editableSql(viewer);
  const privateClause = options.includePrivate
    ? sql`or (d.state = 'active' and d.private and ${editable})`
    : sql``;
  const draftClause = options.includeDrafts ? sql`or (d.state = 'draft' and ${editable})` : sql``;
  return sql<boolean>`((d.state = 'active' and not d.private) ${privateClause} ${draftClause})`;
}

/** Every dataset the caller may read, whatever its state or privacy (for CatalogAccess). */
export function readableSql(viewer: Viewer): RawBuilder<boolean> {
  return sql<boolean>`((d.state = 'active' and not d.private) or (d.state <> 'deleted' and ${editableSql(viewer)}))`;
}

function editableSql(viewer: Viewer): RawBuilder<boolean> {
  if (viewer.editableOrgs === 'all') return sql<boolean>`true`;
  if (viewer.editableOrgs.length === 0) return sql<boolean>`false`;
  return sql<boolean>`d.owner_org in (${sql.join(viewer.editableOrgs.map((id) => sql`${id}::uuid`))})`;
}
