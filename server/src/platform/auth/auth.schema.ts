import { Type } from 'typebox';
import { IsoDateTime, StringEnum, Uuid } from '../http/schemas';
import { MAX_PASSWORD_LENGTH } from './passwords';
import { roles } from './roles';

export const RoleName = StringEnum(roles);

export const RoleGrantSchema = Type.Object(
  { role: RoleName, agencyId: Type.Union([Uuid, Type.Null()]) },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

export const SessionInfo = Type.Object({
  user: Type.Object({
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    grants: Type.Array(RoleGrantSchema),
  }),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send as X-CSRF-Token on cookie-authenticated writes',
  }),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
    newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

export const TokenSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  tokenPrefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});

export const TokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    expiresAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
  },
  { additionalProperties: false },
);

export const CreatedToken = Type.Object({
  token: Type.String({ description: 'Shown once. Send as `Authorization: Bearer <token>`.' }),
  record: TokenSchema,
});
