/**
 * 在线缴费 end to end on the web portal: the demo owner pays last month's bills through the
 * gateway's fake WeChat Pay and gets the receipt; the cashier then finds that receipt in 当日收款.
 * Its own gateway (a child process) on its own database, so it runs beside portal.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { e2eDatabase } from './support/database';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process';
import { ensurePortalBuilt, REPO_ROOT } from './support/portal';
import { currentPage, fenOf, newPortalPage, openFromHome, pageErrors, ROUTES, signInWithPassword } from './support/portal-page';

const ARTIFACTS = path.join(REPO_ROOT, 'test', '.artifacts');
const OWNER = { phone: '13800000001', name: '张伟', room: 'A-2-1503' };
const CASHIER = { account: 'cashier' };
const DEMO_PASSWORD = 'demo1234';
const database = e2eDatabase('pay');

/** Asia/Shanghai (no daylight saving): today's date and last month, as the seed and the app see them */
function shanghaiNow(): { today: string; lastPeriod: string } {
  const text = new Date(Date.now() + 8 * 3600_000).toISOString();
  const [y, m] = text.slice(0, 7).split('-').map(Number);
  const index = y * 12 + (m - 1) - 1;
  return { today: text.slice(0, 10), lastPeriod: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` };
}

let gateway: GatewayProcess;
let browser: Browser;
const pages: Page[] = [];

async function open(): Promise<Page> {
  const page = await newPortalPage(browser, gateway.url);
  pages.push(page);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

beforeAll(async () => {
  ensurePortalBuilt();
  await database.recreate();
  const started = await Promise.allSettled([
    startGatewayProcess(database.url).then((g) => (gateway = g)),
    launchChromium().then((b) => (browser = b)),
  ]);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
}, 180_000);

afterEach(async () => {
  const opened = pages.splice(0);
  for (const page of opened) await page.context().close();
  for (const page of opened) expect(pageErrors(page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await database.drop();
}, 30_000);

describe('在线缴费 and 当日收款', () => {
  it('the owner pays last month online and gets a receipt; the cashier sees it in today\'s collections', async () => {
    const { today, lastPeriod } = shanghaiNow();

    // ── the owner: 我的账单 of A-2-1503, last month's open lines with their formulas
    const owner = await open();
    await signInWithPassword(owner, OWNER.phone, DEMO_PASSWORD);
    const bills = await openFromHome(owner, 'bills', ROUTES.bills, '#bill-periods');
    await expect(bills.locator('#bills-no-rooms').count()).resolves.toBe(0);
    await expect(bills.locator('.bill-period').evaluateAll((els) => els.map((e) => e.getAttribute('data-period')))).resolves.toEqual([lastPeriod]);
    const lines = bills.locator('.bill-line');
    expect(await lines.count()).toBeGreaterThanOrEqual(2);
    const explanations = await bills.locator('.bill-line__explanation').allTextContents();
    expect(explanations.some((e) => e.includes('89.50㎡ × 2.80元/㎡/月'))).toBe(true);
    // every open line is ticked at first, and 缴费 charges their sum
    await expect(bills.locator('.bill-line--checked').count()).resolves.toBe(await lines.count());
    const totalText = (await bills.locator('#bills-total').textContent())!;
    const totalFen = fenOf(totalText);
    expect(totalFen).toBeGreaterThan(0);
    await expect(bills.locator('#bills-pay').textContent()).resolves.toContain(totalText);

    // ── pay: the fake WeChat Pay confirms, the app polls the order until PAID and opens the receipt
    await bills.locator('#bills-pay').click();
    const receipt = currentPage(owner, ROUTES.receipt);
    await receipt.locator('#receipt').waitFor({ timeout: 30_000 });
    const receiptNo = (await receipt.locator('#receipt-no').textContent())!;
    expect(receiptNo).toMatch(new RegExp(`^${today.slice(0, 4)}-\\d{6}$`));
    await expect(receipt.locator('#receipt-amount').textContent()).resolves.toBe(totalText);
    await expect(receipt.locator('#receipt-method').textContent()).resolves.toBe('微信支付');
    await expect(receipt.locator('#receipt-room').textContent()).resolves.toContain(OWNER.room);
    await expect(receipt.locator('#receipt-stamp').textContent()).resolves.toBe('收讫');
    // the success toast fades after 1.5 s
    await owner.locator('.taro__toast').waitFor({ state: 'hidden' }).catch(() => undefined);
    await screenshot(owner, 'payment-receipt.png');

    // ── the cashier, in a browser context of their own: 当日收款 lists the receipt and counts it
    const cashier = await open();
    await signInWithPassword(cashier, CASHIER.account, DEMO_PASSWORD);
    const daily = await openFromHome(cashier, 'dailyPayments', ROUTES.dailyPayments, '#daily-payments');
    await expect(daily.locator('#daily-date-value').textContent()).resolves.toBe(today);
    const row = daily.locator(`.daily-payment[data-receipt-no="${receiptNo}"]`);
    await expect(row.locator('.daily-payment__no').textContent()).resolves.toBe(receiptNo);
    await expect(row.locator('.daily-payment__amount').textContent()).resolves.toBe(totalText);
    await expect(row.locator('.daily-payment__room').textContent()).resolves.toBe(OWNER.room);
    await expect(row.locator('.daily-payment__method').textContent()).resolves.toBe('微信支付');
    // the total is every receipt of the day (the demo seed paid an older month at the desk today too)
    const amounts = (await daily.locator('.daily-payment__amount').allTextContents()).map(fenOf);
    expect(amounts).toContain(totalFen);
    await expect(daily.locator('.daily-total').textContent().then(fenOf)).resolves.toBe(amounts.reduce((s, a) => s + a, 0));
    await expect(daily.locator('#daily-count').textContent()).resolves.toBe(`共 ${amounts.length} 笔`);
    await expect(daily.locator('#daily-method-WECHAT .daily-method__total').textContent()).resolves.toBe(totalText);
    await screenshot(cashier, 'daily-payments.png');

    // a day earlier has none of today's receipts
    await daily.locator('#daily-date-prev').click();
    await daily.locator('#daily-empty').waitFor();
    await expect(daily.locator('.daily-total').textContent()).resolves.toBe('¥0.00');
    await daily.locator('#daily-date-next').click();
    await row.waitFor();

    // a tap opens the receipt
    await row.click();
    const cashierReceipt = currentPage(cashier, ROUTES.receipt);
    await expect(cashierReceipt.locator('#receipt-no').textContent()).resolves.toBe(receiptNo);
    await expect(cashierReceipt.locator('#receipt-amount').textContent()).resolves.toBe(totalText);
  });
});
