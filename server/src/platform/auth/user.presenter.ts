import type { UserRow } from './users.repo';

export function presentUser(row: UserRow) {
  const locked = row.lockedUntil !== null && row.lockedUntil.getTime() > Date.now();
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    active: row.active,
    locked,
    lockedUntil: locked ? (row.lockedUntil?.toISOString() ?? null) : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    grants: row.grants,
  };
}
