import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminEmail, adminPassword, baseUrl, launchBrowser, newContext } from './support/browser';

// Unique per run, so the journey also passes against a platform that already holds earlier runs.
const run = Date.now().toString(36);
const publisherEmail = `bien.tap.${run}@example.vn`;
const publisherPassword = `E2e-publisher-${run}`;
const datasetTitle = `Điểm phát Wi-Fi công cộng ${run}`;
const populationDataset = 'dan-so-theo-phuong-xa-2024-mau';
const populationTitle = 'Dân số theo phường, xã năm 2024 (mẫu)';
const wifiCsv = [
  'ten_diem,vi_do,kinh_do,luot_truy_cap',
  'Cầu Rồng,16.0611,108.2272,1200',
  'Chợ Hàn,16.0683,108.2244,800',
  'Bãi biển Mỹ Khê,16.0600,108.2470,2000',
  '',
].join('\n');
const brokenCsv = ['ten_diem,luot_truy_cap', 'Cầu Rồng,1200', 'Chợ Hàn,800,thừa', ''].join('\n');

let browser: Browser;

async function horizontalOverflow(page: Page): Promise<number> {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  const clientWidth = await page.evaluate<number>('document.documentElement.clientWidth');
  return scrollWidth - clientWidth;
}

/** A data publisher of the city People's Committee (UBND-DN owns demo datasets), made by the admin. */
async function seedPublisher(): Promise<void> {
  const context = await newContext(browser);
  const login = await context.request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const agencies = await context.request.get('/api/v1/agencies?q=UBND-DN&limit=50');
  const { items } = (await agencies.json()) as { items: { id: string; code: string }[] };
  const agency = items.find((item) => item.code === 'UBND-DN');
  expect(agency).toBeDefined();
  const created = await context.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      email: publisherEmail,
      displayName: `Biên tập viên ${run}`,
      locale: 'vi',
      password: publisherPassword,
      grants: [{ role: 'data_publisher', agencyId: agency?.id }],
    },
  });
  expect(created.status()).toBe(201);
  await context.close();
}

/** Fails with a plain reason when the platform runs without the DataStore (datastore_* unknown). */
async function assertDatastore(): Promise<void> {
  const response = await fetch(`${baseUrl}/api/3/action/datastore_search?resource_id=_table_metadata`);
  if (!response.ok)
    throw new Error(
      `the DataStore is not mounted: datastore_search answered ${response.status} ${await response.text()}`,
    );
}

