import os from 'node:os';
import path from 'node:path';

/**
 * The only reader of `process.env`. Every variable is declared once below with its default and meaning;
 * `.env.example` is generated from this list and a test keeps them in sync. Defaults give the embedded
 * mode: PGlite under ./data, local blob storage, demo data on first start.
 */

type Parser<T> = (raw: string, name: string) => T;

interface VariableSpec<T> {
  readonly description: string;
  readonly defaultValue: string | undefined;
  readonly parse: Parser<T>;
}

function variable<T>(
  description: string,
  defaultValue: string | undefined,
  parse: Parser<T>,
): VariableSpec<T> {
  return { description, defaultValue, parse };
}

const asString: Parser<string> = (raw) => raw;

const asInteger =
  (min: number, max: number): Parser<number> =>
  (raw, name) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };

const asBoolean: Parser<boolean> = (raw, name) => {
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
};

const asUrl =
  (protocols: readonly string[]): Parser<string> =>
  (raw, name) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`${name} must be a URL, got "${raw}"`);
    }
    if (!protocols.includes(url.protocol)) {
      throw new Error(`${name} must use ${protocols.join(' or ')}, got "${url.protocol}"`);
    }
    return raw.replace(/\/$/, '');
  };

const asOneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw, name) => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new Error(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };

const optional =
  <T>(parse: Parser<T>): Parser<T | undefined> =>
  (raw, name) =>
    raw === '' ? undefined : parse(raw, name);

