import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** The platform under test, started by scripts/test-e2e.mjs. */
export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const adminEmail = 'admin@citydx.local';
export const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? '';

/**
 * Debian's Chromium, headless. The flags keep it from reaching for Google services, which this
 * machine's closed network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context that speaks Vietnamese (the default) or English, at desktop or phone size. */
export async function newContext(
  browser: Browser,
  options: { locale?: 'vi-VN' | 'en-US'; phone?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'vi-VN',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
  });
}
