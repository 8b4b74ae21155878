/**
 * The web portal (h5 build of the Taro app) in Debian's Chromium against the real gateway, run as
 * a child process on its own MariaDB database with the demo estate 阳光花园 seeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { demoRoomId, dropE2eDatabase, E2E_DATABASE_URL, recreateE2eDatabase } from './support/database';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process';
import { ensurePortalBuilt, REPO_ROOT } from './support/portal';
import { currentPage, gqlFromPage, newPortalPage, openMyRooms, pageErrors, ROUTES, signInWithPassword, storedAccessToken } from './support/portal-page';

const ARTIFACTS = path.join(REPO_ROOT, 'test', '.artifacts');
const OWNER = { phone: '13800000001', name: '张伟', room: 'A-2-1503', family: '张小明' };
const NEIGHBOUR = { phone: '13800000002', name: '李娜', room: 'A-2-1504' };
const DEMO_PASSWORD = 'demo1234';

const ROOM_QUERY = 'query Room($id: ID!) { room(id: $id) { id code } }';

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
  await recreateE2eDatabase();
  // in parallel, but each kept as soon as it is up so afterAll stops it even when the other fails
  const started = await Promise.allSettled([
    startGatewayProcess(E2E_DATABASE_URL).then((g) => (gateway = g)),
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
  await dropE2eDatabase();
}, 30_000);

describe('owner signs in with a password', () => {
  it('sees their own room and household on 我的房屋, and nothing of the neighbour', async () => {
    const page = await open();
    await signInWithPassword(page, OWNER.phone, DEMO_PASSWORD);
    await expect(page.locator('#home-greeting').textContent()).resolves.toContain(OWNER.name);
    expect(new URL(page.url()).pathname).toBe(ROUTES.home);

    const rooms = await openMyRooms(page);
    const card = rooms.locator(`.room-card#room-${OWNER.room}`);
    await card.waitFor();
    await expect(rooms.locator('.room-card').count()).resolves.toBe(1);
    await expect(card.locator('.room-card__code').textContent()).resolves.toBe(OWNER.room);
    await expect(card.locator('.room-card__relation').textContent()).resolves.toBe('业主');
    const owner = card.locator('.binding-row--OWNER', { has: page.locator('.binding-row__name', { hasText: OWNER.name }) });
    await expect(owner.locator('.binding-row__relation').textContent()).resolves.toBe('业主');
    const family = card.locator('.binding-row--FAMILY', { has: page.locator('.binding-row__name', { hasText: OWNER.family }) });
    await expect(family.locator('.binding-row__relation').textContent()).resolves.toBe('家庭成员');

    // anywhere in the DOM, the home page behind included
    const html = await page.content();
    for (const foreign of [NEIGHBOUR.room, NEIGHBOUR.name, NEIGHBOUR.phone]) expect(html).not.toContain(foreign);
    await screenshot(page, 'my-rooms-owner.png');

    // the neighbour's room asked for by id, with the app's own token: NOT_FOUND, not FORBIDDEN
    const token = await storedAccessToken(page);
    const own = await gqlFromPage(page, token, ROOM_QUERY, { id: await demoRoomId(OWNER.room) });
    expect(own).toEqual({ data: { room: expect.objectContaining({ code: OWNER.room }) } });
    const foreign = await gqlFromPage(page, token, ROOM_QUERY, { id: await demoRoomId(NEIGHBOUR.room) });
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(foreign)).not.toContain(NEIGHBOUR.room);
  });
});

describe('resident signs in with an SMS code', () => {
  it('gets the code the console provider logged, lands home, and sees only their room', async () => {
    const page = await open();
    await page.goto('/');
    await page.locator('#tab-sms').click();
    await page.locator('#sms-phone').fill(NEIGHBOUR.phone);
    const from = gateway.logs.length;
    await page.locator('#sms-send').click();
    const sms = await gateway.waitForLog((l) => l.phone === NEIGHBOUR.phone && typeof l.sms === 'string', { from });
    const code = String(sms.sms).match(/验证码是(\d{6})/)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    await page.locator('#sms-code').fill(code!);
    await page.locator('#sms-submit').click();
    await currentPage(page, ROUTES.home).locator('#home-greeting').waitFor();
    await expect(page.locator('#home-greeting').textContent()).resolves.toContain(NEIGHBOUR.name);

    const rooms = await openMyRooms(page);
    const card = rooms.locator(`.room-card#room-${NEIGHBOUR.room}`);
    await card.waitFor();
    await expect(rooms.locator('.room-card').count()).resolves.toBe(1);
    await expect(card.locator('.binding-row__name').allTextContents()).resolves.toEqual([NEIGHBOUR.name]);
    const html = await page.content();
    for (const foreign of [OWNER.room, OWNER.name, OWNER.family]) expect(html).not.toContain(foreign);
    await screenshot(page, 'my-rooms-sms.png');
  });
});

describe('deep links (history fallback)', () => {
  it('sends a signed-out visitor of 我的房屋 to the sign-in page', async () => {
    const page = await open();
    const res = await page.goto(ROUTES.myRooms);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/text\/html/);
    await currentPage(page, ROUTES.login).locator('#login-account').waitFor();
    expect(new URL(page.url()).pathname).toBe(ROUTES.login);
  });

  it('opens 我的房屋 directly for a signed-in owner, also after a reload', async () => {
    const page = await open();
    await signInWithPassword(page, OWNER.phone, DEMO_PASSWORD);
    await page.goto(ROUTES.myRooms);
    await currentPage(page, ROUTES.myRooms).locator(`.room-card#room-${OWNER.room}`).waitFor();
    await page.reload();
    await currentPage(page, ROUTES.myRooms).locator(`.room-card#room-${OWNER.room}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(ROUTES.myRooms);
  });
});
