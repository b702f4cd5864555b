import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error';
import { translate } from '../../../platform/i18n/locale';
import { CkanError } from './ckan-action';
import { BadRequest } from './ckan-request';

/** CKAN's `help` link for the action a request named (help_show for anything else). */
export function helpUrl(baseUrl: string, request: FastifyRequest): string {
  const name = (request.params as { name?: unknown } | undefined)?.name;
  return `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(typeof name === 'string' ? name : 'help_show')}`;
}

/** `"Bad request - <message>"`: CKAN's answer to requests it cannot read, a bare JSON string. */
export function sendBadRequest(reply: FastifyReply, message: string, status = 400): FastifyReply {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(`Bad request - ${message}`));
}

function sendEnvelope(
  reply: FastifyReply,
  help: string,
  status: number,
  error: Record<string, unknown>,
): FastifyReply {
  return reply.status(status).send({ help, success: false, error });
}

function fromCkanError(error: CkanError): { status: number; body: Record<string, unknown> } {
  if (error.type === 'Validation Error')
    return { status: 409, body: { ...error.fields, __type: error.type } };
  return { status: error.status, body: { __type: error.type, message: error.message } };
}

/**
 * Maps what the kernel throws (the auth hook's AppErrors, a unique violation) into CKAN's vocabulary:
 * 401 and 403 become CKAN's 403 Authorization Error, since CKAN has no 401.
 */
function fromAppError(error: AppError, request: FastifyRequest): CkanError {
  const message = translate(error.definition.message, request.locale, error.params);
  if (error.status === 401 || error.status === 403) return CkanError.denied(message);
  if (error.status === 404) return CkanError.notFound(message);
  return CkanError.invalid({ message: [message] });
}

function classify(
  error: unknown,
  request: FastifyRequest,
): CkanError | BadRequest | { status: number; message: string } | null {
  if (error instanceof CkanError || error instanceof BadRequest) return error;
  if (error instanceof AppError) return fromAppError(error, request);
  const failure = error as FastifyError & { code?: string };
  if (failure.code === 'FST_REQ_FILE_TOO_LARGE')
    return CkanError.invalid({ upload: ['File upload too large'] });
  if (failure.code === '23505') return CkanError.invalid({ name: ['That URL is already in use.'] });
  if (typeof failure.code === 'string' && /^(22|23)[0-9A-Z]{3}$/.test(failure.code))
    return CkanError.invalid({ message: ['Invalid value'] });
  const status = failure.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, message: failure.message };
  return null;
}

/** The error handler of the CKAN routes: always CKAN's envelope or bad-request string, never a stack. */
export function ckanErrorHandler(baseUrl: string) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const help = helpUrl(baseUrl, request);
    const known = classify(error, request);
    if (known instanceof BadRequest) return sendBadRequest(reply, known.message);
    if (known instanceof CkanError) {
      const { status, body } = fromCkanError(known);
      request.log.info({ ckanError: known.type, status }, 'ckan action refused');
      return sendEnvelope(reply, help, status, body);
    }
    if (known) return sendBadRequest(reply, known.message, known.status);
    request.log.error({ err: error }, 'ckan action failed');
    return sendEnvelope(reply, help, 500, {
      __type: 'Internal Server Error',
      message: 'Internal Server Error',
    });
  };
}
