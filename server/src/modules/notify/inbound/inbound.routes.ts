import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error';
import { commonErrorResponses } from '../../../platform/http/schemas';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';
import { notifyErrors } from '../notify.errors';
import type { ResolvedNotifyOptions } from '../notify.options';
import { SmsWebhookBodySchema, WebhookResult, ZaloWebhookBodySchema } from './inbound.schema';
import type { InboundService } from './inbound.service';
import { installRawJsonParser } from './raw-json';
import { isFresh, verifySmsSignature, verifyZaloSignature } from './signatures';
import { parseSmsWebhook, type SmsWebhookBody } from './sms-webhook';
import { handledZaloEvents, parseZaloEvent, type ZaloEvent } from './zalo-webhook';

export interface InboundRoutesOptions {
  readonly inbound: InboundService;
  readonly options: ResolvedNotifyOptions;
}

function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

type RawBodyOf = (request: FastifyRequest) => Buffer;

/** The SMS gateway's signature over `<timestamp>.<raw body>`, then the timestamp's age. */
function smsVerifier(options: ResolvedNotifyOptions, rawBodyOf: RawBodyOf) {
  return async (request: FastifyRequest): Promise<void> => {
    const secret = options.smsWebhookSecret;
    if (!secret) throw new AppError(notifyErrors.WEBHOOK_NOT_CONFIGURED, { channel: 'sms' });
    const timestamp = header(request, 'x-citydx-timestamp');
    const signature = header(request, 'x-citydx-signature');
    if (
      !/^\d{9,11}$/.test(timestamp) ||
      !verifySmsSignature(secret, timestamp, rawBodyOf(request), signature)
    ) {
      throw new AppError(notifyErrors.WEBHOOK_SIGNATURE_INVALID);
    }
    if (!isFresh(Number(timestamp) * 1000, Date.now(), options.webhookMaxAgeSeconds)) {
      throw new AppError(notifyErrors.WEBHOOK_EXPIRED);
    }
  };
}

/** Zalo's X-ZEvent-Signature over app id + raw body + the body's timestamp + OA secret, then its age. */
function zaloVerifier(options: ResolvedNotifyOptions, rawBodyOf: RawBodyOf) {
  return async (request: FastifyRequest): Promise<void> => {
    const zalo = options.zaloWebhook;
    if (!zalo) throw new AppError(notifyErrors.WEBHOOK_NOT_CONFIGURED, { channel: 'zalo' });
    const body = (request.body ?? {}) as ZaloEvent;
    const timestamp = String(body.timestamp ?? '');
    const signature = header(request, 'x-zevent-signature');
    const signed = body.app_id === zalo.appId && /^\d{10,16}$/.test(timestamp);
    if (
      !signed ||
      !verifyZaloSignature(zalo.appId, rawBodyOf(request), timestamp, zalo.oaSecretKey, signature)
    ) {
      throw new AppError(notifyErrors.WEBHOOK_SIGNATURE_INVALID);
    }
    if (!isFresh(Number(timestamp), Date.now(), options.webhookMaxAgeSeconds)) {
      throw new AppError(notifyErrors.WEBHOOK_EXPIRED);
    }
  };
}

/**
 * /api/v1/notify/inbound/sms and /inbound/zalo: the providers' webhooks. Each request is verified
 * (signature, then age) before its body is validated, so an unsigned caller learns nothing about the
 * expected shape; a verified message is stored, routed, and answered on the same channel.
 */
export const inboundRoutes: TypedPlugin<InboundRoutesOptions> = async (app, { inbound, options }) => {
  const rawBodyOf = installRawJsonParser(app);
  const tags = ['notify'];
  const rateLimit = { max: options.webhookRatePerMinute, timeWindow: '1 minute' };
  const response = { 200: WebhookResult, ...commonErrorResponses };

  const verifySms = smsVerifier(options, rawBodyOf);
  const verifyZalo = zaloVerifier(options, rawBodyOf);

  app.post(
    '/inbound/sms',
    {
      config: { access: 'public', rateLimit },
      preValidation: verifySms,
      schema: {
        tags,
        summary: 'SMS gateway webhook: an SMS a citizen sent (signed, see docs/notify.md)',
        body: SmsWebhookBodySchema,
        response,
      },
    },
    async (request) => {
      const parsed = parseSmsWebhook(request.body as SmsWebhookBody, rawBodyOf(request));
      return { received: true, ...(await inbound.receive(parsed)) };
    },
  );

  app.post(
    '/inbound/zalo',
    {
      config: { access: 'public', rateLimit },
      preValidation: verifyZalo,
      schema: {
        tags,
        summary: 'Zalo OA webhook: events of the Official Account (X-ZEvent-Signature)',
        body: ZaloWebhookBodySchema,
        response,
      },
    },
    async (request) => {
      const event = request.body as ZaloEvent;
      const name = event.event_name ?? '';
      // Zalo expects 200 for every event it sends, also those notify has nothing to do with.
      if (!(handledZaloEvents as readonly string[]).includes(name)) {
        return { received: true, duplicate: false, ignored: name, inboundId: null, replyMessageId: null };
      }
      return { received: true, ...(await inbound.receive(parseZaloEvent(event, rawBodyOf(request)))) };
    },
  );
};
