import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats ships CommonJS; under ESM its function sits on `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const shared: Options = { strict: false, allErrors: true, useDefaults: true, removeAdditional: false };

/**
 * Two validators: JSON bodies are checked exactly as sent (a number where a string belongs is an
 * error, an unknown field under additionalProperties:false is an error, not silently dropped), while
 * query strings, path params and headers, which are always text on the wire, are coerced to the
 * declared types.
 */
export function installValidation(app: FastifyInstance): void {
  const exact = addFormats(new Ajv({ ...shared, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(schema),
  );
}