/** The demo files load into the DataStore in the background after start; wait for the one we use. */
async function waitForDatastore(name: string, seconds = 120): Promise<void> {
  await assertDatastore();
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/3/action/package_show?id=${name}`);
    const body = (await response.json()) as { result?: { resources: { datastore_active: boolean }[] } };
    if (body.result?.resources.some((resource) => resource.datastore_active)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${name} was not loaded into the DataStore after ${seconds}s`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  await seedPublisher();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('open data portal', () => {
  test('the header and the home tile lead to the portal, with topics and figures', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Dữ liệu mở' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Cổng dữ liệu mở' }).waitFor();
    await page.getByRole('link', { name: /Dân số\s*Dân số, lao động/ }).waitFor();
    const figures = page.getByRole('definition');
    await figures.first().waitFor();
    expect(await page.getByRole('term').allInnerTexts()).toContain('Bộ dữ liệu');
    await page.goto('/');
    await page.getByRole('link', { name: 'Xem Bộ dữ liệu mở' }).click();
    await page.waitForURL('**/data');
    await page.context().close();
  });

  test('a visitor searches "dan so" without accents, filters by topic and opens the dataset', async () => {
    await waitForDatastore(populationDataset);
    const page = await (await newContext(browser)).newPage();
    await page.goto('/data');
    const box = page.getByRole('combobox', { name: 'Tìm bộ dữ liệu' });
    await box.fill('dan so');
    // Suggestions come while typing, accents optional.
    await page.getByRole('option', { name: populationTitle }).waitFor();
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/\/data\/search\?q=dan(\+|%20)so/);
    await page.getByRole('heading', { name: /Tìm thấy \d+ bộ dữ liệu cho “dan so”/ }).waitFor();
    const topic = page.getByRole('group', { name: 'Chủ đề' }).getByRole('checkbox', { name: /^Dân số/ });
    await topic.click();
    await page.waitForURL(/groups=population/);
    await expect.poll(() => topic.isChecked()).toBe(true);
    await page.getByRole('link', { name: populationTitle }).click();
    await page.getByRole('heading', { level: 1, name: populationTitle }).waitFor();
    await page.context().close();
  });

  test('the dataset shows its preview table, finds rows without accents and draws a chart', async () => {
    await assertDatastore();
    const page = await (await newContext(browser)).newPage();
    await page.goto(`/data/dataset/${populationDataset}`);
    const table = page.getByRole('table', { name: /Dữ liệu của tệp/ });
    await table.getByRole('cell', { name: 'Hải Châu', exact: true }).waitFor();
    expect(await page.getByText('Creative Commons Attribution 4.0').count()).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Từ cần tìm' }).fill('hai chau');
    await page.getByText('Hiển thị 1–1 / 1').waitFor();
    await table.getByRole('cell', { name: 'Hải Châu', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Từ cần tìm' }).fill('');
    await table.getByRole('button', { name: 'dan_so' }).click();
    await page.locator('th[aria-sort="ascending"]').waitFor();

    await page.getByRole('tab', { name: 'Biểu đồ' }).click();
    const bars = page.getByRole('img', { name: 'Biểu đồ cột: dan_so theo phuong_xa' });
    await bars.waitFor();
    await expect.poll(() => bars.locator('rect').count()).toBe(12);
    // The segmented control's radios are visually hidden; people click their labels.
    await page
      .locator('label')
      .filter({ hasText: /^Đường$/ })
      .click();
    const line = page.getByRole('img', { name: 'Biểu đồ đường: dan_so theo phuong_xa' });
    await line.waitFor();
    await expect.poll(() => line.locator('circle').count()).toBe(12);

    await page.getByRole('tab', { name: 'Từ điển dữ liệu' }).click();
    await page
      .getByRole('table', { name: /Từ điển dữ liệu/ })
      .getByRole('rowheader', { name: 'dan_so' })
      .waitFor();
    const api = await page.locator('section[aria-labelledby="ds-api"]').innerText();
    expect(api).toContain(`${baseUrl}/api/3/action/package_show?id=${populationDataset}`);
    expect(api).toContain('datastore_search?resource_id=');
    await page.context().close();
  });

  test('portal pages never scroll sideways on a phone', async () => {
    const page = await (await newContext(browser, { phone: true })).newPage();
    for (const path of [
      '/data',
      '/data/search?q=dan+so',
      `/data/dataset/${populationDataset}`,
      '/data/stats',
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });

  test('a publisher creates a draft, uploads a CSV, sees it loaded and queryable, and publishes', async () => {
    await assertDatastore();
    const page = await (await newContext(browser)).newPage();
    await page.goto('/console/login');
    await page.getByRole('textbox', { name: 'Thư điện tử', exact: true }).fill(publisherEmail);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(publisherPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/console$/);
    await page
      .getByRole('navigation', { name: 'Điều hướng trang quản trị' })
      .getByRole('link', { name: 'Dữ liệu mở' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Dữ liệu mở' }).waitFor();
    // The agency's demo datasets are listed.
    await page.getByRole('row').filter({ hasText: populationTitle }).waitFor();

    await page.getByRole('link', { name: 'Thêm bộ dữ liệu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thêm bộ dữ liệu' }).waitFor();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    // Nothing typed: the required fields say so.
    expect(await page.getByText('Vui lòng nhập trường này.').count()).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: 'Tên bộ dữ liệu (tiếng Việt)' }).fill(datasetTitle);
    expect(await page.getByRole('textbox', { name: 'Tên rút gọn trong địa chỉ' }).inputValue()).toBe(
      `diem-phat-wi-fi-cong-cong-${run}`,
    );
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.waitForURL(`**/console/data/diem-phat-wi-fi-cong-cong-${run}`);
    await page.getByText('Bản nháp: chỉ người biên tập của cơ quan thấy').waitFor();

    // A broken file: the load fails and names the line.
    await page.locator('input[type=file]').setInputFiles({
      name: 'loi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(brokenCsv),
    });
    await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
    const problems = page.getByRole('table', { name: /Lỗi trong tệp/ });
    await problems.waitFor({ timeout: 90_000 });
    expect(await problems.getByRole('row').nth(1).innerText()).toMatch(/^3\s/);

    // A good file: loaded, then queried back without accents.
    await page.locator('input[type=file]').setInputFiles({
      name: 'wifi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(wifiCsv),
    });
    await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
    await page.getByText('Đã nạp 3 dòng vào kho dữ liệu.').waitFor({ timeout: 90_000 });
    const preview = page.getByRole('table', { name: /Dữ liệu của tệp wifi\.csv/ });
    await preview.getByRole('cell', { name: 'Cầu Rồng' }).waitFor();
    await page.getByRole('searchbox', { name: 'Từ cần tìm' }).fill('cho han');
    await preview.getByRole('cell', { name: 'Chợ Hàn' }).waitFor();
    await preview.getByRole('cell', { name: 'Cầu Rồng' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Bộ dữ liệu đang được công bố trên cổng dữ liệu mở.').waitFor();
    await page.context().close();
  });

  test('anyone finds the published dataset, with its points on the map', async () => {
    await assertDatastore();
    const page = await (await newContext(browser)).newPage();
    await page.goto(`/data/search?q=${encodeURIComponent(`diem phat ${run}`)}`);
    await page.getByRole('link', { name: datasetTitle }).click();
    await page.getByRole('heading', { level: 1, name: datasetTitle }).waitFor();
    // The loaded file is previewed at once (the broken one has no table to show).
    await page.getByRole('heading', { name: 'Khám phá dữ liệu: wifi.csv' }).waitFor();
    await page.getByRole('tab', { name: 'Bản đồ' }).click();
    const map = page.getByRole('region', { name: /Bản đồ 3 điểm theo cột vi_do và kinh_do/ });
    await map.waitFor();
    await expect.poll(() => map.locator('path.leaflet-interactive').count()).toBe(3);
    await page.context().close();
  });
});
