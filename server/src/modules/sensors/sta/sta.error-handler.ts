import type { FastifyReply, FastifyRequest } from 'fastify';
import { classifyError } from '../../../platform/http/error-handler';
import { translate } from '../../../platform/i18n/locale';

/** The error body SensorThings clients expect (FROST's shape), with our stable code beside it. */
export interface StaErrorBody {
  readonly code: number;
  readonly type: 'error';
  readonly message: string;
  readonly errorCode: string;
  readonly details: Record<string, unknown>;
}

export function staErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { definition, details, params } = classifyError(error);
  if (definition.status >= 500 && definition.status !== 501)
    request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: definition.code, status: definition.status }, 'request refused');
  const body: StaErrorBody = {
    code: definition.status,
    type: 'error',
    message: translate(definition.message, request.locale, params),
    errorCode: definition.code,
    details,
  };
  return reply.status(definition.status).send(body);
}
