import { smsSignature, zaloSignature } from '../inbound/signatures';

/** Headers and body an SMS gateway would send: signed over `<unix seconds>.<body>`. */
export function signedSmsRequest(secret: string, body: unknown, unixSeconds = Math.floor(Date.now() / 1000)) {
  const payload = JSON.stringify(body);
  const timestamp = String(unixSeconds);
  return {
    payload,
    headers: {
      'content-type': 'application/json',
      'x-citydx-timestamp': timestamp,
      'x-citydx-signature': `sha256=${smsSignature(secret, timestamp, Buffer.from(payload))}`,
    },
  };
}

/** A Zalo OA webhook event as Zalo sends it, with its `X-ZEvent-Signature: mac=…` header. */
export function signedZaloEvent(
  keys: { appId: string; oaSecretKey: string },
  event: Record<string, unknown>,
  timestampMs = Date.now(),
) {
  const body = { app_id: keys.appId, oa_id: '579745863508352884', timestamp: String(timestampMs), ...event };
  const payload = JSON.stringify(body);
  const mac = zaloSignature(keys.appId, Buffer.from(payload), String(body.timestamp), keys.oaSecretKey);
  return { payload, headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` } };
}
