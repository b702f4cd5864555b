import { AppError } from '../http/app-error';
import { authErrors } from './auth.errors';
import type { Principal } from './principal';

/**
 * The caller of a route whose access rule already demanded a signed-in user; narrows the type and
 * fails safe (401) should a route be declared public by mistake.
 */
export function requirePrincipal(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new AppError(authErrors.UNAUTHENTICATED);
  return request.principal;
}
