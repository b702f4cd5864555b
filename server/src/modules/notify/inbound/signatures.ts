import crypto from 'node:crypto';

function safeEqualHex(expected: string, supplied: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(supplied.trim().toLowerCase(), 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The SMS gateway's signature: hex HMAC-SHA256, keyed with SMS_WEBHOOK_SECRET, over
 * `<timestamp>.<raw body>`, sent as `X-Citydx-Signature: sha256=<hex>` beside
 * `X-Citydx-Timestamp: <unix seconds>`. Signing the timestamp lets a retried delivery be re-signed at
 * send time while an old captured request cannot be replayed.
 */
export function smsSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return crypto
    .createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]))
    .digest('hex');
}

export function verifySmsSignature(
  secret: string,
  timestamp: string,
  rawBody: Buffer,
  header: string,
): boolean {
  const supplied = header.replace(/^sha256=/i, '');
  return safeEqualHex(smsSignature(secret, timestamp, rawBody), supplied);
}

/**
 * Zalo OA's webhook signature, as Zalo documents it: `X-ZEvent-Signature: mac=<hex>` where hex is
 * SHA-256 (a plain hash, not an HMAC) of app id + raw JSON body + the body's `timestamp` + the OA
 * secret key (the OA's key, not the app secret).
 */
export function zaloSignature(
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  oaSecretKey: string,
): string {
  return crypto
    .createHash('sha256')
    .update(
      Buffer.concat([Buffer.from(appId, 'utf8'), rawBody, Buffer.from(`${timestamp}${oaSecretKey}`, 'utf8')]),
    )
    .digest('hex');
}

export function verifyZaloSignature(
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  oaSecretKey: string,
  header: string,
): boolean {
  const supplied = header.replace(/^mac=/i, '');
  return safeEqualHex(zaloSignature(appId, rawBody, timestamp, oaSecretKey), supplied);
}

/** Within `maxAgeSeconds` of now, either way (clocks drift). */
export function isFresh(timestampMs: number, nowMs: number, maxAgeSeconds: number): boolean {
  return Number.isFinite(timestampMs) && Math.abs(nowMs - timestampMs) <= maxAgeSeconds * 1000;
}

export function bodyHash(rawBody: Buffer): string {
  return crypto.createHash('sha256').update(rawBody).digest('hex');
}
