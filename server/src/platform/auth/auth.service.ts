import type { AuditLog, Actor } from '../audit/audit';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { authErrors } from './auth.errors';
import { burnVerificationTime, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { Principal } from './principal';
import { hashSecret, newApiToken, randomSecret } from './secrets';
import type { CallerRow } from './sessions.repo';
import { SessionsRepo } from './sessions.repo';
import type { TokenRow } from './users.repo';
import { UsersRepo } from './users.repo';

export interface AuthSettings {
  readonly sessionTtlHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
}

export interface NewSession {
  readonly sessionId: string;
  readonly principal: Principal;
}

/** Sign-in, sessions, password changes and API tokens. No HTTP here: routes translate. */
export class AuthService {
  readonly #sessions: SessionsRepo;
  readonly #users: UsersRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly settings: AuthSettings,
  ) {
    this.#sessions = new SessionsRepo(db);
    this.#users = new UsersRepo(db);
  }

  async login(
    email: string,
    password: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<NewSession> {
    const user = await this.#users.findCredentials(email);
    if (!user?.password_hash) {
      await burnVerificationTime(password);
      await this.audit.record(
        this.db,
        { id: null, label: email, ip: client.ip },
        { action: 'auth.login_failed', targetType: 'user', summary: { reason: 'unknown_email' } },
      );
      throw new AppError(authErrors.INVALID_CREDENTIALS);
    }
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
      throw new AppError(
        authErrors.ACCOUNT_LOCKED,
        { lockedUntil: user.locked_until.toISOString() },
        { minutes },
      );
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.#users.recordLoginFailure(
        user.id,
        this.settings.loginMaxFailures,
        this.settings.loginLockoutMinutes,
      );
      await this.audit.record(
        this.db,
        { id: user.id, label: user.email, ip: client.ip },
        {
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          summary: { reason: 'wrong_password' },
        },
      );
      throw new AppError(authErrors.INVALID_CREDENTIALS);
    }
    if (!user.active) throw new AppError(authErrors.ACCOUNT_DISABLED);
    await this.#users.recordLoginSuccess(user.id);
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    await this.#sessions.createSession({
      idHash: hashSecret(sessionId),
      userId: user.id,
      csrfToken,
      ttlHours: this.settings.sessionTtlHours,
      ...client,
    });
    await this.audit.record(
      this.db,
      { id: user.id, label: user.email, ip: client.ip },
      { action: 'auth.login', targetType: 'user', targetId: user.id },
    );
    const grants = await this.#sessions.grantsOf(user.id);
    return {
      sessionId,
      principal: new Principal(user.id, user.email, user.display_name, grants, 'session', csrfToken),
    };
  }

  async logout(sessionId: string, actor: Actor): Promise<void> {
    await this.#sessions.deleteSession(hashSecret(sessionId));
    await this.audit.record(this.db, actor, {
      action: 'auth.logout',
      targetType: 'user',
      targetId: actor.id,
    });
  }

  async principalForSession(sessionId: string): Promise<Principal | null> {
    const row = await this.#sessions.findLiveSession(hashSecret(sessionId), this.settings.sessionTtlHours);
    return row?.active ? this.#principal(row, 'session', row.csrfToken) : null;
  }

  async principalForToken(token: string): Promise<Principal | null> {
    const row = await this.#sessions.findUserByToken(hashSecret(token));
    return row?.active ? this.#principal(row, 'token', null) : null;
  }

  /** Changes the caller's own password and ends their other sessions. */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    sessionId: string | undefined,
    actor: Actor,
  ): Promise<void> {
    assertStrongPassword(newPassword);
    const hash = await this.#users.passwordHashOf(principal.userId);
    if (!hash || !(await verifyPassword(hash, currentPassword)))
      throw new AppError(authErrors.WRONG_CURRENT_PASSWORD);
    const newHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.#users.setPassword(trx, principal.userId, newHash);
      await this.audit.record(trx, actor, {
        action: 'auth.password_changed',
        targetType: 'user',
        targetId: principal.userId,
      });
    });
    await this.#sessions.deleteSessionsOf(principal.userId, sessionId ? hashSecret(sessionId) : undefined);
  }

  /** Creates a token for the caller. The clear token is returned once and never stored. */
  async createToken(
    principal: Principal,
    name: string,
    expiresAt: Date | null,
    actor: Actor,
  ): Promise<{ token: string; record: TokenRow }> {
    const { token, prefix } = newApiToken();
    const record = await this.#users.insertToken({
      userId: principal.userId,
      name,
      tokenHash: hashSecret(token),
      tokenPrefix: prefix,
      expiresAt,
    });
    await this.audit.record(this.db, actor, {
      action: 'auth.token_created',
      targetType: 'api_token',
      targetId: record.id,
      summary: { name, expiresAt },
    });
    return { token, record };
  }

  /** The caller's tokens; a system admin may list everyone's. */
  async listTokens(principal: Principal, everyone: boolean): Promise<TokenRow[]> {
    return this.#users.listTokens(everyone && principal.isSystemAdmin ? null : principal.userId);
  }

  async revokeToken(principal: Principal, tokenId: string, actor: Actor): Promise<TokenRow> {
    const token = await this.#users.findToken(tokenId);
    if (!token || (token.userId !== principal.userId && !principal.isSystemAdmin))
      throw new AppError(authErrors.TOKEN_NOT_FOUND);
    await this.db.transaction().execute(async (trx) => {
      await this.#users.revokeToken(trx, tokenId);
      await this.audit.record(trx, actor, {
        action: 'auth.token_revoked',
        targetType: 'api_token',
        targetId: tokenId,
        summary: { name: token.name },
      });
    });
    const revoked = await this.#users.findToken(tokenId);
    if (!revoked) throw new AppError(authErrors.TOKEN_NOT_FOUND);
    return revoked;
  }

  async deleteExpiredSessions(): Promise<number> {
    return this.#sessions.deleteExpiredSessions();
  }

  #principal(row: CallerRow, via: 'session' | 'token', csrfToken: string | null): Principal {
    return new Principal(row.userId, row.email, row.displayName, row.grants, via, csrfToken);
  }
}

export function assertStrongPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError(authErrors.WEAK_PASSWORD, {}, { min: MIN_PASSWORD_LENGTH });
}
