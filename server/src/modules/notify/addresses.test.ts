import { describe, expect, it } from 'vitest';
import { maskAddress, normalizeAddress, normalizePhone } from './addresses';

describe('addresses', () => {
  it('writes Vietnamese phone numbers in E.164', () => {
    expect(normalizePhone('0905 123 456')).toBe('+84905123456');
    expect(normalizePhone('84905123456')).toBe('+84905123456');
    expect(normalizePhone('+84 (905) 123-456')).toBe('+84905123456');
    expect(normalizePhone('0084905123456')).toBe('+84905123456');
    expect(normalizePhone('12')).toBeNull();
    expect(normalizePhone('call me')).toBeNull();
  });

  it('normalises per channel and refuses what cannot be an address', () => {
    expect(normalizeAddress('email', ' Lan.Nguyen@Example.VN ')).toBe('lan.nguyen@example.vn');
    expect(normalizeAddress('email', 'not an email')).toBeNull();
    expect(normalizeAddress('zalo', '8402937164525372818')).toBe('8402937164525372818');
    expect(normalizeAddress('zalo', '+84905123456')).toBeNull();
    expect(normalizeAddress('web', '')).toBeNull();
  });

  it('masks addresses for logs', () => {
    expect(maskAddress('lan@example.vn')).toBe('l***@example.vn');
    expect(maskAddress('+84905123456')).toBe('***456');
  });
});
