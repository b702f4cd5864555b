import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../db/database';
import type { AuthTables } from './auth.tables';
import type { Role, RoleGrant } from './roles';

type Executor = Kysely<unknown> | Transaction<unknown>;

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'vi' | 'en';
  readonly active: boolean;
  readonly lockedUntil: Date | null;
  readonly failedLoginCount: number;
  readonly lastLoginAt: Date | null;
  readonly createdAt: Date;
  readonly grants: RoleGrant[];
}

export interface UserListQuery {
  readonly q?: string;
  readonly role?: Role;
  readonly agencyId?: string;
  /** Only users holding a grant in one of these agencies (agency admins see their own staff). */
  readonly withinAgencies?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

export interface TokenRow {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenPrefix: string;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly createdAt: Date;
}

/** The only SQL over platform.users, role_assignments and api_tokens. */
export class UsersRepo {
  constructor(private readonly db: Db) {}

  tables(executor: Executor = this.db) {
    return executor.withTables<AuthTables>();
  }

  async findCredentials(email: string) {
    return this.tables()
      .selectFrom('platform.users')
      .select([
        'id',
        'email',
        'display_name',
        'password_hash',
        'active',
        'failed_login_count',
        'locked_until',
      ])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async recordLoginFailure(userId: string, maxFailures: number, lockoutMinutes: number): Promise<void> {
    await this.tables()
      .updateTable('platform.users')
      .set((eb) => ({
        failed_login_count: eb('failed_login_count', '+', 1),
        locked_until: sql<Date | null>`case when failed_login_count + 1 >= ${maxFailures}
          then now() + make_interval(mins => ${lockoutMinutes}) else locked_until end`,
      }))
      .where('id', '=', userId)
      .execute();
  }

  async recordLoginSuccess(userId: string): Promise<void> {
    await this.tables()
      .updateTable('platform.users')
      .set({ failed_login_count: 0, locked_until: null, last_login_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
  }

  async passwordHashOf(userId: string): Promise<string | null | undefined> {
    const row = await this.tables()
      .selectFrom('platform.users')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.password_hash;
  }

  async setPassword(executor: Executor, userId: string, passwordHash: string): Promise<void> {
    await this.tables(executor)
      .updateTable('platform.users')
      .set({
        password_hash: passwordHash,
        password_changed_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
        failed_login_count: 0,
        locked_until: null,
      })
      .where('id', '=', userId)
      .execute();
  }

  async countUsers(): Promise<number> {
    const row = await this.tables()
      .selectFrom('platform.users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertUser(
    executor: Executor,
    input: { email: string; displayName: string; passwordHash: string | null; locale: 'vi' | 'en' },
  ): Promise<string> {
    const row = await this.tables(executor)
      .insertInto('platform.users')
      .values({
        email: input.email,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        locale: input.locale,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateUser(
    executor: Executor,
    id: string,
    changes: Partial<{ email: string; displayName: string; locale: 'vi' | 'en'; active: boolean }>,
  ): Promise<void> {
    await this.tables(executor)
      .updateTable('platform.users')
      .set({
        ...(changes.email !== undefined ? { email: changes.email } : {}),
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
  }

  async unlock(executor: Executor, id: string): Promise<void> {
    await this.tables(executor)
      .updateTable('platform.users')
      .set({ failed_login_count: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  async replaceGrants(executor: Executor, userId: string, grants: readonly RoleGrant[]): Promise<void> {
    await this.tables(executor)
      .deleteFrom('platform.role_assignments')
      .where('user_id', '=', userId)
      .execute();
    if (grants.length === 0) return;
    await this.tables(executor)
      .insertInto('platform.role_assignments')
      .values(grants.map((grant) => ({ user_id: userId, role: grant.role, agency_id: grant.agencyId })))
      .execute();
  }

  async countSystemAdmins(executor: Executor = this.db): Promise<number> {
    const row = await this.tables(executor)
      .selectFrom('platform.role_assignments as r')
      .innerJoin('platform.users as u', 'u.id', 'r.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.role', '=', 'system_admin')
      .where('u.active', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findById(id: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    const row = await this.#selectUsers(executor).where('id', '=', id).executeTakeFirst();
    return row ? this.#toUser(row, await this.#grantsByUser(executor, [row.id])) : undefined;
  }

  async list(query: UserListQuery): Promise<{ items: UserRow[]; total: number }> {
    let select = this.tables().selectFrom('platform.users');
    if (query.q) {
      const pattern = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
      select = select.where((eb) =>
        eb.or([
          eb(sql`platform.search_key(display_name)`, 'like', sql<string>`platform.search_key(${pattern})`),
          eb('email', 'ilike', pattern),
        ]),
      );
    }
    if (query.role || query.agencyId || query.withinAgencies) {
      select = select.where('id', 'in', (eb) => {
        let grants = eb.selectFrom('platform.role_assignments').select('user_id');
        if (query.role) grants = grants.where('role', '=', query.role);
        if (query.agencyId) grants = grants.where('agency_id', '=', query.agencyId);
        if (query.withinAgencies)
          grants = grants.where(
            'agency_id',
            'in',
            query.withinAgencies.length
              ? [...query.withinAgencies]
              : ['00000000-0000-0000-0000-000000000000'],
          );
        return grants;
      });
    }
    const [rows, count] = await Promise.all([
      select
        .select([
          'id',
          'email',
          'display_name',
          'locale',
          'active',
          'locked_until',
          'failed_login_count',
          'last_login_at',
          'created_at',
        ])
        .orderBy('display_name')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    const grants = await this.#grantsByUser(
      this.db,
      rows.map((row) => row.id),
    );
    return { items: rows.map((row) => this.#toUser(row, grants)), total: Number(count.total) };
  }

  async insertToken(input: {
    userId: string;
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    expiresAt: Date | null;
  }): Promise<TokenRow> {
    const row = await this.tables()
      .insertInto('platform.api_tokens')
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: input.tokenHash,
        token_prefix: input.tokenPrefix,
        expires_at: input.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.#toToken(row);
  }

  async listTokens(userId: string | null): Promise<TokenRow[]> {
    let select = this.tables().selectFrom('platform.api_tokens').selectAll();
    if (userId) select = select.where('user_id', '=', userId);
    return (await select.orderBy('created_at', 'desc').execute()).map((row) => this.#toToken(row));
  }

  async findToken(id: string): Promise<TokenRow | undefined> {
    const row = await this.tables()
      .selectFrom('platform.api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.#toToken(row) : undefined;
  }

  async revokeToken(executor: Executor, id: string): Promise<void> {
    await this.tables(executor)
      .updateTable('platform.api_tokens')
      .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
      .where('id', '=', id)
      .execute();
  }

  #selectUsers(executor: Executor) {
    return this.tables(executor)
      .selectFrom('platform.users')
      .select([
        'id',
        'email',
        'display_name',
        'locale',
        'active',
        'locked_until',
        'failed_login_count',
        'last_login_at',
        'created_at',
      ]);
  }

  async #grantsByUser(executor: Executor, userIds: readonly string[]): Promise<Map<string, RoleGrant[]>> {
    const byUser = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return byUser;
    const rows = await this.tables(executor)
      .selectFrom('platform.role_assignments')
      .select(['user_id', 'role', 'agency_id'])
      .where('user_id', 'in', [...userIds])
      .orderBy('role')
      .execute();
    for (const row of rows)
      byUser.set(row.user_id, [
        ...(byUser.get(row.user_id) ?? []),
        { role: row.role, agencyId: row.agency_id },
      ]);
    return byUser;
  }

  #toUser(
    row: {
      id: string;
      email: string;
      display_name: string;
      locale: 'vi' | 'en';
      active: boolean;
      locked_until: Date | null;
      failed_login_count: number;
      last_login_at: Date | null;
      created_at: Date;
    },
    grants: Map<string, RoleGrant[]>,
  ): UserRow {
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      active: row.active,
      lockedUntil: row.locked_until,
      failedLoginCount: row.failed_login_count,
      lastLoginAt: row.last_login_at,
      createdAt: row.created_at,
      grants: grants.get(row.id) ?? [],
    };
  }

  #toToken(row: {
    id: string;
    user_id: string;
    name: string;
    token_prefix: string;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
    created_at: Date;
  }): TokenRow {
    return {
      id: row.id,
      userId: row.user_id,
      name: row.name,
      tokenPrefix: row.token_prefix,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      lastUsedAt: row.last_used_at,
      createdAt: row.created_at,
    };
  }
}
