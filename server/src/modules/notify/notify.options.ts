/**
 * How notify reaches its providers and paces its work. The composition root builds it from the
 * configuration (see docs/notify.md for the environment variables); a channel without a provider
 * falls back to the log, an inbound channel without its secret refuses every webhook.
 */
export interface NotifyOptions {
  /** Where citizens reach the platform: opt-out links are built on it. */
  readonly publicUrl: string;
  readonly email?: { readonly smtpUrl: string; readonly from: string };
  readonly sms?: {
    readonly gatewayUrl: string;
    readonly apiKey?: string;
    readonly apiKeyHeader?: string;
    readonly sender?: string;
  };
  /** Send SMS without Vietnamese diacritics (GSM-7: 160 characters a segment instead of 70). */
  readonly smsStripDiacritics?: boolean;
  /** Longer SMS texts are cut to this many segments. */
  readonly smsMaxSegments?: number;
  /** HMAC-SHA256 secret the SMS gateway signs inbound webhooks with. */
  readonly smsWebhookSecret?: string;
  readonly zalo?: { readonly apiUrl?: string; readonly accessToken: string };
  /** Zalo app id and OA secret key, which sign Zalo's webhook events. */
  readonly zaloWebhook?: { readonly appId: string; readonly oaSecretKey: string };
  readonly delivery?: Partial<DeliveryOptions>;
  /** Webhooks whose timestamp is further than this from now are refused. */
  readonly webhookMaxAgeSeconds?: number;
  /** Requests per client IP per minute on each public webhook. */
  readonly webhookRatePerMinute?: number;
  /** Provider request timeout. */
  readonly providerTimeoutMs?: number;
}

export interface DeliveryOptions {
  /** Attempts before a message is marked failed. */
  readonly maxAttempts: number;
  /** First retry delay; each further retry waits twice as long, up to retryMaxSeconds. */
  readonly retryBaseSeconds: number;
  readonly retryMaxSeconds: number;
  /** How long a claimed message belongs to its process; after that another process retries it. */
  readonly leaseSeconds: number;
  /** How often the delivery job looks for due messages. */
  readonly intervalSeconds: number;
  /** Messages claimed (and sent concurrently) at once. */
  readonly batchSize: number;
}

export const deliveryDefaults: DeliveryOptions = {
  maxAttempts: 6,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3600,
  leaseSeconds: 120,
  intervalSeconds: 5,
  batchSize: 10,
};

export interface ResolvedNotifyOptions extends NotifyOptions {
  readonly smsStripDiacritics: boolean;
  readonly smsMaxSegments: number;
  readonly delivery: DeliveryOptions;
  readonly webhookMaxAgeSeconds: number;
  readonly webhookRatePerMinute: number;
  readonly providerTimeoutMs: number;
}

export function resolveNotifyOptions(options: NotifyOptions): ResolvedNotifyOptions {
  return {
    ...options,
    publicUrl: options.publicUrl.replace(/\/$/, ''),
    smsStripDiacritics: options.smsStripDiacritics ?? false,
    smsMaxSegments: options.smsMaxSegments ?? 4,
    delivery: { ...deliveryDefaults, ...options.delivery },
    webhookMaxAgeSeconds: options.webhookMaxAgeSeconds ?? 3600,
    webhookRatePerMinute: options.webhookRatePerMinute ?? 300,
    providerTimeoutMs: options.providerTimeoutMs ?? 15_000,
  };
}
