import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../lib/api';
import type { RoleGrant } from './roles';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly grants: RoleGrant[];
}

export interface SessionInfo {
  readonly user: SessionUser;
  readonly csrfToken: string | null;
  readonly via: 'session' | 'token';
}

export const sessionKey = ['auth', 'session'] as const;

/** The signed-in user, or null. Remembers the CSRF token every cookie-authenticated write must echo. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api<SessionInfo>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

export async function login(email: string, password: string): Promise<SessionInfo> {
  const session = await api<SessionInfo>('/api/v1/auth/login', { method: 'POST', body: { email, password } });
  setCsrfToken(session.csrfToken);
  return session;
}

/** Signs out and forgets every cached answer, so the next user never sees the previous one's data. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    try {
      await api('/api/v1/auth/logout', { method: 'POST' });
    } catch (error) {
      // An expired session is already signed out; anything else is worth showing.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    } finally {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(sessionKey, null);
    }
  };
}
