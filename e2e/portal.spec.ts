import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminEmail, adminPassword, baseUrl, launchBrowser, newContext } from './support/browser';

interface Summary {
  services: { key: string; label: { vi: string; en: string }; count: number; href: string }[];
}

// Unique per run, so the journey also passes against a platform that already holds these agencies.
const run = Date.now().toString(36);
const parentName = `Ủy ban nhân dân thử nghiệm ${run}`;
const childName = `Sở Thông tin thử nghiệm ${run}`;

let browser: Browser;

/** Creates a parent and a child agency through the API, as an administrator would. */
async function seedAgencyTree(): Promise<void> {
  const context = await newContext(browser);
  const login = await context.request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const parent = await context.request.post('/api/v1/agencies', {
    headers,
    data: { code: `E2E-P-${run}`, nameVi: parentName, kind: 'people_committee' },
  });
  expect(parent.status()).toBe(201);
  const { id } = (await parent.json()) as { id: string };
  const child = await context.request.post('/api/v1/agencies', {
    headers,
    data: {
      code: `E2E-C-${run}`,
      nameVi: childName,
      kind: 'department',
      parentId: id,
      phone: '0236 3822 222',
    },
  });
  expect(child.status()).toBe(201);
  await context.close();
}

async function horizontalOverflow(page: Page): Promise<number> {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  const clientWidth = await page.evaluate<number>('document.documentElement.clientWidth');
  return scrollWidth - clientWidth;
}

beforeAll(async () => {
  browser = await launchBrowser();
  await seedAgencyTree();
});

afterAll(async () => {
  await browser?.close();
});

describe('public portal', () => {
  test('home lists the live services in Vietnamese', async () => {
    const summary = (await (await fetch(`${baseUrl}/api/v1/platform/summary`)).json()) as Summary;
    const page = await (await newContext(browser)).newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Dịch vụ đang có' }).waitFor();
    const tiles = page.getByRole('listitem');
    if (summary.services.length === 0) {
      await page.getByText('Chưa có dịch vụ nào có dữ liệu.').waitFor();
    }
    for (const service of summary.services) {
      const tile = tiles.filter({ hasText: service.label.vi });
      await tile.waitFor();
      expect(await tile.innerText()).toContain(new Intl.NumberFormat('vi-VN').format(service.count));
    }
    // Our seeded agencies make the agencies service exist, so at least that tile is there.
    expect(summary.services.some((service) => service.key === 'agencies')).toBe(true);
    await page.context().close();
  });

  test('switches to English and remembers it', async () => {
    const summary = (await (await fetch(`${baseUrl}/api/v1/platform/summary`)).json()) as Summary;
    const page = await (await newContext(browser)).newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Available services' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const service of summary.services)
      await page.getByRole('listitem').filter({ hasText: service.label.en }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Available services' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Dịch vụ đang có' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.context().close();
  });

  test('agencies page shows the tree and finds an agency without accents', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto('/agencies');
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    const parentItem = page.getByRole('listitem').filter({ hasText: parentName }).first();
    await parentItem.waitFor();
    // The child is a list item nested inside its parent's item.
    await parentItem.getByRole('listitem').filter({ hasText: childName }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm cơ quan' }).fill(`so thong tin thu nghiem ${run}`);
    await page.getByText(childName).waitFor();
    await page.context().close();
  });

  test('a phone-size screen never scrolls sideways and has a menu', async () => {
    const page = await (await newContext(browser, { phone: true })).newPage();
    for (const path of ['/', '/agencies', '/community-teams', '/ioc', '/console/login']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    await page.context().close();
  });
});
