/** Vietnamese first, English second: every user-facing server text comes in both. */
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

export type Localized = Readonly<Record<Locale, string>>;

/** Picks vi or en from an Accept-Language header (or ?lang=), falling back to Vietnamese. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split('-')[0] ?? '', weight: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const match = ranked.find((entry) => (locales as readonly string[]).includes(entry.language));
  return (match?.language as Locale | undefined) ?? defaultLocale;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function translate(text: Localized, locale: Locale, params: Record<string, unknown> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
