import { describe, expect, it } from 'vitest';
import { normaliseContact, normalisePhone, notifyTarget } from './contact';

describe('contacts', () => {
  it('normalises Vietnamese phone numbers the way callers type them', () => {
    expect(
      ['+84 905 123 456', '84905123456', '0905.123.456', '(0236) 3821 022', '905123456'].map(normalisePhone),
    ).toEqual(['0905123456', '0905123456', '0905123456', '02363821022', '0905123456']);
    expect(['12', 'abc', '0905-12345678901', null].map(normalisePhone)).toEqual([null, null, null, null]);
  });

  it('refuses a bad e-mail or phone instead of storing it', () => {
    expect(() => normaliseContact({ email: 'a@b' })).toThrow('FEEDBACK_CONTACT_INVALID');
    expect(() => normaliseContact({ phone: 'call me' })).toThrow('FEEDBACK_CONTACT_INVALID');
    expect(normaliseContact({ name: '  Lan ', email: ' Lan@Example.VN ' })).toEqual({
      name: 'Lan',
      phone: null,
      email: 'lan@example.vn',
      zaloId: null,
    });
  });

  it('answers on the channel the citizen came from', () => {
    const contact = { name: null, phone: '0905123456', email: 'a@example.vn', zaloId: 'z1' };
    expect(notifyTarget('zalo', contact)).toEqual({ channel: 'zalo', address: 'z1' });
    expect(notifyTarget('sms', contact)).toEqual({ channel: 'sms', address: '0905123456' });
    expect(notifyTarget('phone', contact)).toEqual({ channel: 'sms', address: '0905123456' });
    expect(notifyTarget('web', contact)).toEqual({ channel: 'email', address: 'a@example.vn' });
    expect(notifyTarget('web', contact, 'sms')).toEqual({ channel: 'sms', address: '0905123456' });
    expect(notifyTarget('web', { name: null, phone: null, email: null, zaloId: null })).toBeNull();
  });
});
