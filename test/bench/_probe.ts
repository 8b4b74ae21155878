import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../../gateway/src/config';
import { startGateway } from '../../gateway/src/app';
import { sqlStatements } from '../../gateway/src/core/db/query-log';
import { signAccessToken } from '../../gateway/src/core/auth/tokens';

async function main() {
  const c = await createConnection('mysql://root@127.0.0.1:3306/wuye_bench');
  const [[u]]: any = await c.query("select u.id uid, s.id sid, b.room_id room from user u join session s on s.user_id=u.id join customer cu on cu.user_id=u.id join room_binding b on b.customer_id=cu.id");
  await c.end();
  const secret = 'bench-token-secret-0123456789abcdef0123';
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'mysql://root@127.0.0.1:3306/wuye_bench', DEMO_SEED: 'false', TOKEN_SECRET: secret, SMS_PROVIDER: 'http', SMS_API_URL: 'http://127.0.0.1:9/send', SMS_API_KEY: 'x', WECHAT_API_BASE: 'http://127.0.0.1:9', RECONCILE_EVERY_MS: '0', LOG_LEVEL: 'warn' });
  const g = await startGateway(config);
  const now = Math.floor(Date.now() / 1000);
  const token = signAccessToken({ sub: u.uid, sid: u.sid, iat: now, exp: now + 900 }, secret);
  const q = `query($roomId: ID!) { roomAccount(roomId: $roomId) { outstandingFen openLines { itemName amountFen outstandingFen lateFeeFen explanation } } }`;
  for (let i = 0; i < 3; i++) {
    sqlStatements.keepRecent = true; sqlStatements.recent.length = 0;
    const t = Date.now();
    const res = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: q, variables: { roomId: u.room } }) });
    const body = await res.text();
    console.log(i, Date.now() - t, 'ms', body.length, body.slice(0, 120));
  }
  sqlStatements.keepRecent = false;
  const autocannon = require('autocannon');
  for (const c of (process.env.CONNS ?? '1,10,100').split(',').map(Number)) {
    const r = await autocannon({ url: `${g.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: q, variables: { roomId: u.room } }), connections: c, duration: 4 });
    console.log(c, 'conn', r.requests.average, 'req/s p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx, 'errors', r.errors, r.timeouts);
  }
  await g.close();
}
main();
