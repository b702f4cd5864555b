import { describe, expect, it } from 'vitest';
import { foldVietnamese, vietnamesePattern } from './vietnamese-pattern';

const matches = (word: string, text: string) =>
  new RegExp(vietnamesePattern(word), 'iu').test(text.normalize('NFC'));

describe('vietnamesePattern', () => {
  it('matches a word whatever its diacritics and case, as platform.search_key folds them', () => {
    expect(matches('da nang', 'Thành phố Đà Nẵng')).toBe(true);
    expect(matches('ĐÀ NẴNG', 'thanh pho da nang')).toBe(true);
    expect(matches('hoa khanh', 'Phường Hòa Khánh Bắc')).toBe(true);
    expect(matches('ngu hanh son', 'Quận Ngũ Hành Sơn')).toBe(true);
    expect(matches('hoa', 'Phường Hải Châu')).toBe(false);
    expect(foldVietnamese('Phường Ngũ Hành Sơn, Đà Nẵng')).toBe('phuong ngu hanh son, da nang');
  });

  it('escapes what would be regular-expression syntax', () => {
    expect(vietnamesePattern('1+1 (x)')).toBe('1\\+1 \\(x\\)');
    expect(matches('100%', 'tăng 100%')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
  });
});
