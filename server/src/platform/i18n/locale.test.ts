import { describe, expect, it } from 'vitest';
import { negotiateLocale, translate } from './locale';

describe('negotiateLocale', () => {
  it('defaults to Vietnamese', () => {
    expect(negotiateLocale(undefined)).toBe('vi');
    expect(negotiateLocale('fr-FR,de;q=0.8')).toBe('vi');
  });

  it('honours quality values', () => {
    expect(negotiateLocale('en-US,en;q=0.9,vi;q=0.8')).toBe('en');
    expect(negotiateLocale('vi;q=0.5,en;q=0.9')).toBe('en');
    expect(negotiateLocale('en;q=0,vi')).toBe('vi');
  });
});

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    const text = { vi: 'Không tìm thấy {thing}', en: '{thing} not found' };
    expect(translate(text, 'vi', { thing: 'cơ quan' })).toBe('Không tìm thấy cơ quan');
    expect(translate(text, 'en', { thing: 'Agency' })).toBe('Agency not found');
    expect(translate(text, 'en')).toBe('{thing} not found');
  });
});
