import type { Access } from '../../../platform/auth/access';
import type { Role } from '../../../platform/auth/roles';

/** IOC operators: they acknowledge, assign, comment on and resolve incidents. */
export const operatorRoles: readonly Role[] = [
  'system_admin',
  'call_center_operator',
  'agency_admin',
  'officer',
];

/** Who reads rules and incidents: operators and viewers (the IOC wall). */
export const readers: Access = { roles: [...operatorRoles, 'viewer'] };

export const operators: Access = { roles: operatorRoles };

/** Who writes rules (narrowed to their agency by the service). */
export const ruleManagers: Access = { roles: ['system_admin', 'agency_admin', 'officer'] };
