import type { Locale } from '../i18n/locale';
import type { Principal } from './principal';
import type { Role } from './roles';

/**
 * What a route needs from its caller. Every /api route must declare one in `config.access`; the app
 * refuses to boot otherwise, so no route is accidentally open.
 *  - 'public': anyone, signed in or not;
 *  - 'authenticated': any signed-in user or token;
 *  - { roles }: a user holding at least one of these roles (for some agency; handlers narrow the agency).
 */
export type Access = 'public' | 'authenticated' | { readonly roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
}

export function describeAccess(access: Access): string {
  if (access === 'public') return 'Public.';
  if (access === 'authenticated') return 'Requires a signed-in user or an API token.';
  return `Requires one of the roles: ${access.roles.join(', ')}.`;
}
