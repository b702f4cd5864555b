import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit';
import type { Access } from '../../platform/auth/access';
import type { Principal } from '../../platform/auth/principal';
import { requirePrincipal } from '../../platform/auth/require-principal';
import { clientIp } from '../../platform/http/typed-plugin';
import { AppError } from '../../platform/http/app-error';
import { feedbackErrors } from './feedback.errors';
import type { Report } from './report.model';

/** The 1022 hub: operators classify, route, review and publish. */
export const hubAccess: Access = { roles: ['system_admin', 'call_center_operator'] };
/** Agencies: their officers and administrators work the reports assigned to them. */
export const agencyAccess: Access = { roles: ['system_admin', 'agency_admin', 'officer'] };
/** Anyone on staff who may read reports (each is narrowed to what they may see). */
export const staffReadAccess: Access = {
  roles: ['system_admin', 'call_center_operator', 'agency_admin', 'officer', 'viewer'],
};
export const categoryAdminAccess: Access = { roles: ['system_admin'] };

export function isHub(principal: Principal): boolean {
  return principal.hasRole('call_center_operator');
}

export function worksFor(principal: Principal, agencyId: string | null): boolean {
  if (agencyId === null) return principal.isSystemAdmin;
  return principal.hasRole('officer', agencyId) || principal.hasRole('agency_admin', agencyId);
}

/** Agency actions: the report must be assigned to one of the caller's agencies. */
export function assertHolds(principal: Principal, report: Report): void {
  if (!worksFor(principal, report.agencyId)) throw new AppError(feedbackErrors.OUTSIDE_SCOPE);
}

/** Staff reads: the hub and city-wide viewers see everything; agencies see their own reports. */
export function canRead(principal: Principal, report: Report): boolean {
  return (
    isHub(principal) ||
    // '' matches no agency: only a city-wide viewer sees reports not assigned yet.
    principal.hasRole('viewer', report.agencyId ?? '') ||
    worksFor(principal, report.agencyId)
  );
}

export function assertCanRead(principal: Principal, report: Report): void {
  if (!canRead(principal, report)) throw new AppError(feedbackErrors.OUTSIDE_SCOPE);
}

/** The agencies whose queue the caller may open: 'all' for the hub and system admins. */
export function queueScope(principal: Principal): 'all' | string[] {
  if (isHub(principal)) return 'all';
  const officer = principal.agenciesWhere('officer');
  const admin = principal.agenciesWhere('agency_admin');
  if (officer === 'all' || admin === 'all') return 'all';
  return [...new Set([...officer, ...admin])];
}

/** The signed-in staff member acting, as the audit log records them. */
export function actorOf(request: FastifyRequest): Actor {
  return requirePrincipal(request).actor(clientIp(request));
}
