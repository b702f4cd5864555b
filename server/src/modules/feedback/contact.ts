import { AppError } from '../../platform/http/app-error';
import { feedbackErrors } from './feedback.errors';
import type { Channel, NotifyChannel } from './report-states';

export interface ContactInput {
  readonly name?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly zaloId?: string | null;
}

export interface Contact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly zaloId: string | null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * A Vietnamese phone number in the form callers and the caller lookup agree on: 0 followed by 9 or
 * 10 digits ("+84 905 123 456", "84905123456" and "0905.123.456" all become "0905123456"). Null for
 * anything that is not one.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^[0-9 +().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  if (!digits.startsWith('0') && digits.length === 9) digits = `0${digits}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

function clean(value: string | null | undefined, max: number): string | null {
  const text = value?.trim();
  return text ? text.slice(0, max) : null;
}

/** Checks and normalises what a citizen left; throws FEEDBACK_CONTACT_INVALID for a bad phone or e-mail. */
export function normaliseContact(input: ContactInput | null | undefined): Contact {
  const phoneText = clean(input?.phone, 40);
  const phone = normalisePhone(phoneText);
  if (phoneText && !phone) throw new AppError(feedbackErrors.CONTACT_INVALID, { field: 'phone' });
  const email = clean(input?.email, 254)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) throw new AppError(feedbackErrors.CONTACT_INVALID, { field: 'email' });
  return { name: clean(input?.name, 200), phone, email, zaloId: clean(input?.zaloId, 100) };
}

export function hasContact(contact: Contact): boolean {
  return Boolean(contact.phone || contact.email || contact.zaloId);
}

/**
 * Where the citizen hears back: the channel they came from (Zalo, SMS, e-mail; a phone call is
 * answered by SMS), or for the web, app and Open311 the contact they preferred, e-mail first.
 */
export function notifyTarget(
  channel: Channel,
  contact: Contact,
  preferred: NotifyChannel | null = null,
): { channel: NotifyChannel; address: string } | null {
  const byChannel: Record<NotifyChannel, string | null> = {
    email: contact.email,
    sms: contact.phone,
    zalo: contact.zaloId,
  };
  const pick = (target: NotifyChannel) => {
    const address = byChannel[target];
    return address ? { channel: target, address } : null;
  };
  if (channel === 'zalo') return pick('zalo') ?? pick('sms');
  if (channel === 'sms' || channel === 'phone') return pick('sms');
  if (channel === 'email') return pick('email');
  return (preferred ? pick(preferred) : null) ?? pick('email') ?? pick('sms') ?? pick('zalo');
}
