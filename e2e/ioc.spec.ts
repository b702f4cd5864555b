import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminEmail, adminPassword, launchBrowser, newContext } from './support/browser';

// Unique per run, so the journey also passes against a platform that already holds earlier runs.
const run = Date.now().toString(36);
const ruleName = `Mực nước vượt 5 m (e2e ${run})`;
const cameraName = `Camera giao thông e2e ${run}`;
// A water level no sample reaches (the samples stay under 2 m): 7.25 m, shown as "7,25 m" in Vietnamese.
const level = 7 + (Date.now() % 50) / 100;
const levelText = `${String(level).replace('.', ',')} m`;

let browser: Browser;
let admin: APIRequestContext;
let csrf = '';
let deviceToken = '';
let datastreamId = 0;

/** Console errors of a page, but for the map tiles this closed network cannot load. */
function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !/tile\.openstreetmap|ERR_|Failed to load resource/.test(message.text())
    )
      errors.push(message.text());
  });
  return errors;
}

async function horizontalOverflow(page: Page): Promise<number> {
  // A string, evaluated in the page: the e2e project is type-checked without the DOM library.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = (await newContext(browser)).request;
  const login = await admin.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.status()).toBe(200);
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  // The API token an integration would use to write SensorThings observations.
  const token = await admin.post('/api/v1/auth/tokens', {
    headers: { 'X-CSRF-Token': csrf },
    data: { name: `e2e ioc ${run}` },
  });
  expect(token.status(), await token.text()).toBe(201);
  deviceToken = ((await token.json()) as { token: string }).token;
  // The last sample water-level gauge (the first one carries a sample FROZEN rule).
  const streams = await admin.get(
    `/sta/v1.1/Datastreams?$filter=${encodeURIComponent("ObservedProperty/name eq 'waterLevel'")}&$orderby=${encodeURIComponent('id desc')}&$top=1`,
  );
  expect(streams.status()).toBe(200);
  const first = ((await streams.json()) as { value: { '@iot.id': number }[] }).value[0];
  datastreamId = first?.['@iot.id'] ?? 0;
  expect(datastreamId).toBeGreaterThan(0);
});

afterAll(async () => {
  await browser?.close();
});

