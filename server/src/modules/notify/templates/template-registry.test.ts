import { describe, expect, it } from 'vitest';
import { TemplateRegistry } from './template-registry';

const render = { optOutUrl: null, smsStripDiacritics: false, smsMaxSegments: 4 };

function registry(): TemplateRegistry {
  const templates = new TemplateRegistry();
  templates.register({
    'feedback.received': {
      vi: {
        subject: 'Đã tiếp nhận phản ánh {code}',
        text: 'Xin chào {name},\n\nPhản ánh {code} của bạn đã được tiếp nhận.',
        sms: 'Phản ánh {code} đã được tiếp nhận.   Tra cứu: gửi TRACUU {code}',
      },
      en: { text: 'Hello {name},\n\nYour report {code} was received.' },
    },
  });
  return templates;
}

describe('templates', () => {
  it('renders an e-mail with its subject and the opt-out footer in the recipient language', () => {
    const mail = registry().render(
      'feedback.received',
      'email',
      'vi',
      { name: 'Lan', code: 'PA-1' },
      {
        ...render,
        optOutUrl: 'https://city.example/opt-out?token=t',
      },
    );
    expect(mail.subject).toBe('Đã tiếp nhận phản ánh PA-1');
    expect(mail.body).toBe(
      'Xin chào Lan,\n\nPhản ánh PA-1 của bạn đã được tiếp nhận.\n\n--\nBạn không muốn nhận loại thông báo này nữa? Mở liên kết: https://city.example/opt-out?token=t',
    );
  });

  it('takes the first line as subject when the template has none', () => {
    const mail = registry().render('feedback.received', 'email', 'en', { name: 'Lan', code: 'PA-1' }, render);
    expect(mail.subject).toBe('Hello Lan,');
  });

  it('renders the short SMS text, compacted, with its segment count', () => {
    const sms = registry().render('feedback.received', 'sms', 'vi', { code: 'PA-1' }, render);
    expect(sms).toEqual({
      subject: null,
      body: 'Phản ánh PA-1 đã được tiếp nhận. Tra cứu: gửi TRACUU PA-1',
      smsSegments: 1,
    });
    const ascii = registry().render(
      'feedback.received',
      'sms',
      'vi',
      { code: 'PA-1' },
      { ...render, smsStripDiacritics: true },
    );
    expect(ascii.body).toBe('Phan anh PA-1 da duoc tiep nhan. Tra cuu: gui TRACUU PA-1');
  });

  it('falls back to the text on Zalo and keeps unknown placeholders visible', () => {
    const zalo = registry().render('feedback.received', 'zalo', 'en', { code: 'PA-1' }, render);
    expect(zalo.body).toBe('Hello {name},\n\nYour report PA-1 was received.');
  });

  it('refuses a key registered twice or a template without both languages', () => {
    const templates = registry();
    expect(() =>
      templates.register({ 'feedback.received': { vi: { text: 'a' }, en: { text: 'b' } } }),
    ).toThrow(/twice/);
    expect(() => templates.register({ 'feedback.other': { vi: { text: 'a' }, en: { text: '' } } })).toThrow(
      /no en text/,
    );
    expect(() => templates.render('nope', 'sms', 'vi', {}, render)).toThrow(/not registered/);
  });
});
