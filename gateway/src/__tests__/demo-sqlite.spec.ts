import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { startGateway, type Gateway } from '../app';

/**
 * `npm start` without DATABASE_URL: the embedded SQLite database, the seeded demo estate with its
 * bills, and an online payment through the fake WeChat Pay — the path a new user tries first.
 */
let gateway: Gateway;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-demo-'));
  gateway = await startGateway(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORTAL_DIR: dataDir }));
}, 60_000);
afterAll(() => gateway.close());

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

test('the demo owner signs in, sees bills with formulas, and pays them through the fake WeChat Pay', async () => {
  const login = await gql(`mutation { loginWithPassword(account: "13800000001", password: "demo1234") { accessToken viewer { rooms { id code } } } }`);
  const { accessToken, viewer } = login.data.loginWithPassword;
  expect(viewer.rooms.map((r: any) => r.code)).toEqual(['A-2-1503']);
  const account = await gql(`query($r: ID!) { roomAccount(roomId: $r) { outstandingFen openLines { id itemName explanation lateFeeFen } } }`, { r: viewer.rooms[0].id }, accessToken);
  const lines = account.data.roomAccount.openLines;
  expect(lines.map((l: any) => l.itemName).sort()).toEqual(['公摊电费', '水费', '物业管理费']);
  expect(lines.find((l: any) => l.itemName === '物业管理费').explanation).toContain('89.50㎡ × 2.80元/㎡/月 = 250.60元');

  const order = await gql(`mutation($r: ID!, $l: [ID!]!) { createPaymentOrder(roomId: $r, lineIds: $l) { order { id outTradeNo amountFen } } }`, { r: viewer.rooms[0].id, l: lines.map((l: any) => l.id) }, accessToken);
  const { id, outTradeNo, amountFen } = order.data.createPaymentOrder.order;
  // The order also books the late fee accrued up to today (物业管理费 charges 0.05%/日 in the demo).
  const lateFees = lines.reduce((sum: number, l: any) => sum + l.lateFeeFen, 0);
  expect(amountFen).toBe(account.data.roomAccount.outstandingFen + lateFees);
  const pay = await fetch(`${gateway.url}/dev/wechatpay/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo }) });
  expect(await pay.json()).toEqual({ ok: true, notifyStatus: 204 });
  const paid = await gql(`query($id: ID!) { paymentOrder(id: $id) { status payment { amountFen receiptNo } } }`, { id }, accessToken);
  expect(paid.data.paymentOrder).toEqual({ status: 'PAID', payment: { amountFen, receiptNo: expect.stringMatching(/^\d{4}-000002$/) } });
}, 30_000);