describe('IOC wall', () => {
  test('a visitor sees the map layers, the key figures and the live status, in Vietnamese and English', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      // Tiles cannot load on this closed network; anything else is a bug.
      if (
        message.type() === 'error' &&
        !/tile\.openstreetmap|ERR_|Failed to load resource/.test(message.text())
      )
        errors.push(message.text());
    });
    await page.goto('/ioc');
    await page
      .getByRole('heading', { level: 1, name: 'Trung tâm giám sát, điều hành đô thị thông minh' })
      .waitFor();
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('live-status').getByText('Trực tiếp').waitFor();

    // Our layers are drawn although no tile loads: 8 sample air stations, 8 water and 8 rain gauges.
    const map = page.getByRole('region', { name: 'Bản đồ giám sát thành phố' });
    await map.waitFor();
    await page.locator('.ioc-value-air').nth(7).waitFor();
    await expect.poll(() => page.locator('.ioc-value-water').count()).toBe(8);
    await expect.poll(() => page.locator('.ioc-value-rain').count()).toBe(8);
    // Visitors get the public cameras only (the 200 sample traffic cameras), clustered.
    await page.getByTestId('layer-count-cameras').getByText('200 điểm').waitFor({ timeout: 20_000 });
    await page.locator('.ioc-cluster').first().waitFor();
    // The server clusters per view: a cluster's click zooms in and the new view's cells are asked for.
    const zoomedIn = page.waitForResponse(
      (response) => /\/devices\/clusters\.geojson\?.*zoom=14/.test(response.url()) && response.ok(),
    );
    await page.locator('.ioc-cluster').first().dispatchEvent('click');
    const cells = (await (await zoomedIn).json()) as { total: number; features: unknown[] };
    expect(cells.total).toBe(200);
    expect(cells.features.length).toBeGreaterThan(0);
    expect(await page.getByTestId('layer-count-incidents').count()).toBe(0);

    // Key figures from the fleet, air-quality, feedback and open-data APIs.
    await page
      .getByTestId('kpi-cameras')
      .getByText(/^\d+(,\d)?%$/)
      .waitFor();
    await page
      .getByTestId('kpi-aqi')
      .getByText(/^\d+ · /)
      .waitFor();
    await page.getByTestId('kpi-datasets').getByText(/^\d+$/).waitFor();
    await page.getByTestId('kpi-feedback').getByText(/^\d+$/).waitFor();
    await page.getByTestId('kpi-incidents').getByRole('link', { name: 'Đăng nhập để xem' }).waitFor();
    await page.getByTestId('sample-notice').waitFor();

    // Choosing a station in the list (no mouse needed) draws its 24 hours.
    await page.getByRole('combobox', { name: 'Chọn trạm cảm biến' }).click();
    await page.getByRole('option', { name: /Trạm đo mực nước mẫu số 1/ }).click();
    await page.getByRole('img', { name: /Mực nước tại Trạm đo mực nước mẫu số 1/ }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Intelligent Operations Centre' }).waitFor();
    await page.getByTestId('live-status').getByText('Live').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the wall fits a phone without scrolling sideways', async () => {
    const page = await (await newContext(browser, { phone: true })).newPage();
    await page.goto('/ioc');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.ioc-value-air').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('an operator sees a new observation arrive live, then the incident its rule raises, and acknowledges it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = trackErrors(page);
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: adminEmail, password: adminPassword },
    });
    expect(login.status()).toBe(200);
    await page.goto('/ioc');
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { level: 2, name: 'Sự cố đang mở' }).waitFor();
    const gauge = page.locator(`[data-datastream="${datastreamId}"]`);
    await gauge.waitFor();
    expect(await gauge.innerText()).not.toBe(levelText);

    // A rule whose threshold the coming value crosses.
    const rule = await admin.post('/api/v1/sensors/alert-rules', {
      headers: { 'X-CSRF-Token': csrf },
      data: { name: ruleName, operator: 'GT', datastreamId, threshold: 5, severity: 'critical' },
    });
    expect(rule.status(), await rule.text()).toBe(201);

    // An integration posts an observation through the SensorThings API with its API token.
    const posted = await admin.post('/sta/v1.1/Observations', {
      headers: { Authorization: `Bearer ${deviceToken}` },
      data: {
        result: level,
        phenomenonTime: new Date().toISOString(),
        Datastream: { '@iot.id': datastreamId },
      },
    });
    expect(posted.status(), await posted.text()).toBe(201);

    // The live feed brings it to the map and the readings list without a reload.
    await page
      .locator(`[data-datastream="${datastreamId}"]`, { hasText: levelText })
      .waitFor({ timeout: 20_000 });
    await page.getByTestId('recent-readings').getByText(levelText).waitFor();

    // The rule raises an incident; the live feed puts it on the list.
    const incident = page.getByTestId('ioc-incident').filter({ hasText: ruleName });
    await incident.waitFor({ timeout: 45_000 });
    await incident.getByText('Mới', { exact: true }).waitFor();

    // A second operator's wall shows the same incident; what the first does reaches it live.
    const otherContext = await newContext(browser);
    const other = await otherContext.newPage();
    const otherErrors = trackErrors(other);
    const otherLogin = await other.request.post('/api/v1/auth/login', {
      data: { email: adminEmail, password: adminPassword },
    });
    expect(otherLogin.status()).toBe(200);
    await other.goto('/ioc');
    await other.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    const otherIncident = other.getByTestId('ioc-incident').filter({ hasText: ruleName });
    await otherIncident.getByText('Mới', { exact: true }).waitFor();

    await incident
      .getByRole('button', { name: new RegExp(`^Xác nhận sự cố: ${ruleName.replace(/[()]/g, '\\$&')}`) })
      .click();
    await incident.getByText('Đã xác nhận', { exact: true }).waitFor();
    await page.getByText('Đã xác nhận sự cố.').waitFor();
    await otherIncident.getByText('Đã xác nhận', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.ioc-incident').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(otherErrors).toEqual([]);
    await otherContext.close();
    await context.close();
  });

  test('the console lists the cameras and registers a new one, showing its token once', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto('/console/login');
    await page.getByRole('textbox', { name: 'Thư điện tử', exact: true }).fill(adminEmail);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/console$/);
    await page
      .getByRole('navigation', { name: 'Điều hướng trang quản trị' })
      .getByRole('link', { name: 'Camera và thiết bị' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Camera và thiết bị' }).waitFor();
    await page
      .getByRole('table')
      .getByText(/\(mẫu\)$/)
      .first()
      .waitFor();
    await page.getByText(/Hiển thị 1–25 \/ \d{5}/).waitFor();

    await page.getByRole('button', { name: 'Thêm thiết bị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm thiết bị hoặc camera' });
    await dialog.getByRole('textbox', { name: 'Tên', exact: true }).fill(cameraName);
    await dialog.getByRole('textbox', { name: 'Vĩ độ' }).fill('16.0678');
    await dialog.getByRole('textbox', { name: 'Kinh độ' }).fill('108.2208');
    await dialog
      .getByRole('textbox', { name: 'Đường dẫn luồng video' })
      .fill('https://camera.example.vn/live/1');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Mã thiết bị (chỉ hiện một lần)', { exact: false }).first().waitFor();
    await page.getByText(/^dvt_\S{20,}$/).waitFor();

    await page.getByRole('searchbox', { name: 'Tìm theo tên' }).fill(`e2e ${run}`);
    await page.getByRole('table').getByText(cameraName).waitFor();
    await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    await page.getByText(/^dvt_/).waitFor({ state: 'detached' });

    // SensorThings stations: search, open one, see its datastreams.
    await page
      .getByRole('navigation', { name: 'Điều hướng trang quản trị' })
      .getByRole('link', { name: 'Trạm cảm biến' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Trạm cảm biến và luồng dữ liệu' }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm theo tên' }).fill('mực nước mẫu số 2');
    await page.getByRole('link', { name: /^Trạm đo mực nước mẫu số 2/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Trạm đo mực nước mẫu số 2/ }).waitFor();
    await page.getByRole('table').getByText('waterLevel', { exact: true }).waitFor();

    // The incident acknowledged on the wall: its history, a comment, then resolved.
    await page
      .getByRole('navigation', { name: 'Điều hướng trang quản trị' })
      .getByRole('link', { name: 'Sự cố IOC' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sự cố' }).waitFor();
    await page.getByRole('link', { name: ruleName }).click();
    await page.getByRole('heading', { level: 1, name: `Sự cố: ${ruleName}` }).waitFor();
    await page.getByRole('region', { name: 'Diễn biến' }).getByText('Xác nhận', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Nội dung ghi chú' }).fill(`Đã cử đội kiểm tra (${run})`);
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.getByRole('region', { name: 'Diễn biến' }).getByText(`Đã cử đội kiểm tra (${run})`).waitFor();
    await page.getByRole('button', { name: 'Đóng sự cố (đã xử lý xong)' }).click();
    await page.getByText('Đã xử lý xong', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
