import type { ChannelName } from './notify.types';

const E164 = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const ZALO_USER_ID = /^\d{1,32}$/;

/**
 * A phone number in E.164. Vietnamese numbers are usually written nationally (0905 123 456) or with the
 * country code but no plus (84905123456); both become +84905123456.
 */
export function normalizePhone(raw: string): string | null {
  let digits = raw.trim().replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  else if (digits.startsWith('0')) digits = `+84${digits.slice(1)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `+${digits}`;
  return E164.test(digits) ? digits : null;
}

/** The canonical form of an address on a channel, or null when it cannot be one. */
export function normalizeAddress(channel: ChannelName, raw: string): string | null {
  const value = raw.trim();
  switch (channel) {
    case 'email':
      return EMAIL.test(value) && value.length <= 320 ? value.toLowerCase() : null;
    case 'sms':
      return normalizePhone(value);
    case 'zalo':
      return ZALO_USER_ID.test(value) ? value : null;
    case 'web':
      return value.length > 0 && value.length <= 200 ? value : null;
  }
}

/** For logs: enough to tell two recipients apart, not enough to contact them. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address.slice(0, 1)}***${address.slice(at)}`;
  return address.length <= 4 ? '***' : `***${address.slice(-3)}`;
}
