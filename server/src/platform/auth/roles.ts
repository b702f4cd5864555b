/**
 * The six staff roles. A role is granted city-wide or for one agency (role_assignments.agency_id):
 * system_admin is always city-wide; agency_admin, officer and data_publisher always name an agency;
 * viewer and call_center_operator may be either.
 */
export const roles = [
  'system_admin',
  'agency_admin',
  'officer',
  'call_center_operator',
  'data_publisher',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export const agencyScopedRoles: readonly Role[] = ['agency_admin', 'officer', 'data_publisher'];
export const optionallyScopedRoles: readonly Role[] = ['viewer', 'call_center_operator'];

export interface RoleGrant {
  readonly role: Role;
  readonly agencyId: string | null;
}

/** Checks the shape rule above before the database does, so the caller gets a readable error. */
export function isValidGrant(grant: RoleGrant): boolean {
  if (grant.role === 'system_admin') return grant.agencyId === null;
  if (agencyScopedRoles.includes(grant.role)) return grant.agencyId !== null;
  return true;
}
