import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../i18n/locale';
import { AppError, type ErrorDefinition } from './app-error';
import { platformErrors } from './platform.errors';

/** The JSON body of every /api/v1 error: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

interface PostgresError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

// SQLSTATE classes that mean "the caller sent something the data rules refuse", never a bug.
const postgresErrorMap: Record<string, ErrorDefinition> = {
  '23505': platformErrors.CONFLICT,
  '23503': platformErrors.CONSTRAINT_VIOLATED,
  '23514': platformErrors.CONSTRAINT_VIOLATED,
  '23502': platformErrors.CONSTRAINT_VIOLATED,
  '22P02': platformErrors.VALIDATION_FAILED,
  '22001': platformErrors.VALIDATION_FAILED,
  '22003': platformErrors.VALIDATION_FAILED,
  '22007': platformErrors.VALIDATION_FAILED,
  '22008': platformErrors.VALIDATION_FAILED,
};

function validationDetails(error: FastifyError): Record<string, unknown> {
  const fields = (error.validation ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
    const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
    return {
      location: error.validationContext ?? 'body',
      path: `${issue.instancePath}${missing}${extra}` || '/',
      message: issue.message ?? 'invalid',
    };
  });
  return { fields };
}

/** Maps anything thrown in a request to the platform's error definition and details. */
export function classifyError(error: unknown): {
  definition: ErrorDefinition;
  details: Record<string, unknown>;
  params: Record<string, unknown>;
} {
  if (error instanceof AppError)
    return { definition: error.definition, details: error.details, params: error.params };
  const fastifyError = error as FastifyError & PostgresError;
  if (fastifyError.validation) {
    return {
      definition: platformErrors.VALIDATION_FAILED,
      details: validationDetails(fastifyError),
      params: {},
    };
  }
  const pgDefinition = fastifyError.code ? postgresErrorMap[fastifyError.code] : undefined;
  if (pgDefinition && /^[0-9A-Z]{5}$/.test(fastifyError.code ?? '')) {
    const details: Record<string, unknown> = {};
    if (fastifyError.constraint) details.constraint = fastifyError.constraint;
    return { definition: pgDefinition, details, params: {} };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return { definition: platformErrors.PAYLOAD_TOO_LARGE, details: {}, params: {} };
  if (status === 415) return { definition: platformErrors.UNSUPPORTED_MEDIA_TYPE, details: {}, params: {} };
  if (status === 429) return { definition: platformErrors.RATE_LIMITED, details: {}, params: {} };
  if (status === 404) return { definition: platformErrors.NOT_FOUND, details: {}, params: {} };
  if (status === 405) return { definition: platformErrors.METHOD_NOT_ALLOWED, details: {}, params: {} };
  if (status >= 400 && status < 500) {
    const malformed =
      error instanceof SyntaxError ||
      /JSON/i.test(fastifyError.code ?? '') ||
      /JSON/.test(fastifyError.message);
    return {
      definition: malformed ? platformErrors.MALFORMED_JSON : { ...platformErrors.VALIDATION_FAILED, status },
      details: malformed ? {} : { reason: fastifyError.message },
      params: {},
    };
  }
  return { definition: platformErrors.INTERNAL, details: {}, params: {} };
}

/** Error handler for the citydx API family; other families (CKAN, Open311) install their own. */
export function platformErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { definition, details, params } = classifyError(error);
  if (definition.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: definition.code, status: definition.status }, 'request refused');
  const body: ErrorBody = {
    error: { code: definition.code, message: translate(definition.message, request.locale, params), details },
  };
  return reply.status(definition.status).send(body);
}
