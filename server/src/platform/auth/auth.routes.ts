import { Type } from 'typebox';
import { commonErrorResponses, IdParams } from '../http/schemas';
import { clientIp, type TypedPlugin } from '../http/typed-plugin';
import { SESSION_COOKIE } from './auth.hooks';
import {
  CreatedToken,
  LoginBody,
  PasswordChangeBody,
  SessionInfo,
  TokenCreateBody,
  TokenSchema,
} from './auth.schema';
import type { AuthService } from './auth.service';
import type { Principal } from './principal';
import { requirePrincipal } from './require-principal';
import { presentToken } from './token.presenter';

export interface AuthRoutesOptions {
  readonly auth: AuthService;
  readonly sessionTtlHours: number;
  readonly cookieSecure: boolean;
  readonly loginRatePerMinute: number;
}

function sessionInfo(principal: Principal) {
  return {
    user: {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      grants: [...principal.grants],
    },
    csrfToken: principal.csrfToken,
    via: principal.via,
  };
}

/** /api/v1/auth: sign in and out, the current session, password change, API tokens. */
export const authRoutes: TypedPlugin<AuthRoutesOptions> = async (app, options) => {
  const { auth } = options;
  const tags = ['auth'];

  app.post(
    '/login',
    {
      config: { access: 'public', rateLimit: { max: options.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in to the console (sets the session cookie)',
        body: LoginBody,
        response: { 200: SessionInfo, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { sessionId, principal } = await auth.login(request.body.email, request.body.password, {
        ip: clientIp(request),
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.cookieSecure,
        maxAge: options.sessionTtlHours * 3600,
      });
      return sessionInfo(principal);
    },
  );

  app.post(
    '/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'End the current session',
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await auth.logout(sessionId, requirePrincipal(request).actor(clientIp(request)));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Who am I (and the CSRF token for writes)',
        response: { 200: SessionInfo, ...commonErrorResponses },
      },
    },
    async (request) => sessionInfo(requirePrincipal(request)),
  );

  app.post(
    '/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await auth.changePassword(
        principal,
        request.body.currentPassword,
        request.body.newPassword,
        request.cookies[SESSION_COOKIE],
        principal.actor(clientIp(request)),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My API tokens (system admins: ?all=true for everyone)',
        querystring: Type.Object({ all: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      items: (await auth.listTokens(requirePrincipal(request), request.query.all)).map(presentToken),
    }),
  );

  app.post(
    '/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Create an API token (shown once)',
        body: TokenCreateBody,
        response: { 201: CreatedToken, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      const created = await auth.createToken(
        principal,
        request.body.name,
        expiresAt,
        principal.actor(clientIp(request)),
      );
      return reply.status(201).send({ token: created.token, record: presentToken(created.record) });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 200: TokenSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentToken(
        await auth.revokeToken(principal, request.params.id, principal.actor(clientIp(request))),
      );
    },
  );
};
