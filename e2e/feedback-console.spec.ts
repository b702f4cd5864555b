import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminEmail, adminPassword, baseUrl, launchBrowser, newContext } from './support/browser';

// Unique per run, so the journey also passes against a platform that already holds earlier runs.
const run = Date.now().toString(36);
const password = `e2e-${run}-mật-khẩu`;
const operatorEmail = `tongdai.${run}@example.vn`;
const officerEmail = `canbo.${run}@example.vn`;
const callerPhone = `0905${String(Date.now()).slice(-6)}`;
const description = `Ổ gà lớn giữa đường Bạch Đằng, xe máy dễ té ngã (${run})`;
const answer = `Đã vá ổ gà và cắm biển cảnh báo trong ngày (${run}).`;
// An 8×8 PNG: the server re-encodes every photo, so it must be a real image.
const fixPhoto = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMLQkAkL9BAaxyLUcAAAAASUVORK5CYII=',
  'base64',
);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: APIRequestContext;
let trackingCode = '';
let suggestedAgency = '';

/** The administrator's API session (cookie + CSRF), to create the staff accounts the journey needs. */
async function adminApi(): Promise<{ request: APIRequestContext; csrf: string }> {
  const request = (await newContext(browser)).request;
  const login = await request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { request, csrf: csrfToken };
}

async function createStaff(
  email: string,
  displayName: string,
  grant: { role: string; agencyId: string | null },
): Promise<void> {
  const { request, csrf } = await adminApi();
  const created = await request.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': csrf },
    data: { email, displayName, locale: 'vi', password, grants: [grant] },
  });
  expect(created.status(), await created.text()).toBe(201);
}

async function signIn(email: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByRole('textbox', { name: 'Thư điện tử', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/console$/);
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL('**/console/login');
}

async function openFromSidebar(label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng trang quản trị' })
    .getByRole('link', { name: label })
    .click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Finds the report by its code in a list page and opens it. */
async function openReport(): Promise<void> {
  await page.getByRole('searchbox', { name: 'Mã phản ánh hoặc nội dung' }).fill(trackingCode);
  await page.getByRole('link', { name: trackingCode, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Phản ánh ${trackingCode}` }).waitFor();
}

async function waitForStatus(label: string): Promise<void> {
  await page.getByLabel('Thông tin phản ánh').waitFor();
  await page.locator('main').getByText(label, { exact: true }).first().waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  admin = (await adminApi()).request;
  await createStaff(operatorEmail, `Điều hành viên ${run}`, { role: 'call_center_operator', agencyId: null });
});

afterAll(async () => {
  await browser?.close();
});

describe('feedback 1022 console', () => {
  test('an operator records a phoned-in report and reads the code to the caller', async () => {
    await signIn(operatorEmail);
    await openFromSidebar('Tiếp nhận cuộc gọi 1022');
    const phone = page.getByRole('textbox', { name: 'Số điện thoại người gọi' });
    await phone.fill(callerPhone);
    await phone.press('Enter');
    await page.getByText('Số này chưa có phản ánh nào.').waitFor();

    await page.getByRole('textbox', { name: 'Họ tên người gọi' }).fill('Trần Văn Gọi');
    await page.getByRole('checkbox', { name: /Người gọi đồng ý/ }).check();
    const category = page.getByRole('combobox', { name: 'Lĩnh vực', exact: true });
    await category.fill('Giao thông');
    await page.getByRole('option', { name: 'Giao thông' }).first().click();
    await page.getByRole('textbox', { name: 'Nội dung phản ánh' }).fill(description);
    await page.getByRole('textbox', { name: 'Địa chỉ', exact: true }).fill('Đường Bạch Đằng, Hải Châu');
    // A pin dropped on the map fills the coordinates (the map works without tiles).
    await page.getByRole('region', { name: 'Bản đồ chọn vị trí phản ánh' }).click();
    expect(await page.getByRole('textbox', { name: 'Vĩ độ' }).inputValue()).toMatch(/^16\.\d+/);
    // Ctrl+Enter records it without leaving the keyboard.
    await page.getByRole('textbox', { name: 'Nội dung phản ánh' }).press('Control+Enter');

    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    trackingCode = /PA-\d{4}-\d+/.exec(await code.innerText())?.[0] ?? '';
    expect(trackingCode).not.toBe('');

    // The caller's number now finds the report.
    await page.getByRole('button', { name: 'Cuộc gọi mới' }).click();
    await phone.fill(callerPhone);
    await phone.press('Enter');
    await page.getByRole('link', { name: trackingCode, exact: true }).waitFor();
  });

  test('the operator routes it from the inbox to the suggested agency', async () => {
    await openFromSidebar('Hộp thư phản ánh 1022');
    await openReport();
    await waitForStatus('Đã phân loại');
    // A wrong merge target is refused with a sentence, not a code or a crash.
    await page.getByRole('textbox', { name: 'Mã phản ánh gốc' }).fill('PA-2026-999999');
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Không thể gộp' });
    await refusal.waitFor();
    expect(await refusal.innerText()).not.toMatch(/FEEDBACK_|undefined|\[object/);
    const suggestion = page.getByText(/^Gợi ý theo bảng phân công: /);
    await suggestion.waitFor();
    suggestedAgency = (await suggestion.innerText()).replace('Gợi ý theo bảng phân công: ', '').trim();
    expect(suggestedAgency).not.toBe('');
    await page.getByRole('button', { name: 'Chuyển theo gợi ý' }).click();
    await waitForStatus('Đã chuyển cơ quan');
    await page.getByText('Chuyển cơ quan xử lý', { exact: true }).first().waitFor();
    expect(await page.getByLabel('Thông tin phản ánh').innerText()).toContain(suggestedAgency);
    await signOut();
  });

  test("an officer of that agency answers it from the agency's queue", async () => {
    const found = await admin.get('/api/v1/feedback/hub/inbox', { params: { q: trackingCode } });
    const [report] = ((await found.json()) as { items: { agencyId: string }[] }).items;
    expect(report?.agencyId).toBeTruthy();
    await createStaff(officerEmail, `Cán bộ ${run}`, { role: 'officer', agencyId: report?.agencyId ?? null });

    await signIn(officerEmail);
    await openFromSidebar('Phản ánh giao cơ quan');
    await openReport();
    await page.getByRole('button', { name: 'Tiếp nhận xử lý' }).click();
    await waitForStatus('Đang xử lý');
    await page.getByRole('textbox', { name: 'Nội dung trả lời' }).fill(answer);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'sau-khi-va.png', mimeType: 'image/png', buffer: fixPhoto });
    await page.getByRole('button', { name: 'Gửi trả lời để Tổng đài duyệt' }).click();
    await waitForStatus('Chờ duyệt trả lời');
    await page.getByRole('img', { name: /Ảnh kết quả xử lý/ }).waitFor();
    await signOut();
  });

  test('the operator approves the answer and the report is published', async () => {
    await signIn(operatorEmail);
    await openFromSidebar('Hộp thư phản ánh 1022');
    await openReport();
    await page.getByRole('heading', { name: 'Duyệt trả lời của cơ quan' }).waitFor();
    await page.getByRole('button', { name: 'Duyệt và công khai' }).click();
    await waitForStatus('Đã công khai trả lời');
    expect(await page.getByTestId('report-answer').innerText()).toBe(answer);

    // Anyone can now read the answer by the tracking code.
    const published = await fetch(`${baseUrl}/api/v1/feedback/reports/${trackingCode}`);
    const body = (await published.json()) as { status: string; answer: string; description: string };
    expect(body).toMatchObject({ status: 'published', answer, description });
  });
});
