import type { FastifyBaseLogger } from 'fastify';
import type { ResolvedNotifyOptions } from '../notify.options';
import type { ChannelName } from '../notify.types';
import type { ChannelAdapter } from './channel';
import { HttpSmsChannel } from './http-sms-channel';
import { LogChannel } from './log-channel';
import { SmtpEmailChannel } from './smtp-email-channel';
import { ZaloOaChannel } from './zalo-oa-channel';

export const ZALO_API_URL = 'https://openapi.zalo.me';

/** One adapter per channel; a channel whose provider is not configured gets the log. */
export function createChannels(
  options: ResolvedNotifyOptions,
  logger: FastifyBaseLogger,
): Record<ChannelName, ChannelAdapter> {
  const log = new LogChannel(logger);
  const timeoutMs = options.providerTimeoutMs;
  return {
    email: options.email?.smtpUrl
      ? new SmtpEmailChannel({ url: options.email.smtpUrl, from: options.email.from, timeoutMs })
      : log,
    sms: options.sms?.gatewayUrl
      ? new HttpSmsChannel({
          url: options.sms.gatewayUrl,
          apiKey: options.sms.apiKey,
          apiKeyHeader: options.sms.apiKeyHeader ?? 'X-Api-Key',
          sender: options.sms.sender,
          timeoutMs,
        })
      : log,
    zalo: options.zalo?.accessToken
      ? new ZaloOaChannel({
          apiUrl: options.zalo.apiUrl ?? ZALO_API_URL,
          accessToken: options.zalo.accessToken,
          timeoutMs,
        })
      : log,
    web: log,
  };
}
