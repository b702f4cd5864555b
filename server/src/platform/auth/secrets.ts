import crypto from 'node:crypto';

/** 256 random bits, URL-safe. Used for session ids, CSRF tokens and API tokens. */
export function randomSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Secrets are stored only as SHA-256: they are random, so a slow hash adds nothing. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'cdx_';

export function newApiToken(): { token: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

export function randomPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
