import type { Role, RoleGrant } from '../auth/roles';

/** The roles that publish open data (server: catalog.access.ts viewerOf). */
export const publisherRoles: readonly Role[] = ['system_admin', 'agency_admin', 'data_publisher'];

/** Agencies whose datasets the user may edit: 'all' for a system administrator. */
export function editableOrgs(grants: readonly RoleGrant[] | undefined): 'all' | string[] {
  const list = grants ?? [];
  if (list.some((grant) => grant.role === 'system_admin')) return 'all';
  const ids = list
    .filter((grant) => grant.role === 'agency_admin' || grant.role === 'data_publisher')
    .map((grant) => grant.agencyId);
  if (ids.includes(null)) return 'all';
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

export function canEditOrg(grants: readonly RoleGrant[] | undefined, orgId: string): boolean {
  const orgs = editableOrgs(grants);
  return orgs === 'all' || orgs.includes(orgId);
}
