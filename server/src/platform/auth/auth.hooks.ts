import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../http/app-error';
import { negotiateLocale } from '../i18n/locale';
import { describeAccess, type Access } from './access';
import { authErrors } from './auth.errors';
import type { AuthService } from './auth.service';
import type { Principal } from './principal';

export const SESSION_COOKIE = 'citydx_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const value = header.trim();
  return value.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() : value;
}

async function authenticate(request: FastifyRequest, auth: AuthService): Promise<Principal | null> {
  // CKAN clients send their key as X-CKAN-API-Key (ckanapi sends it beside Authorization).
  const ckanKey = request.headers['x-ckan-api-key'];
  const token =
    tokenFrom(request.headers.authorization) ?? tokenFrom(Array.isArray(ckanKey) ? ckanKey[0] : ckanKey);
  if (token) {
    const principal = await auth.principalForToken(token);
    if (!principal) throw new AppError(authErrors.TOKEN_INVALID);
    return principal;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return null;
  const principal = await auth.principalForSession(sessionId);
  // Cookie-authenticated writes must echo the session's CSRF token: a cross-site form can send the
  // cookie but cannot read the token.
  if (
    principal &&
    !SAFE_METHODS.has(request.method) &&
    request.headers[CSRF_HEADER] !== principal.csrfToken
  ) {
    throw new AppError(authErrors.CSRF_TOKEN_INVALID);
  }
  return principal;
}

function authorize(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (!access || access === 'public') return;
  const principal = request.principal;
  if (!principal) throw new AppError(authErrors.UNAUTHENTICATED);
  if (access !== 'authenticated' && !principal.hasAnyRole(access.roles))
    throw new AppError(authErrors.FORBIDDEN);
}

/**
 * Installs, for every route: locale negotiation, caller authentication (API token or session cookie),
 * CSRF protection for cookie-authenticated writes, and the route's declared access rule. It runs in
 * onRequest, before body validation, so an anonymous caller learns nothing about the body's rules.
 */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

export function installAuthHooks(app: FastifyInstance, auth: AuthService): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'vi');

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${url} declares no config.access`);
    for (const method of [route.method].flat()) declared.push({ method, url, access });
    route.schema = {
      ...route.schema,
      description: [route.schema?.description, describeAccess(access)].filter(Boolean).join('\n\n'),
    };
    if (access !== 'public') route.schema.security = [{ bearerToken: [] }, { sessionCookie: [] }];
  });

  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    request.locale = negotiateLocale(
      typeof query?.lang === 'string' ? query.lang : request.headers['accept-language'],
    );
    request.principal = await authenticate(request, auth);
    authorize(request);
  });
  return declared;
}
