import type { Locale } from '../../../platform/i18n/locale';
import { escapeHtml } from '../channels/email-html';

const texts = {
  vi: {
    title: 'Đã hủy nhận thông báo',
    all: 'Địa chỉ {address} sẽ không nhận thêm thông báo nào qua kênh này.',
    topic: 'Địa chỉ {address} sẽ không nhận thêm thông báo loại “{topic}”.',
    undo: 'Nếu đây là nhầm lẫn, vui lòng liên hệ tổng đài 1022 để đăng ký lại.',
  },
  en: {
    title: 'Unsubscribed',
    all: '{address} will receive no more notifications on this channel.',
    topic: '{address} will receive no more “{topic}” notifications.',
    undo: 'If this was a mistake, call 1022 to subscribe again.',
  },
} as const;

/** The confirmation a citizen sees after opening the opt-out link of an e-mail. */
export function optOutPage(locale: Locale, result: { address: string; topic: string }): string {
  const t = texts[locale];
  const sentence = (result.topic === '*' ? t.all : t.topic)
    .replace('{address}', escapeHtml(result.address))
    .replace('{topic}', escapeHtml(result.topic));
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${t.title}</h1>
<p>${sentence}</p>
<p>${t.undo}</p>
</body></html>`;
}
