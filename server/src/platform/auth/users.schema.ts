import { Type } from 'typebox';
import { IsoDateTime, PageQuery, Uuid } from '../http/schemas';
import { RoleGrantSchema, RoleName } from './auth.schema';
import { MAX_PASSWORD_LENGTH } from './passwords';

export const Locale = Type.Union([Type.Literal('vi'), Type.Literal('en')]);

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  active: Type.Boolean(),
  locked: Type.Boolean({ description: 'Locked out after repeated failed sign-ins' }),
  lockedUntil: Type.Union([IsoDateTime, Type.Null()]),
  lastLoginAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
  grants: Type.Array(RoleGrantSchema),
});

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Name or e-mail, accents optional' })),
    role: Type.Optional(RoleName),
    agencyId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Email = Type.String({ format: 'email', maxLength: 320 });
const DisplayName = Type.String({ minLength: 1, maxLength: 200 });

export const UserCreateBody = Type.Object(
  {
    email: Email,
    displayName: DisplayName,
    locale: Type.Optional(Locale),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })),
    grants: Type.Array(RoleGrantSchema, { maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const UserUpdateBody = Type.Object(
  {
    email: Type.Optional(Email),
    displayName: Type.Optional(DisplayName),
    locale: Type.Optional(Locale),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const GrantsBody = Type.Object(
  { grants: Type.Array(RoleGrantSchema, { maxItems: 50 }) },
  { additionalProperties: false },
);

export const UserCreated = Type.Object({
  user: UserSchema,
  temporaryPassword: Type.Union([Type.String(), Type.Null()], {
    description: 'Shown once when no password was given',
  }),
});