/** Every environment variable citydx reads, in the order `.env.example` lists them. */
export const environmentVariables = {
  PORT: variable('HTTP port for the web app and every API.', '8080', asInteger(0, 65535)),
  HOST: variable('Interface to listen on.', '0.0.0.0', asString),
  PUBLIC_URL: variable(
    'Address users reach the platform at (used in links, cookies, OpenAPI). Defaults to http://localhost:PORT.',
    '',
    optional(asUrl(['http:', 'https:'])),
  ),
  DATABASE_URL: variable(
    'PostgreSQL 15+ connection string. Unset: embedded PGlite stored under DATA_DIR/pglite.',
    '',
    optional(asUrl(['postgres:', 'postgresql:'])),
  ),
  DATABASE_POOL_SIZE: variable(
    'Connections per app process when DATABASE_URL is set.',
    '10',
    asInteger(1, 200),
  ),
  DATA_DIR: variable(
    'Folder for the embedded database, uploaded files and the admin password file.',
    './data',
    asString,
  ),
  LOG_LEVEL: variable(
    'pino log level.',
    'info',
    asOneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  ),
  ADMIN_EMAIL: variable(
    'Login of the first system administrator, created on first start.',
    'admin@citydx.local',
    asString,
  ),
  ADMIN_PASSWORD: variable(
    'Password of the first administrator. Unset: a random one is generated and written to DATA_DIR/admin-password.txt (mode 0600).',
    '',
    optional(asString),
  ),
  DEMO_DATA: variable('Load the Da Nang demo data on first start.', 'true', asBoolean),
  SESSION_TTL_HOURS: variable(
    'How long a console session lasts without activity.',
    '12',
    asInteger(1, 24 * 30),
  ),
  COOKIE_SECURE: variable(
    'Send session cookies only over HTTPS. Defaults to true when PUBLIC_URL is https.',
    '',
    optional(asBoolean),
  ),
  LOGIN_MAX_FAILURES: variable('Failed logins in a row before an account is locked.', '5', asInteger(1, 100)),
  LOGIN_LOCKOUT_MINUTES: variable('How long a locked account stays locked.', '15', asInteger(1, 24 * 60)),
  LOGIN_RATE_PER_MINUTE: variable(
    'Login attempts allowed per client IP per minute.',
    '20',
    asInteger(1, 10_000),
  ),
  PUBLIC_RATE_PER_MINUTE: variable(
    'Requests per client IP per minute on rate-limited public endpoints.',
    '600',
    asInteger(1, 1_000_000),
  ),
  BODY_LIMIT_BYTES: variable(
    'Largest JSON request body accepted.',
    '1048576',
    asInteger(1024, 1024 * 1024 * 1024),
  ),
  BLOB_STORE: variable(
    'Where uploaded files live: local (DATA_DIR/files) or s3.',
    'local',
    asOneOf(['local', 's3'] as const),
  ),
  S3_ENDPOINT: variable(
    'S3-compatible endpoint URL (MinIO, Ceph, AWS) when BLOB_STORE=s3.',
    '',
    optional(asUrl(['http:', 'https:'])),
  ),
  S3_REGION: variable('S3 region.', 'us-east-1', asString),
  S3_BUCKET: variable('S3 bucket for uploaded files.', '', optional(asString)),
  S3_ACCESS_KEY_ID: variable('S3 access key.', '', optional(asString)),
  S3_SECRET_ACCESS_KEY: variable('S3 secret key.', '', optional(asString)),
  S3_FORCE_PATH_STYLE: variable('Use path-style S3 URLs (needed by MinIO).', 'true', asBoolean),
  JOBS_ENABLED: variable(
    'Run the background job scheduler and outbox dispatcher in this process.',
    'true',
    asBoolean,
  ),
  OUTBOX_POLL_MS: variable(
    'How often the outbox dispatcher looks for new events.',
    '1000',
    asInteger(50, 60_000),
  ),
  WEB_DIST_DIR: variable('Built web app served at / (npm run build).', './web/dist', asString),
  TRUST_PROXY: variable('Trust X-Forwarded-* headers (set when behind a reverse proxy).', 'false', asBoolean),
  SMTP_URL: variable(
    'Outgoing mail server, smtp://user:pass@host:587 or smtps://…:465. Unset: e-mails are only recorded in the outbox log.',
    '',
    optional(asUrl(['smtp:', 'smtps:'])),
  ),
  MAIL_FROM: variable('From header of every e-mail.', 'citydx <no-reply@citydx.local>', asString),
  SMS_GATEWAY_URL: variable(
    'SMS gateway send endpoint (contract in docs/notify.md). Unset: SMS are only recorded in the outbox log.',
    '',
    optional(asUrl(['http:', 'https:'])),
  ),
  SMS_GATEWAY_API_KEY: variable('Key sent to the SMS gateway.', '', optional(asString)),
  SMS_GATEWAY_API_KEY_HEADER: variable('Header that carries the SMS gateway key.', 'X-Api-Key', asString),
  SMS_SENDER: variable('Registered SMS brandname.', '', optional(asString)),
  SMS_STRIP_DIACRITICS: variable(
    'Send SMS without Vietnamese diacritics (160 characters a segment instead of 70).',
    'false',
    asBoolean,
  ),
  NOTIFY_SMS_MAX_SEGMENTS: variable('Longer SMS texts are cut to this many segments.', '4', asInteger(1, 10)),
  SMS_WEBHOOK_SECRET: variable(
    'HMAC secret of inbound SMS webhooks. Unset: the SMS webhook answers 403.',
    '',
    optional(asString),
  ),
  ZALO_OA_API_URL: variable('Zalo Open API base URL.', 'https://openapi.zalo.me', asUrl(['http:', 'https:'])),
  ZALO_OA_ACCESS_TOKEN: variable(
    'Zalo Official Account access token. Unset: Zalo messages are only recorded in the outbox log.',
    '',
    optional(asString),
  ),
  ZALO_APP_ID: variable(
    'Zalo app id (checks webhook signatures; set with ZALO_OA_SECRET_KEY).',
    '',
    optional(asString),
  ),
  ZALO_OA_SECRET_KEY: variable(
    'Zalo OA secret key (checks webhook signatures). Without both Zalo values the webhook answers 403.',
    '',
    optional(asString),
  ),
  NOTIFY_MAX_ATTEMPTS: variable(
    'Delivery attempts before a message is marked failed.',
    '6',
    asInteger(1, 50),
  ),
  NOTIFY_RETRY_BASE_SECONDS: variable(
    'First retry delay; doubles each time, at most one hour.',
    '30',
    asInteger(1, 3600),
  ),
  NOTIFY_LEASE_SECONDS: variable(
    'How long a process owns a message it is delivering.',
    '120',
    asInteger(10, 3600),
  ),
  NOTIFY_DELIVERY_INTERVAL_SECONDS: variable('How often the delivery job runs.', '5', asInteger(1, 3600)),
  NOTIFY_WEBHOOK_MAX_AGE_SECONDS: variable(
    'Webhooks signed further than this from now are refused.',
    '3600',
    asInteger(30, 86_400),
  ),
  NOTIFY_WEBHOOK_RATE_PER_MINUTE: variable(
    'Requests per IP per minute on each public webhook and the opt-out link.',
    '300',
    asInteger(1, 100_000),
  ),
  MQTT_URL: variable(
    'External MQTT broker, mqtt://user:pass@host:1883 or mqtts://…:8883 (see docs/mqtt.md). Unset: an embedded broker runs in this process.',
    '',
    optional(asUrl(['mqtt:', 'mqtts:', 'ws:', 'wss:'])),
  ),
  MQTT_EMBEDDED_PORT: variable(
    'TCP port of the embedded broker for devices (when MQTT_URL is unset; 1883 is left to a system Mosquitto). 0: no port, in-process only.',
    '1884',
    asInteger(0, 65535),
  ),
  MQTT_CLIENT_ID: variable(
    "This process's client id at MQTT_URL: its persistent session keeps QoS 1 messages while it is down. Unique per process, stable across restarts. Defaults to citydx-<hostname>.",
    '',
    optional(asString),
  ),
  MQTT_SHARED_GROUP: variable(
    'Shared-subscription group at MQTT_URL ($share/<group>/…), so several app processes split the messages. Empty: every process receives every message.',
    'citydx',
    asString,
  ),
  DEVICE_OFFLINE_AFTER_MISSED: variable(
    'A device goes offline after this many heartbeat intervals without a heartbeat.',
    '3',
    asInteger(1, 1000),
  ),
  DEVICE_ONLINE_AFTER_HEARTBEATS: variable(
    'An offline device comes back online after this many heartbeats in a row.',
    '2',
    asInteger(1, 1000),
  ),
  OBSERVATION_RETENTION_DAYS: variable(
    'Days sensor observations are kept at least, for datastreams without their own retention; 0 keeps them forever. Whole months are dropped once no datastream needs them (docs/sensors.md).',
    '0',
    asInteger(0, 36600),
  ),
} as const;

