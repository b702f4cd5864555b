import { api } from '../../lib/api';

export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenPrefix: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdAt: string;
}

export const tokensKey = ['auth', 'tokens'] as const;

export function listTokens(all: boolean): Promise<{ items: ApiToken[] }> {
  return api('/api/v1/auth/tokens', { query: { all: all || undefined } });
}

export function createToken(
  name: string,
  expiresAt: string | null,
): Promise<{ token: string; record: ApiToken }> {
  return api('/api/v1/auth/tokens', { method: 'POST', body: expiresAt ? { name, expiresAt } : { name } });
}

export function revokeToken(id: string): Promise<ApiToken> {
  return api(`/api/v1/auth/tokens/${id}`, { method: 'DELETE' });
}

export type TokenStatus = 'valid' | 'revoked' | 'expired';

export function tokenStatus(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'valid';
}
