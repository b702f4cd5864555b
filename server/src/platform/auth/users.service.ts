import type { Actor, AuditLog } from '../audit/audit';
import { changedFields } from '../audit/changed-fields';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { authErrors } from './auth.errors';
import { assertStrongPassword } from './auth.service';
import { hashPassword } from './passwords';
import type { Principal } from './principal';
import { isValidGrant, type Role, type RoleGrant } from './roles';
import { randomPassword } from './secrets';
import { SessionsRepo } from './sessions.repo';
import { UsersRepo, type UserListQuery, type UserRow } from './users.repo';

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'vi' | 'en';
  /** Omitted: a temporary password is generated and returned once. */
  readonly password?: string;
  readonly grants: readonly RoleGrant[];
}

export interface UserChanges {
  readonly email?: string;
  readonly displayName?: string;
  readonly locale?: 'vi' | 'en';
  readonly active?: boolean;
}

/**
 * Staff account administration. A system admin manages everyone; an agency admin manages the staff of
 * the agencies they administer and may grant only agency-scoped roles there.
 */
export class UsersService {
  readonly #users: UsersRepo;
  readonly #sessions: SessionsRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.#users = new UsersRepo(db);
    this.#sessions = new SessionsRepo(db);
  }

  /**
   * How to reach a user (for notifications addressed to a person, e.g. an agency head), read with the
   * caller's executor so it can run inside the caller's transaction. Undefined for an unknown or
   * deactivated account.
   */
  async contactOf(
    executor: Db,
    id: string,
  ): Promise<{ email: string; displayName: string; locale: 'vi' | 'en' } | undefined> {
    const user = await this.#users.findById(id, executor);
    if (!user?.active) return undefined;
    return { email: user.email, displayName: user.displayName, locale: user.locale };
  }

  async list(
    principal: Principal,
    query: Omit<UserListQuery, 'withinAgencies'>,
  ): Promise<{ items: UserRow[]; total: number }> {
    const scope = principal.agenciesWhere('agency_admin');
    return this.#users.list({ ...query, ...(scope === 'all' ? {} : { withinAgencies: scope }) });
  }

  async get(principal: Principal, id: string): Promise<UserRow> {
    const user = await this.#users.findById(id);
    if (!user || !this.#canSee(principal, user)) throw new AppError(authErrors.USER_NOT_FOUND);
    return user;
  }

  async create(
    principal: Principal,
    input: NewUser,
    actor: Actor,
  ): Promise<{ user: UserRow; temporaryPassword: string | null }> {
    this.#assertGrantable(principal, input.grants);
    const temporaryPassword = input.password ? null : randomPassword();
    const password = input.password ?? temporaryPassword ?? '';
    assertStrongPassword(password);
    const passwordHash = await hashPassword(password);
    const id = await this.db.transaction().execute(async (trx) => {
      const userId = await this.#users.insertUser(trx, { ...input, passwordHash }).catch(rethrowEmailTaken);
      await this.#users.replaceGrants(trx, userId, input.grants);
      await this.audit.record(trx, actor, {
        action: 'user.created',
        targetType: 'user',
        targetId: userId,
        summary: { email: input.email, displayName: input.displayName, grants: input.grants },
      });
      return userId;
    });
    return { user: await this.get(principal, id), temporaryPassword };
  }

  async update(principal: Principal, id: string, changes: UserChanges, actor: Actor): Promise<UserRow> {
    const before = await this.get(principal, id);
    await this.db.transaction().execute(async (trx) => {
      await this.#users.updateUser(trx, id, changes).catch(rethrowEmailTaken);
      if (changes.active === false && before.grants.some((g) => g.role === 'system_admin')) {
        await this.#assertNotLastAdmin(trx);
      }
      await this.audit.record(trx, actor, {
        action: 'user.updated',
        targetType: 'user',
        targetId: id,
        summary: changedFields(before, changes),
      });
    });
    if (changes.active === false) await this.#sessions.deleteSessionsOf(id);
    return this.get(principal, id);
  }

  async setGrants(
    principal: Principal,
    id: string,
    grants: readonly RoleGrant[],
    actor: Actor,
  ): Promise<UserRow> {
    const before = await this.get(principal, id);
    this.#assertGrantable(principal, grants);
    // An agency admin replaces only the grants inside their agencies; the others stay as they are.
    const scope = principal.agenciesWhere('agency_admin');
    const kept =
      scope === 'all' ? [] : before.grants.filter((g) => g.agencyId === null || !scope.includes(g.agencyId));
    const next = dedupe([...kept, ...grants]);
    await this.db.transaction().execute(async (trx) => {
      await this.#users.replaceGrants(trx, id, next);
      if (
        before.grants.some((g) => g.role === 'system_admin') &&
        !next.some((g) => g.role === 'system_admin')
      ) {
        await this.#assertNotLastAdmin(trx);
      }
      await this.audit.record(trx, actor, {
        action: 'user.roles_changed',
        targetType: 'user',
        targetId: id,
        summary: { before: before.grants, after: next },
      });
    });
    return this.get(principal, id);
  }

  async unlock(principal: Principal, id: string, actor: Actor): Promise<UserRow> {
    await this.get(principal, id);
    await this.db.transaction().execute(async (trx) => {
      await this.#users.unlock(trx, id);
      await this.audit.record(trx, actor, { action: 'user.unlocked', targetType: 'user', targetId: id });
    });
    return this.get(principal, id);
  }

  /** Sets a new temporary password (returned once) and ends the user's sessions. */
  async resetPassword(principal: Principal, id: string, actor: Actor): Promise<string> {
    await this.get(principal, id);
    const temporaryPassword = randomPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.#users.setPassword(trx, id, passwordHash);
      await this.audit.record(trx, actor, {
        action: 'user.password_reset',
        targetType: 'user',
        targetId: id,
      });
    });
    await this.#sessions.deleteSessionsOf(id);
    return temporaryPassword;
  }

  /** On first start: creates the first system administrator when there is no user at all. */
  async ensureFirstAdmin(
    email: string,
    password: string | undefined,
    actor: Actor,
  ): Promise<{ created: boolean; password: string | null }> {
    if ((await this.#users.countUsers()) > 0) return { created: false, password: null };
    const chosen = password ?? randomPassword();
    assertStrongPassword(chosen);
    const passwordHash = await hashPassword(chosen);
    await this.db.transaction().execute(async (trx) => {
      const id = await this.#users.insertUser(trx, {
        email,
        displayName: 'Quản trị hệ thống',
        passwordHash,
        locale: 'vi',
      });
      await this.#users.replaceGrants(trx, id, [{ role: 'system_admin', agencyId: null }]);
      await this.audit.record(trx, actor, {
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        summary: { email, grants: ['system_admin'], firstAdmin: true },
      });
    });
    return { created: true, password: password ? null : chosen };
  }

  #canSee(principal: Principal, user: UserRow): boolean {
    if (principal.isSystemAdmin || principal.userId === user.id) return true;
    const scope = principal.agenciesWhere('agency_admin');
    return (
      scope === 'all' ||
      user.grants.some((grant) => grant.agencyId !== null && scope.includes(grant.agencyId))
    );
  }

  #assertGrantable(principal: Principal, grants: readonly RoleGrant[]): void {
    for (const grant of grants) {
      if (!isValidGrant(grant))
        throw new AppError(authErrors.INVALID_ROLE_GRANT, { grant }, { role: grant.role });
      if (principal.isSystemAdmin) continue;
      const scope = principal.agenciesWhere('agency_admin');
      const allowed: readonly Role[] = [
        'agency_admin',
        'officer',
        'data_publisher',
        'viewer',
        'call_center_operator',
      ];
      const inScope = grant.agencyId !== null && (scope === 'all' || scope.includes(grant.agencyId));
      if (!allowed.includes(grant.role) || !inScope) throw new AppError(authErrors.FORBIDDEN, { grant });
    }
  }

  async #assertNotLastAdmin(executor: Parameters<UsersRepo['countSystemAdmins']>[0]): Promise<void> {
    if ((await this.#users.countSystemAdmins(executor)) < 1)
      throw new AppError(authErrors.CANNOT_REMOVE_LAST_ADMIN);
  }
}

function dedupe(grants: readonly RoleGrant[]): RoleGrant[] {
  const seen = new Map<string, RoleGrant>();
  for (const grant of grants) seen.set(`${grant.role}:${grant.agencyId ?? ''}`, grant);
  return [...seen.values()];
}

function rethrowEmailTaken(error: unknown): never {
  if ((error as { code?: string }).code === '23505') throw new AppError(authErrors.EMAIL_TAKEN);
  throw error;
}
