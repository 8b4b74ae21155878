import type { Browser, Page } from 'playwright-core';

/** Routes of the Taro app (miniapp/src/routes.ts). */
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  myRooms: '/packages/property/pages/my-rooms/index',
  bills: '/packages/billing/pages/bills/index',
  receipt: '/packages/billing/pages/receipt/index',
  dailyPayments: '/packages/cashier/pages/daily/index',
} as const;

const errorsOf = new WeakMap<Page, string[]>();

/** A phone-sized page in a context of its own (own localStorage, so no session carries over). */
export async function newPortalPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 414, height: 860 }, locale: 'zh-CN' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  errorsOf.set(page, errors);
  page.on('pageerror', (err) => errors.push(String(err)));
  return page;
}

/** Uncaught errors thrown in the page so far. */
export function pageErrors(page: Page): string[] {
  return errorsOf.get(page) ?? [];
}

/**
 * The visible page of Taro's h5 router: every opened page stays in the DOM, and `navigateTo`
 * slides the new one in (~300 ms) before it is marked stationed and the old one shaded.
 */
export function currentPage(page: Page, route: string) {
  return page.locator(`.taro_page.taro_page_stationed:not(.taro_page_shade)[id^="${route}"]`);
}

export async function signInWithPassword(page: Page, account: string, password: string): Promise<void> {
  await page.goto('/');
  await page.locator('#tab-password').click();
  await page.locator('#login-account').fill(account);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
  await currentPage(page, ROUTES.home).locator('#home-greeting').waitFor();
}

/** Opens 我的房屋 from the home page's entry tile and waits until the slide-in is over. */
export async function openMyRooms(page: Page) {
  await currentPage(page, ROUTES.home).locator('#entry-myRooms').click();
  const rooms = currentPage(page, ROUTES.myRooms);
  await rooms.locator('#room-list, #rooms-empty, #rooms-error').first().waitFor();
  return rooms;
}

/**
 * Opens a page from a home tile (`#entry-<key>`) and waits until `ready` shows on it, i.e. the
 * slide-in is over and the page has loaded.
 */
export async function openFromHome(page: Page, entry: string, route: string, ready: string) {
  await currentPage(page, ROUTES.home).locator(`#entry-${entry}`).click();
  const opened = currentPage(page, route);
  await opened.locator(ready).first().waitFor();
  return opened;
}

/** "¥250.60" / "-¥250.60" (the app's formatFen) → fen */
export function fenOf(text: string | null): number {
  const match = /^(-?)¥(\d+)\.(\d{2})$/.exec((text ?? '').trim());
  if (!match) throw new Error(`not an amount: ${JSON.stringify(text)}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

/** The access token the app keeps (Taro h5 storage wraps values as `{"data": …}` in localStorage). */
export async function storedAccessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = localStorage.getItem('wuye.session');
    return raw ? (JSON.parse(raw)?.data?.accessToken as string | undefined) : undefined;
  });
  if (!token) throw new Error('no session in localStorage');
  return token;
}

export interface PageGqlResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL request made by the page itself (same origin, the app's own token). */
export function gqlFromPage(page: Page, token: string, query: string, variables: Record<string, unknown> = {}): Promise<PageGqlResult> {
  return page.evaluate(
    async ({ token, query, variables }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    { token, query, variables },
  );
}
