import { describe, expect, it } from 'vitest';
import { compactSmsText, fitSegments, smsLength, stripDiacritics } from './sms-text';

describe('SMS length', () => {
  it('counts GSM-7 septets: 160 in one part, 153 per part after', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters (€, brackets) as two septets', () => {
    expect(smsLength('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength(`${'€'.repeat(80)}a`).segments).toBe(2);
  });

  it('sends Vietnamese with diacritics as UCS-2: 70 in one part, 67 per part after', () => {
    const text = 'Phản ánh của bạn đã được tiếp nhận';
    expect(smsLength(text)).toEqual({ encoding: 'ucs2', units: text.length, segments: 1 });
    expect(smsLength('ạ'.repeat(70)).segments).toBe(1);
    expect(smsLength('ạ'.repeat(71)).segments).toBe(2);
    expect(smsLength('ạ'.repeat(135)).segments).toBe(3);
  });

  it('keeps letters that GSM-7 has (à, é) in GSM-7', () => {
    expect(smsLength('Tà é').encoding).toBe('gsm7');
  });

  it('strips Vietnamese diacritics, đ included, which brings a text back to GSM-7', () => {
    const stripped = stripDiacritics('Đà Nẵng: phản ánh PA-2026-000123 đã được xử lý');
    expect(stripped).toBe('Da Nang: phan anh PA-2026-000123 da duoc xu ly');
    expect(smsLength(stripped).encoding).toBe('gsm7');
  });

  it('compacts blank lines and runs of spaces', () => {
    expect(compactSmsText('  Xin   chào\n\n\n  Đà Nẵng  ')).toBe('Xin chào\nĐà Nẵng');
  });

  it('cuts a long text to the segment budget with an ASCII ellipsis', () => {
    const cut = fitSegments('ạ '.repeat(200), 2);
    expect(smsLength(cut).segments).toBe(2);
    expect(cut.endsWith('...')).toBe(true);
    const gsm = fitSegments('word '.repeat(100), 1);
    expect(smsLength(gsm)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(fitSegments('ngắn', 1)).toBe('ngắn');
  });
});
