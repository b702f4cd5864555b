import { locales, type Locale } from '../../../platform/i18n/locale';
import type { ChannelName, TemplateSet, TemplateText } from '../notify.types';
import { compactSmsText, fitSegments, smsLength, stripDiacritics } from './sms-text';

export interface RenderOptions {
  /** Where the recipient stops this topic; e-mails carry it in a footer. */
  readonly optOutUrl: string | null;
  readonly smsStripDiacritics: boolean;
  readonly smsMaxSegments: number;
}

export interface RenderedMessage {
  readonly subject: string | null;
  readonly body: string;
  readonly smsSegments: number | null;
}

// Zalo OA text messages are limited in length; longer texts are cut rather than refused by Zalo.
const ZALO_MAX_CHARS = 2000;
const SUBJECT_MAX_CHARS = 200;

const emailFooter: Record<Locale, string> = {
  vi: 'Bạn không muốn nhận loại thông báo này nữa? Mở liên kết: {url}',
  en: 'Rather not receive this kind of message? Open: {url}',
};

/** Fills `{name}` placeholders; unknown ones stay visible so that a missing value is noticed. */
export function fillPlaceholders(text: string, params: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params && params[key] !== undefined && params[key] !== null ? String(params[key]) : whole,
  );
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim().length > 0) ?? '').trim();
}

/**
 * The message templates every module registers (`feedback.status_changed` …), each in Vietnamese and
 * English, rendered per channel: e-mail gets a subject and a footer with the opt-out link, SMS a compact
 * text that fits its segment budget, Zalo a text within Zalo's limit.
 */
export class TemplateRegistry {
  readonly #templates = new Map<string, Readonly<Record<Locale, TemplateText>>>();

  register(templates: TemplateSet): void {
    for (const [key, texts] of Object.entries(templates)) {
      if (this.#templates.has(key)) throw new Error(`notify template ${key} is registered twice`);
      for (const locale of locales) {
        if (!texts[locale]?.text) throw new Error(`notify template ${key} has no ${locale} text`);
      }
      this.#templates.set(key, texts);
    }
  }

  has(key: string): boolean {
    return this.#templates.has(key);
  }

  keys(): string[] {
    return [...this.#templates.keys()].sort();
  }

  render(
    key: string,
    channel: ChannelName,
    locale: Locale,
    params: Readonly<Record<string, unknown>>,
    options: RenderOptions,
  ): RenderedMessage {
    const template = this.#templates.get(key)?.[locale];
    if (!template) throw new Error(`notify template ${key} is not registered`);
    if (channel === 'email') return this.#email(template, locale, params, options.optOutUrl);
    if (channel === 'sms') return this.#sms(template, params, options);
    const text = fillPlaceholders((channel === 'zalo' ? template.zalo : undefined) ?? template.text, params);
    return {
      subject: null,
      body: channel === 'zalo' ? text.slice(0, ZALO_MAX_CHARS) : text,
      smsSegments: null,
    };
  }

  #email(
    template: TemplateText,
    locale: Locale,
    params: Readonly<Record<string, unknown>>,
    optOutUrl: string | null,
  ): RenderedMessage {
    const text = fillPlaceholders(template.text, params);
    const subject = template.subject ? fillPlaceholders(template.subject, params) : firstLine(text);
    const footer = optOutUrl ? `\n\n--\n${fillPlaceholders(emailFooter[locale], { url: optOutUrl })}` : '';
    return {
      // A header may not contain line breaks.
      subject: subject.replace(/\s+/g, ' ').slice(0, SUBJECT_MAX_CHARS),
      body: `${text}${footer}`,
      smsSegments: null,
    };
  }

  #sms(
    template: TemplateText,
    params: Readonly<Record<string, unknown>>,
    options: RenderOptions,
  ): RenderedMessage {
    let text = compactSmsText(fillPlaceholders(template.sms ?? template.text, params));
    if (options.smsStripDiacritics) text = stripDiacritics(text);
    text = fitSegments(text, options.smsMaxSegments);
    return { subject: null, body: text, smsSegments: smsLength(text).segments };
  }
}