type Variables = typeof environmentVariables;
type ParsedVariables = {
  [K in keyof Variables]: Variables[K] extends VariableSpec<infer T> ? T : never;
};

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly database: {
    readonly url: string | undefined;
    readonly poolSize: number;
    readonly pgliteDir: string;
  };
  readonly dataDir: string;
  readonly logLevel: ParsedVariables['LOG_LEVEL'];
  readonly admin: {
    readonly email: string;
    readonly password: string | undefined;
    readonly passwordFile: string;
  };
  readonly demoData: boolean;
  readonly auth: {
    readonly sessionTtlHours: number;
    readonly cookieSecure: boolean;
    readonly loginMaxFailures: number;
    readonly loginLockoutMinutes: number;
    readonly loginRatePerMinute: number;
  };
  readonly publicRatePerMinute: number;
  readonly bodyLimitBytes: number;
  readonly blobs:
    | { readonly kind: 'local'; readonly dir: string }
    | {
        readonly kind: 's3';
        readonly endpoint: string | undefined;
        readonly region: string;
        readonly bucket: string;
        readonly accessKeyId: string | undefined;
        readonly secretAccessKey: string | undefined;
        readonly forcePathStyle: boolean;
      };
  readonly jobsEnabled: boolean;
  readonly outboxPollMs: number;
  readonly webDistDir: string;
  readonly trustProxy: boolean;
  /** Message channels and webhooks (module notify; see docs/notify.md). */
  readonly notify: {
    readonly email?: { readonly smtpUrl: string; readonly from: string };
    readonly sms?: {
      readonly gatewayUrl: string;
      readonly apiKey?: string;
      readonly apiKeyHeader: string;
      readonly sender?: string;
    };
    readonly smsStripDiacritics: boolean;
    readonly smsMaxSegments: number;
    readonly smsWebhookSecret?: string;
    readonly zalo?: { readonly apiUrl: string; readonly accessToken: string };
    readonly zaloWebhook?: { readonly appId: string; readonly oaSecretKey: string };
    readonly delivery: {
      readonly maxAttempts: number;
      readonly retryBaseSeconds: number;
      readonly leaseSeconds: number;
      readonly intervalSeconds: number;
    };
    readonly webhookMaxAgeSeconds: number;
    readonly webhookRatePerMinute: number;
  };
  /** The kernel's MQTT (platform/mqtt; see docs/mqtt.md). */
  readonly mqtt: {
    readonly url: string | undefined;
    readonly embeddedPort: number;
    readonly clientId: string;
    readonly sharedGroup: string;
  };
  /** Device heartbeats: online/offline hysteresis (module sensors, devices). */
  readonly devices: {
    readonly offlineAfterMissed: number;
    readonly onlineAfterHeartbeats: number;
  };
  /** Observation store (module sensors): default retention in days, null = forever. */
  readonly sensors: { readonly observationRetentionDays: number | null };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function parseVariables(env: NodeJS.ProcessEnv): ParsedVariables {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(environmentVariables) as [string, VariableSpec<unknown>][]) {
    const raw = env[name] ?? spec.defaultValue ?? '';
    try {
      parsed[name] = spec.parse(raw.trim(), name);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed as ParsedVariables;
}

/** Reads and validates the environment once, at boot. Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const v = parseVariables(env);
  const dataDir = path.resolve(v.DATA_DIR);
  const publicUrl = v.PUBLIC_URL ?? `http://localhost:${v.PORT}`;
  if (v.BLOB_STORE === 's3' && !v.S3_BUCKET)
    throw new ConfigError(['S3_BUCKET is required when BLOB_STORE=s3']);
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl,
    database: {
      url: v.DATABASE_URL,
      poolSize: v.DATABASE_POOL_SIZE,
      pgliteDir: path.join(dataDir, 'pglite'),
    },
    dataDir,
    logLevel: v.LOG_LEVEL,
    admin: {
      email: v.ADMIN_EMAIL,
      password: v.ADMIN_PASSWORD,
      passwordFile: path.join(dataDir, 'admin-password.txt'),
    },
    demoData: v.DEMO_DATA,
    auth: {
      sessionTtlHours: v.SESSION_TTL_HOURS,
      cookieSecure: v.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
      loginMaxFailures: v.LOGIN_MAX_FAILURES,
      loginLockoutMinutes: v.LOGIN_LOCKOUT_MINUTES,
      loginRatePerMinute: v.LOGIN_RATE_PER_MINUTE,
    },
    publicRatePerMinute: v.PUBLIC_RATE_PER_MINUTE,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    blobs:
      v.BLOB_STORE === 's3'
        ? {
            kind: 's3',
            endpoint: v.S3_ENDPOINT,
            region: v.S3_REGION,
            bucket: v.S3_BUCKET ?? '',
            accessKeyId: v.S3_ACCESS_KEY_ID,
            secretAccessKey: v.S3_SECRET_ACCESS_KEY,
            forcePathStyle: v.S3_FORCE_PATH_STYLE,
          }
        : { kind: 'local', dir: path.join(dataDir, 'files') },
    jobsEnabled: v.JOBS_ENABLED,
    outboxPollMs: v.OUTBOX_POLL_MS,
    webDistDir: path.resolve(v.WEB_DIST_DIR),
    trustProxy: v.TRUST_PROXY,
    notify: notifyConfig(v),
    mqtt: {
      url: v.MQTT_URL,
      embeddedPort: v.MQTT_EMBEDDED_PORT,
      clientId: v.MQTT_CLIENT_ID ?? `citydx-${os.hostname()}`,
      sharedGroup: v.MQTT_SHARED_GROUP,
    },
    devices: {
      offlineAfterMissed: v.DEVICE_OFFLINE_AFTER_MISSED,
      onlineAfterHeartbeats: v.DEVICE_ONLINE_AFTER_HEARTBEATS,
    },
    sensors: { observationRetentionDays: v.OBSERVATION_RETENTION_DAYS || null },
  };
}

function notifyConfig(v: ParsedVariables): Config['notify'] {
  return {
    ...(v.SMTP_URL ? { email: { smtpUrl: v.SMTP_URL, from: v.MAIL_FROM } } : {}),
    ...(v.SMS_GATEWAY_URL
      ? {
          sms: {
            gatewayUrl: v.SMS_GATEWAY_URL,
            apiKeyHeader: v.SMS_GATEWAY_API_KEY_HEADER,
            ...(v.SMS_GATEWAY_API_KEY ? { apiKey: v.SMS_GATEWAY_API_KEY } : {}),
            ...(v.SMS_SENDER ? { sender: v.SMS_SENDER } : {}),
          },
        }
      : {}),
    smsStripDiacritics: v.SMS_STRIP_DIACRITICS,
    smsMaxSegments: v.NOTIFY_SMS_MAX_SEGMENTS,
    ...(v.SMS_WEBHOOK_SECRET ? { smsWebhookSecret: v.SMS_WEBHOOK_SECRET } : {}),
    ...(v.ZALO_OA_ACCESS_TOKEN
      ? { zalo: { apiUrl: v.ZALO_OA_API_URL, accessToken: v.ZALO_OA_ACCESS_TOKEN } }
      : {}),
    ...(v.ZALO_APP_ID && v.ZALO_OA_SECRET_KEY
      ? { zaloWebhook: { appId: v.ZALO_APP_ID, oaSecretKey: v.ZALO_OA_SECRET_KEY } }
      : {}),
    delivery: {
      maxAttempts: v.NOTIFY_MAX_ATTEMPTS,
      retryBaseSeconds: v.NOTIFY_RETRY_BASE_SECONDS,
      leaseSeconds: v.NOTIFY_LEASE_SECONDS,
      intervalSeconds: v.NOTIFY_DELIVERY_INTERVAL_SECONDS,
    },
    webhookMaxAgeSeconds: v.NOTIFY_WEBHOOK_MAX_AGE_SECONDS,
    webhookRatePerMinute: v.NOTIFY_WEBHOOK_RATE_PER_MINUTE,
  };
}

/** Renders `.env.example` from the declarations above. */
export function renderEnvExample(): string {
  const lines = [
    '# citydx configuration. Every variable is optional; the defaults run the embedded mode.',
    '',
  ];
  for (const [name, spec] of Object.entries(environmentVariables)) {
    lines.push(`# ${spec.description}`);
    lines.push(`${spec.defaultValue ? '' : '# '}${name}=${spec.defaultValue ?? ''}`);
    lines.push('');
  }
  return lines.join('\n');
}
