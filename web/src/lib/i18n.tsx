import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from './api';

/** Vietnamese first (the default), English second. */
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'citydx.locale';

/** A feature's strings: English must have every key Vietnamese has, so a missing translation fails the type check. */
export type Messages<K extends string> = Readonly<Record<K, string>>;

export function defineMessages<K extends string>(
  vi: Messages<K>,
  en: Messages<K>,
): Readonly<Record<Locale, Messages<K>>> {
  return { vi, en };
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

interface LocaleContextValue {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    // Private browsing or blocked storage: fall back to Vietnamese.
    return 'vi';
  }
}

export function LocaleProvider({ children }: { readonly children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  // Keeps <html lang>, the API's Accept-Language and storage in step with the chosen language, so
  // screen readers switch pronunciation and server messages come back in the same language.
  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLocale(locale);
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setApiLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

/** The strings of `messages` in the current language. */
export function useMessages<K extends string>(messages: Readonly<Record<Locale, Messages<K>>>): Messages<K> {
  return messages[useLocale().locale];
}

/** Picks the current language's text of a `{ vi, en }` pair (e.g. from the API), falling back to Vietnamese. */
export function pick(locale: Locale, text: { readonly vi: string; readonly en?: string | null }): string {
  return locale === 'en' && text.en ? text.en : text.vi;
}
