import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { AuthTables } from './auth.tables';
import type { RoleGrant } from './roles';

export interface CallerRow {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly grants: RoleGrant[];
}

/** SQL for sessions and API tokens: the two ways a request proves who it comes from. */
export class SessionsRepo {
  constructor(private readonly db: Db) {}

  private get tables() {
    return this.db.withTables<AuthTables>();
  }

  async createSession(input: {
    idHash: string;
    userId: string;
    csrfToken: string;
    ttlHours: number;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.tables
      .insertInto('platform.sessions')
      .values({
        id_hash: input.idHash,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        expires_at: sql<Date>`now() + make_interval(hours => ${input.ttlHours})`,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
  }

  /** The live session's user and CSRF token; slides the expiry at most once a minute. */
  async findLiveSession(
    idHash: string,
    ttlHours: number,
  ): Promise<(CallerRow & { csrfToken: string }) | undefined> {
    const row = await this.tables
      .selectFrom('platform.sessions as s')
      .innerJoin('platform.users as u', 'u.id', 's.user_id')
      .select(['s.user_id', 's.csrf_token', 's.last_seen_at', 'u.email', 'u.display_name', 'u.active'])
      .where('s.id_hash', '=', idHash)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!row) return undefined;
    if (Date.now() - row.last_seen_at.getTime() > 60_000) {
      await this.tables
        .updateTable('platform.sessions')
        .set({
          last_seen_at: sql<Date>`now()`,
          expires_at: sql<Date>`now() + make_interval(hours => ${ttlHours})`,
        })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      active: row.active,
      csrfToken: row.csrf_token,
      grants: await this.grantsOf(row.user_id),
    };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.tables.deleteFrom('platform.sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(userId: string, exceptIdHash?: string): Promise<void> {
    let query = this.tables.deleteFrom('platform.sessions').where('user_id', '=', userId);
    if (exceptIdHash) query = query.where('id_hash', '<>', exceptIdHash);
    await query.execute();
  }

  async deleteExpiredSessions(): Promise<number> {
    const result = await this.tables
      .deleteFrom('platform.sessions')
      .where('expires_at', '<=', sql<Date>`now()`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The token's user and grants in one round trip (API clients send a token with every request). */
  async findUserByToken(tokenHash: string): Promise<CallerRow | undefined> {
    const row = await this.tables
      .selectFrom('platform.api_tokens as t')
      .innerJoin('platform.users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 't.last_used_at', 'u.email', 'u.display_name', 'u.active'])
      .select(
        sql<RoleGrant[]>`coalesce((select json_agg(json_build_object('role', g.role, 'agencyId', g.agency_id)
          order by g.role) from platform.role_assignments as g where g.user_id = t.user_id), '[]'::json)`.as(
          'grants',
        ),
      )
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
      .executeTakeFirst();
    if (!row) return undefined;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await this.tables
        .updateTable('platform.api_tokens')
        .set({ last_used_at: sql<Date>`now()` })
        .where('id', '=', row.id)
        .execute();
    }
    return {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      active: row.active,
      grants: row.grants,
    };
  }

  async grantsOf(userId: string): Promise<RoleGrant[]> {
    const rows = await this.tables
      .selectFrom('platform.role_assignments')
      .select(['role', 'agency_id'])
      .where('user_id', '=', userId)
      .orderBy('role')
      .execute();
    return rows.map((row) => ({ role: row.role, agencyId: row.agency_id }));
  }
}
