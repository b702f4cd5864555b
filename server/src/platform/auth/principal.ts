import type { Actor } from '../audit/audit';
import type { Role, RoleGrant } from './roles';

/** The authenticated caller of a request: a console session or an API token, always a user. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly displayName: string,
    readonly grants: readonly RoleGrant[],
    readonly via: 'session' | 'token',
    readonly csrfToken: string | null,
  ) {}

  get isSystemAdmin(): boolean {
    return this.grants.some((grant) => grant.role === 'system_admin');
  }

  /**
   * True when the caller holds `role` (for `agencyId` when given). A city-wide grant covers every agency;
   * system_admin holds every role everywhere.
   */
  hasRole(role: Role, agencyId?: string | null): boolean {
    if (this.isSystemAdmin) return true;
    return this.grants.some(
      (grant) =>
        grant.role === role &&
        (agencyId === undefined || grant.agencyId === null || grant.agencyId === agencyId),
    );
  }

  hasAnyRole(candidates: readonly Role[]): boolean {
    return candidates.some((role) => this.hasRole(role));
  }

  /** Agencies where the caller holds `role`; `'all'` for a city-wide grant. */
  agenciesWhere(role: Role): 'all' | string[] {
    if (this.isSystemAdmin) return 'all';
    const grants = this.grants.filter((grant) => grant.role === role);
    if (grants.some((grant) => grant.agencyId === null)) return 'all';
    return grants.map((grant) => grant.agencyId).filter((id): id is string => id !== null);
  }

  actor(ip: string | null): Actor {
    return { id: this.userId, label: this.email, ip };
  }
}
