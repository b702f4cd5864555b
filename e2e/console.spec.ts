import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminEmail, adminPassword, launchBrowser, newContext } from './support/browser';

// Unique per run, so the journey also passes against a platform that already holds earlier runs.
const run = Date.now().toString(36);
const agencyCode = `E2E-${run}`.toUpperCase();
const agencyName = `Trung tâm Chuyển đổi số thử nghiệm ${run}`;
const userName = `Nguyễn Thị Thử ${run}`;
const userEmail = `thu.${run}@example.vn`;
const tokenName = `Đồng bộ dữ liệu ${run}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Opens a console page from the sidebar, as a person would. */
async function openFromSidebar(label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng trang quản trị' })
    .getByRole('link', { name: label })
    .click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Picks an option of a Mantine Select (a combobox with a listbox); a searchable one is typed into first. */
async function choose(
  label: string,
  option: string,
  scope: Page | ReturnType<Page['getByRole']>,
  searchable = false,
): Promise<void> {
  const combobox = scope.getByRole('combobox', { name: label, exact: true });
  await combobox.click();
  if (searchable) await combobox.fill(option);
  await page.getByRole('option', { name: option }).first().click();
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('staff console', () => {
  test('a wrong password shows a readable error', async () => {
    await page.goto('/console');
    await page.waitForURL('**/console/login');
    await page.getByRole('textbox', { name: 'Thư điện tử', exact: true }).fill(adminEmail);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/mật khẩu/i);
    expect(text).not.toMatch(/AUTH_|undefined|\[object/);
  });

  test('the administrator signs in', async () => {
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/console$/);
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
  });

  test('creates an agency', async () => {
    await openFromSidebar('Cơ quan, đơn vị');
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cơ quan' });
    await dialog.getByRole('textbox', { name: 'Mã', exact: true }).fill(agencyCode);
    await dialog.getByRole('textbox', { name: 'Tên tiếng Việt' }).fill(agencyName);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('listitem').filter({ hasText: agencyName }).first().waitFor();
  });

  test('creates a user with a role in that agency', async () => {
    await openFromSidebar('Tài khoản');
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản' });
    await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill(userName);
    await dialog.getByRole('textbox', { name: 'Thư điện tử' }).fill(userEmail);
    await choose('Vai trò 1', 'Cán bộ xử lý', dialog);
    await choose('Cơ quan 1', agencyName, dialog, true);
    await dialog.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // No password was given, so the server made a temporary one, shown once.
    await page.getByText('Mật khẩu tạm thời').first().waitFor();
    const row = page.getByRole('row').filter({ hasText: userEmail });
    await row.waitFor();
    expect(await row.innerText()).toContain('Cán bộ xử lý');
  });

  test('creates and revokes an API token', async () => {
    await openFromSidebar('Khóa API');
    await page.getByRole('textbox', { name: 'Tên khóa' }).fill(tokenName);
    await page.getByRole('button', { name: 'Tạo khóa', exact: true }).click();
    await page.getByText('Hãy sao chép và cất giữ khóa này ngay bây giờ', { exact: false }).waitFor();
    const row = page.getByRole('row').filter({ hasText: tokenName });
    await row.getByText('Còn hiệu lực').waitFor();
    await row.getByRole('button', { name: `Thu hồi: ${tokenName}` }).click();
    await page
      .getByRole('dialog', { name: 'Thu hồi khóa API?' })
      .getByRole('button', { name: 'Thu hồi' })
      .click();
    await row.getByText('Đã thu hồi').waitFor();
  });

  test('sees those actions in the audit log, filtered', async () => {
    await openFromSidebar('Nhật ký hệ thống');
    const filters = page.getByRole('search', { name: 'Bộ lọc nhật ký' });
    const rows = page.getByRole('row');
    const action = filters.getByRole('combobox', { name: 'Hành động' });
    const filterBy = async (prefix: string) => {
      await action.fill(prefix);
      await action.press('Escape');
      await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
    };

    await filterBy('agency.created');
    await rows.filter({ hasText: agencyCode }).filter({ hasText: 'Thêm cơ quan' }).waitFor();

    await filterBy('user.');
    await rows.filter({ hasText: userEmail }).filter({ hasText: 'Tạo tài khoản' }).waitFor();

    await filterBy('auth.token');
    await rows.filter({ hasText: 'Thu hồi khóa API' }).first().waitFor();
    await rows.filter({ hasText: tokenName }).filter({ hasText: 'Tạo khóa API' }).waitFor();
    // The filter really filters: no agency entry among the token entries.
    expect(await rows.filter({ hasText: 'Thêm cơ quan' }).count()).toBe(0);
  });

  test('signs out', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/console/login');
    await page.goto('/console/users');
    await page.waitForURL('**/console/login');
    await page.getByRole('heading', { name: 'Đăng nhập trang quản trị' }).waitFor();
  });
});
