import { hashSecret, randomSecret } from '../../../platform/auth/secrets';

const DEVICE_TOKEN_PREFIX = 'dvt_';

/** A new device token (shown once) and the hash that is stored. */
export function newDeviceToken(): { token: string; hash: string } {
  const token = `${DEVICE_TOKEN_PREFIX}${randomSecret()}`;
  return { token, hash: hashSecret(token) };
}

export function deviceTokenHash(token: string): string {
  return hashSecret(token);
}
