import { Type } from 'typebox';
import { commonErrorResponses, IdParams, Page } from '../http/schemas';
import { clientIp, type TypedPlugin } from '../http/typed-plugin';
import type { Access } from './access';
import { requirePrincipal } from './require-principal';
import { presentUser } from './user.presenter';
import {
  GrantsBody,
  UserCreateBody,
  UserCreated,
  UserListQuery,
  UserSchema,
  UserUpdateBody,
} from './users.schema';
import type { UsersService } from './users.service';

const admins: Access = { roles: ['system_admin', 'agency_admin'] };

/** /api/v1/users: staff accounts and their roles. */
export const usersRoutes: TypedPlugin<{ users: UsersService }> = async (app, { users }) => {
  const tags = ['users'];

  app.get(
    '',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'List staff accounts',
        querystring: UserListQuery,
        response: { 200: Page(UserSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await users.list(requirePrincipal(request), request.query);
      return {
        items: items.map(presentUser),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.post(
    '',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Create a staff account',
        body: UserCreateBody,
        response: { 201: UserCreated, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await users.create(
        principal,
        { ...request.body, locale: request.body.locale ?? 'vi' },
        principal.actor(clientIp(request)),
      );
      return reply
        .status(201)
        .send({ user: presentUser(created.user), temporaryPassword: created.temporaryPassword });
    },
  );

  app.get(
    '/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'One staff account',
        params: IdParams,
        response: { 200: UserSchema, ...commonErrorResponses },
      },
    },
    async (request) => presentUser(await users.get(requirePrincipal(request), request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Change name, e-mail, language or deactivate',
        params: IdParams,
        body: UserUpdateBody,
        response: { 200: UserSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentUser(
        await users.update(principal, request.params.id, request.body, principal.actor(clientIp(request))),
      );
    },
  );

  app.put(
    '/:id/grants',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Replace the account's roles",
        params: IdParams,
        body: GrantsBody,
        response: { 200: UserSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentUser(
        await users.setGrants(
          principal,
          request.params.id,
          request.body.grants,
          principal.actor(clientIp(request)),
        ),
      );
    },
  );

  app.post(
    '/:id/unlock',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Lift a sign-in lock-out',
        params: IdParams,
        response: { 200: UserSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentUser(
        await users.unlock(principal, request.params.id, principal.actor(clientIp(request))),
      );
    },
  );

  app.post(
    '/:id/password-reset',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Set a temporary password (shown once) and end the sessions',
        params: IdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }), ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return {
        temporaryPassword: await users.resetPassword(
          principal,
          request.params.id,
          principal.actor(clientIp(request)),
        ),
      };
    },
  );
};
