import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminEmail, adminPassword, launchBrowser, newContext } from './support/browser';

// Unique per run, so the journey also passes against a platform that already holds earlier runs.
const run = Date.now().toString(36);
const description = `Rác thải tồn đọng nhiều ngày trước chợ Hàn, bốc mùi (e2e ${run})`;
const answer = `Đã thu gom rác và nhắc nhở tiểu thương giữ vệ sinh (e2e ${run}).`;
const categoryName = 'Vệ sinh môi trường';
// A 1×1 PNG: small enough to type in, a real image for the server's checks and re-encoding.
const pixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
/** The citizen's phone: it keeps the owner token the report returned, to rate the answer later. */
let citizen: BrowserContext;
let trackingCode = '';

async function horizontalOverflow(page: Page): Promise<number> {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  const clientWidth = await page.evaluate<number>('document.documentElement.clientWidth');
  return scrollWidth - clientWidth;
}

/** The admin's session for the staff side, driven through the HTTP API. */
async function staffApi(context: BrowserContext) {
  const login = await context.request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const request: APIRequestContext = context.request;
  return async function post(path: string, data: object): Promise<{ status: string; id: string }> {
    const response = await request.post(`/api/v1/feedback${path}`, {
      headers: { 'x-csrf-token': csrfToken },
      data,
    });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    return (await response.json()) as { status: string; id: string };
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  citizen = await newContext(browser, { phone: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a citizen reports a problem, the city answers, the citizen rates the answer', () => {
  test('on a phone, the citizen files a report with a map pin and a contact and gets a tracking code', async () => {
    const page = await citizen.newPage();
    await page.goto('/feedback/new');
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    // Nothing filled: the form says what is missing instead of sending.
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    await page.getByText('Hãy đặt ghim trên bản đồ hoặc nhập địa chỉ.').waitFor();

    await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
    await page.getByRole('option', { name: categoryName }).click();
    await page.getByText('Thời hạn trả lời: 3 ngày làm việc.').waitFor();
    await page.getByRole('textbox', { name: 'Mô tả' }).fill(description);
    // The map works without tiles (this network has none): a tap drops the pin.
    const map = page.getByRole('region', { name: 'Bản đồ chọn vị trí phản ánh' });
    await map.scrollIntoViewIfNeeded();
    await map.click({ position: { x: 150, y: 120 } });
    await page.getByText(/^Đã đặt ghim: 16\.\d+, 108\.\d+$/).waitFor();
    await expect.poll(() => map.locator('path.leaflet-interactive').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('Trước cổng chợ Hàn, đường Trần Phú');

    // A photo is taken; a file that is not a photo is refused at once, before any upload.
    await page.locator('input[type=file]').setInputFiles([
      { name: 'rac.png', mimeType: 'image/png', buffer: pixelPng },
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') },
    ]);
    await page.getByText('ghi-chu.txt: chỉ nhận ảnh JPEG, PNG hoặc WebP.').waitFor();
    await page.getByRole('button', { name: 'Bỏ ảnh rac.png' }).waitFor();

    // A contact without consent is refused on the page, as the server would.
    await page.getByRole('textbox', { name: 'Thư điện tử' }).fill(`cong.dan.${run}@example.vn`);
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    await page.getByText('Cần đồng ý để gửi kèm thông tin liên hệ').waitFor();
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();

    await page.getByRole('heading', { name: 'Đã gửi phản ánh' }).waitFor();
    trackingCode = (await page.getByTestId('tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^PA-\d{4}-\d{6,}$/);
    await page.getByText('Đã gửi kèm 1 ảnh.').waitFor();
    await page.getByRole('link', { name: 'Theo dõi phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${trackingCode}` }).waitFor();
    await page.getByText('Đã tiếp nhận', { exact: true }).first().waitFor();
    // Not answered yet: nothing to rate, and the text stays private until the hub publishes it.
    await page.getByText('Bạn có thể đánh giá khi phản ánh có kết quả trả lời được công bố.').waitFor();
    expect(await page.getByText(description).count()).toBe(0);
    await page.close();
  });

  test('a second citizen typing the same problem nearby is offered to follow the first report', async () => {
    const page = await (await newContext(browser, { phone: true })).newPage();
    await page.goto('/feedback/new');
    await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
    await page.getByRole('option', { name: categoryName }).click();
    await page.getByRole('textbox', { name: 'Mô tả' }).fill('Rác thải tồn đọng trước chợ Hàn');
    // The same phone-sized map and the same tap as the first citizen: the same place.
    const region = page.getByRole('region', { name: 'Bản đồ chọn vị trí phản ánh' });
    await region.scrollIntoViewIfNeeded();
    await region.click({ position: { x: 150, y: 120 } });
    const similar = page.getByRole('region', { name: 'Có thể đã có người phản ánh việc này' });
    await similar.waitFor();
    const first = similar.getByRole('article', { name: trackingCode });
    await first.getByRole('button', { name: 'Theo dõi phản ánh này' }).click();
    await first.getByRole('textbox', { name: 'Thư điện tử' }).fill(`theo.doi.${run}@example.vn`);
    await first.getByRole('button', { name: 'Theo dõi', exact: true }).click();
    await first.getByText(`Bạn sẽ nhận thông báo khi phản ánh ${trackingCode} có tiến triển.`).waitFor();
    await page.context().close();
  });

  test('the hub classifies and transfers it, the agency answers, the hub publishes the answer', async () => {
    const context = await newContext(browser);
    const post = await staffApi(context);
    const inbox = await context.request.get(`/api/v1/feedback/hub/inbox?q=${trackingCode}`);
    const { items } = (await inbox.json()) as { items: { id: string; trackingCode: string }[] };
    const report = items.find((item) => item.trackingCode === trackingCode);
    expect(report).toBeDefined();
    const id = report?.id ?? '';
    expect((await post(`/hub/reports/${id}/classify`, { categoryCode: 've-sinh-moi-truong' })).status).toBe(
      'classified',
    );
    expect((await post(`/hub/reports/${id}/transfer`, {})).status).toBe('assigned');
    expect((await post(`/agency/reports/${id}/accept`, {})).status).toBe('in_progress');
    expect((await post(`/agency/reports/${id}/respond`, { answer })).status).toBe('answered');
    expect((await post(`/hub/reports/${id}/review`, { decision: 'approve' })).status).toBe('published');
    await context.close();
  });

  test('someone else sees the answer but cannot rate it', async () => {
    const page = await (await newContext(browser, { locale: 'en-US' })).newPage();
    await page.goto('/feedback/track');
    await page.getByRole('textbox', { name: 'Mã phản ánh' }).fill(trackingCode.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${trackingCode}` }).waitFor();
    await page.getByRole('region', { name: 'Kết quả trả lời' }).getByText(answer).waitFor();
    await page.getByText(/Chỉ người gửi phản ánh đánh giá được kết quả/).waitFor();
    // An unknown code says so plainly.
    await page.goto('/feedback/reports/PA-2099-999999');
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy phản ánh PA-2099-999999' }).waitFor();
    await page.context().close();
  });

  test('on the same phone, the citizen reads the answer and rates it satisfied', async () => {
    const page = await citizen.newPage();
    await page.goto(`/feedback/reports/${trackingCode}`);
    await page.getByRole('region', { name: 'Kết quả trả lời' }).getByText(answer).waitFor();
    await page.getByText(description).waitFor();
    const timeline = page.getByRole('list').filter({ hasText: 'Công bố kết quả trả lời' });
    await timeline.getByText('Tiếp nhận phản ánh', { exact: true }).waitFor();
    await timeline.getByText('Chuyển cơ quan xử lý', { exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page.getByRole('textbox', { name: 'Góp ý thêm (không bắt buộc)' }).fill('Xử lý nhanh, cảm ơn.');
    // Published: the citizen's photo is public now (the copy without EXIF).
    await page.getByRole('img', { name: `Ảnh 1 của phản ánh ${trackingCode}` }).waitFor();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Đã ghi nhận đánh giá: Hài lòng. Cảm ơn bạn!').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.reload();
    await page.getByText('Kết quả này đã được đánh giá: Hài lòng.').waitFor();
    await page.getByText('Đã kết thúc', { exact: true }).first().waitFor();
    const tracked = (await (await page.request.get(`/api/v1/feedback/reports/${trackingCode}`)).json()) as {
      status: string;
      rating: string;
    };
    expect(tracked).toMatchObject({ status: 'closed', rating: 'satisfied' });
    await page.close();
  });
});

describe('the public board and the league table', () => {
  test('the header leads to the board; filters narrow the list, page on, and say when nothing matches', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Xem Phản ánh đã trả lời công khai' }).click();
    await page.waitForURL(/\/feedback$/);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Phản ánh 1022' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị 1022' }).waitFor();
    await page
      .getByRole('region', { name: 'Bản đồ phản ánh đã trả lời' })
      .locator('path.leaflet-interactive')
      .first()
      .waitFor();
    const list = page.locator('section[aria-labelledby="board-list-title"]');
    // The list keeps the previous page on screen while the next loads (aria-busy): wait it out.
    const settled = page.locator('section[aria-labelledby="board-list-title"][aria-busy="false"]');
    await list.getByRole('listitem').first().waitFor();
    // Reporters' contacts never reach the board.
    expect(await page.locator('body').innerText()).not.toContain('@example.vn');

    await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
    await Promise.all([
      page.waitForResponse((response) =>
        response.url().includes('/board/reports?category=ve-sinh-moi-truong'),
      ),
      page.getByRole('option', { name: categoryName }).click(),
    ]);
    await page.waitForURL(/category=ve-sinh-moi-truong/);
    await settled.getByRole('listitem').first().waitFor();
    const texts = await list.getByRole('listitem').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain(categoryName);

    await page.getByRole('combobox', { name: 'Trạng thái' }).click();
    await Promise.all([
      page.waitForResponse((response) => /\/board\/reports\?.*status=closed/.test(response.url())),
      page.getByRole('option', { name: 'Đã kết thúc' }).click(),
    ]);
    await page.waitForURL(/status=closed/);
    await settled.getByText(/^Hiển thị 1–/).waitFor();
    const statusTexts = await list.getByRole('listitem').allInnerTexts();
    for (const text of statusTexts) expect(text).toContain('Đã kết thúc');

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL(/\/feedback$/);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('button', { name: '2' }).click();
    await page.waitForURL(/offset=20/);
    await page.getByText(/^Hiển thị 21–40/).waitFor();

    await page.getByLabel('Tiếp nhận từ ngày').fill('2099-01-01');
    await page.getByText('Chưa có phản ánh nào được trả lời công khai với bộ lọc này.').waitFor();
    await page.context().close();
  });

  test('the league table ranks the agencies with a chart and a table, also on a phone', async () => {
    const page = await (await newContext(browser, { phone: true })).newPage();
    await page.goto('/feedback/agencies');
    await page.getByRole('heading', { level: 1, name: 'Xếp hạng cơ quan' }).waitFor();
    const chart = page.getByRole('list', { name: 'Tỉ lệ trả lời đúng hạn của các cơ quan (%)' });
    await chart.getByRole('listitem').first().waitFor();
    const table = page.getByRole('table', { name: 'Bảng xếp hạng các cơ quan' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Hạng',
      'Cơ quan xử lý',
      'Tiếp nhận',
      'Đúng hạn',
      'Trễ hạn',
      'Đang xử lý',
      '% đúng hạn',
      'Lượt đánh giá',
      '% hài lòng',
    ]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('combobox', { name: 'Khoảng thời gian' }).selectOption('last365');
    await rows.nth(1).waitFor();
    for (const path of ['/feedback', '/feedback/new', '/feedback/track']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});
