import { useQuery } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from '../../lib/api';
import type { Role, RoleGrant } from '../auth/roles';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'vi' | 'en';
  readonly active: boolean;
  readonly locked: boolean;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly createdAt: string;
  readonly grants: RoleGrant[];
}

export interface UserQuery {
  readonly q?: string;
  readonly role?: Role;
  readonly agencyId?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface UserCreateInput {
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'vi' | 'en';
  readonly password?: string;
  readonly grants: RoleGrant[];
}

export type UserUpdateInput = Partial<Pick<User, 'email' | 'displayName' | 'locale' | 'active'>>;

export const usersKey = ['users'] as const;

export function listUsers(query: UserQuery): Promise<Page<User>> {
  return api('/api/v1/users', { query: query as unknown as Record<string, QueryValue> });
}

export function useUser(id: string) {
  return useQuery({ queryKey: [...usersKey, 'one', id], queryFn: () => api<User>(`/api/v1/users/${id}`) });
}

export function createUser(
  input: UserCreateInput,
): Promise<{ user: User; temporaryPassword: string | null }> {
  return api('/api/v1/users', { method: 'POST', body: input });
}

export function updateUser(id: string, changes: UserUpdateInput): Promise<User> {
  return api(`/api/v1/users/${id}`, { method: 'PATCH', body: changes });
}

export function setGrants(id: string, grants: RoleGrant[]): Promise<User> {
  return api(`/api/v1/users/${id}/grants`, { method: 'PUT', body: { grants } });
}

export function unlockUser(id: string): Promise<User> {
  return api(`/api/v1/users/${id}/unlock`, { method: 'POST' });
}

export function resetPassword(id: string): Promise<{ temporaryPassword: string }> {
  return api(`/api/v1/users/${id}/password-reset`, { method: 'POST' });
}

/** Display names by user id, for lists that only carry ids (first 200 accounts, enough for a lookup). */
export function useUserNames(enabled: boolean): ReadonlyMap<string, string> {
  const users = useQuery({
    queryKey: [...usersKey, 'names'],
    queryFn: () => listUsers({ limit: 200, offset: 0 }),
    enabled,
    staleTime: 60_000,
  });
  return new Map((users.data?.items ?? []).map((user) => [user.id, `${user.displayName} <${user.email}>`]));
}
