import { Type, type Static, type TSchema } from 'typebox';

/** Shared TypeBox pieces so every /api/v1 route speaks the same shapes and OpenAPI shows them once. */

/** A string enum with its literal TypeScript type (`{"type":"string","enum":[...]}` on the wire). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, listed in docs/errors.md' }),
      message: Type.String({ description: 'Human-readable message in the negotiated language' }),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: 'Error body of the citydx API' },
);

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 20, description: 'Items per page' }),
  offset: Type.Integer({ minimum: 0, default: 0, description: 'Items to skip' }),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Items matching the query, over all pages' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });
}

export type PageOf<T> = { items: T[]; total: number; limit: number; offset: number };

export const IsoDateTime = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** Error responses every route may give, referenced in OpenAPI. */
export const commonErrorResponses = {
  400: Type.Ref('ErrorResponse'),
  401: Type.Ref('ErrorResponse'),
  403: Type.Ref('ErrorResponse'),
  404: Type.Ref('ErrorResponse'),
};

export type ErrorResponseBody = Static<typeof ErrorResponse>;
