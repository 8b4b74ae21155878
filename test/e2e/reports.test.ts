/**
 * 报表 on the web portal: the owners' committee (业委会) of the demo estate opens 收费情况月统计 for
 * last month (bills of the last two months are seeded), sees 收缴率 and the totals, and 导出Excel
 * downloads an .xlsx whose first sheet carries the same receivable total.
 * Its own gateway (a child process) on its own database, so it runs beside the other files.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { e2eDatabase } from './support/database';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process';
import { ensurePortalBuilt, REPO_ROOT } from './support/portal';
import { fenOf, newPortalPage, openFromHome, pageErrors, signInWithPassword } from './support/portal-page';

const ARTIFACTS = path.join(REPO_ROOT, 'test', '.artifacts');
const COMMITTEE = { account: 'committee', password: 'demo1234' };
/** miniapp/src/routes.ts */
const REPORT_COLLECTION = '/packages/report/pages/collection/index';
const database = e2eDatabase('reports');

/** Last month in Asia/Shanghai (no daylight saving), as the seed and the app see it */
function lastPeriod(): string {
  const [y, m] = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);
  const index = y * 12 + (m - 1) - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

let gateway: GatewayProcess;
let browser: Browser;
const pages: Page[] = [];

async function open(): Promise<Page> {
  const page = await newPortalPage(browser, gateway.url);
  pages.push(page);
  return page;
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

describe('报表', () => {
  it('the committee sees last month\'s 收费情况月统计 and downloads it as an .xlsx with the same total', async () => {
    const period = lastPeriod();
    const page = await open();
    await signInWithPassword(page, COMMITTEE.account, COMMITTEE.password);

    // ── 收费情况月统计 opens on last month
    const report = await openFromHome(page, 'reportCollection', REPORT_COLLECTION, '#collection-total');
    await expect(report.locator('#estate-name').textContent()).resolves.toBe('阳光花园');
    await expect(report.locator('#collection-period-value').textContent()).resolves.toBe(period);

    // 收缴率 as the gateway words it, and totals that add up
    const rate = (await report.locator('#collection-rate').textContent())!;
    expect(rate).toMatch(/^\d{1,3}\.\d{2}%$/);
    const receivableText = (await report.locator('#collection-receivable').textContent())!;
    const receivable = fenOf(receivableText);
    const received = fenOf(await report.locator('#collection-received').textContent());
    const reduced = fenOf(await report.locator('#collection-reduced').textContent());
    const outstanding = fenOf(await report.locator('#collection-outstanding').textContent());
    expect(receivable).toBeGreaterThan(0);
    expect(received + reduced + outstanding).toBe(receivable);
    // the 合计 rows of both tables repeat the total; the item rows add up to it
    await expect(report.locator('#collection-by-item-total .report-cell--receivable').textContent()).resolves.toBe(receivableText);
    await expect(report.locator('#collection-by-building-total .report-cell--receivable').textContent()).resolves.toBe(receivableText);
    await expect(report.locator('#collection-by-item-total .report-cell--rate').textContent()).resolves.toBe(rate);
    const itemCells = report.locator('#collection-by-item .report-row[data-code] .report-cell--receivable');
    expect((await itemCells.allTextContents()).map(fenOf).reduce((s, f) => s + f, 0)).toBe(receivable);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-collection.png'), fullPage: true });

    // ── 导出Excel: a download of the same month, whose first sheet (按收费项目) ends with 合计
    const [download] = await Promise.all([page.waitForEvent('download'), report.locator('#collection-export').click()]);
    expect(download.suggestedFilename()).toBe(`收费情况月统计表-阳光花园-${period}.xlsx`);
    const file = path.join(ARTIFACTS, 'report-collection.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('按收费项目');
    expect(sheet.getRow(2).getCell(3).value).toBe('应收（元）');
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(1).value).toBe('合计');
    // 元 in the cell, two decimals
    expect(Math.round((totalRow.getCell(3).value as number) * 100)).toBe(receivable);
    await expect(report.locator('#collection-export-error').count()).resolves.toBe(0);
  });
});
