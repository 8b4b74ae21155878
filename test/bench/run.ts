import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { signAccessToken } from '../../gateway/src/core/auth/tokens';
import { currentPeriod, previousPeriod } from '../../gateway/src/modules/billing/period';
import { benchBillRun, BASELINE_ROWS_PER_STATEMENT } from './bill-run';
import type { BillRunResult } from './bill-run-child';
import { killChildren, startChild, type Child } from './children';
import { BENCH_DB, BENCH_URL, connect, createBenchDatabase, dropBenchDatabase } from './database';
import { CONNECTIONS, loadGraphql, SECONDS } from './load';
import { seedEstate, seedOwnerHistory } from './seed';

/**
 * `npm run bench`: the bill run of 100,000 rooms × 3 items against a plain INSERT of the same
 * rows, and the owner's bills query under load against a bare GraphQL endpoint. Everything runs on
 * loopback, in a database created and dropped here, and every process started here is stopped.
 */
const DEADLINE_MS = 5 * 60_000;
const TOKEN_SECRET = 'bench-token-secret-0123456789abcdef0123';
const HISTORY_MONTHS = 7; // + the bill run's month: 8 months × 3 items = 24 open lines

const ROOM_ACCOUNT = `query RoomAccount($roomId: ID!) {
  roomAccount(roomId: $roomId) { outstandingFen openLines { itemName amountFen outstandingFen lateFeeFen explanation } }
}`;

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

async function main() {
  const began = performance.now();
  const admin = await connect();
  const [[{ version }]] = (await admin.query('SELECT VERSION() AS version')) as unknown as [[{ version: string }]];
  await admin.end();
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`bench ${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · node ${process.version} · MariaDB ${version} · database ${BENCH_DB} · load average ${load()}`);

  const t = performance.now();
  await createBenchDatabase();
  const conn = await connect(BENCH_DB);
  const children: Child<unknown>[] = [];
  try {
    const estate = await seedEstate(conn);
    console.log(`seed: ${estate.rooms.length} rooms, ${estate.rooms.length * estate.items.length} room charges, ${estate.rooms.length} owner bindings by raw multi-row INSERT in ${seconds(performance.now() - t)} s (migrations included)`);

    // 1. Bill run against the plain INSERT of its rows.
    const period = previousPeriod(currentPeriod(new Date()));
    const bill = await benchBillRun(conn, estate, period);
    const runRate = perSecond(bill.lines, bill.run.ms);
    const baseRate = perSecond(bill.lines, bill.baselineMs);
    console.log(
      `bill run: ${bill.lines} rows in ${seconds(bill.run.ms)} s = ${runRate} rows/s; ` +
        `baseline INSERT (${BASELINE_ROWS_PER_STATEMENT} rows a statement): ${bill.lines} rows in ${seconds(bill.baselineMs)} s = ${baseRate} rows/s; ` +
        `ratio ${(runRate / baseRate).toFixed(2)}; peak RSS ${bill.run.peakRssMb} MB sampled every 50 ms (${bill.run.rssBeforeMb} MB before the run, kernel max RSS ${bill.run.maxRssMb} MB), peak heap ${bill.run.peakHeapMb} MB`,
    );
    printBreakdown(bill.run);

    // 2. The owner's bills under load against a bare GraphQL endpoint.
    await seedOwnerHistory(conn, estate, lastMonthsBefore(period, HISTORY_MONTHS));
    const now = Math.floor(Date.now() / 1000);
    const token = signAccessToken({ sub: estate.owner.userId, sid: estate.owner.sessionId, iat: now, exp: now + 900 }, TOKEN_SECRET);
    const gateway = startChild<{ url: string }>('serve-gateway.ts', { BENCH_URL, BENCH_TOKEN_SECRET: TOKEN_SECRET }, { quiet: true });
    children.push(gateway);
    const { url } = await gateway.message;
    const document = { query: ROOM_ACCOUNT, variables: { roomId: estate.owner.roomId } };
    const auth = { authorization: `Bearer ${token}` };
    const expected = await checkOnce(url, document, auth);
    const lines = (JSON.parse(expected) as { data: { roomAccount: { openLines: unknown[] } } }).data.roomAccount.openLines.length;
    const owner = await loadGraphql(url, document, auth, (body) => body === expected || (body.startsWith('{"data":{"roomAccount":') && !body.includes('"errors"')));
    // Where the gateway's time goes: the same server answering `{ __typename }` signed in (HTTP,
    // Apollo, token, session and scope: five statements) and anonymously (no database at all).
    const typename = { query: '{ __typename }' };
    const signedIn = await loadGraphql(url, typename, auth, (body) => body === '{"data":{"__typename":"Query"}}\n' || body === '{"data":{"__typename":"Query"}}');
    const anonymous = await loadGraphql(url, typename, {}, (body) => body.startsWith('{"data":{"__typename":"Query"}}'));
    await gateway.stop();

    const hello = startChild<{ url: string }>('serve-hello.ts', {});
    children.push(hello);
    const helloUrl = (await hello.message).url;
    const helloExpected = await checkOnce(helloUrl, { query: '{ hello }' }, {});
    const base = await loadGraphql(helloUrl, { query: '{ hello }' }, {}, (body) => body === helloExpected);
    await hello.stop();

    const settings = `${CONNECTIONS} connections, ${SECONDS} s after 2 s warm-up`;
    const line = (r: typeof owner) => `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${r.total} requests, ${r.failed} failed)`;
    console.log(`owner roomAccount, ${lines} open lines, real gateway (NODE_ENV=production): ${line(owner)}; ${settings}`);
    console.log(`baseline graphql-js { hello } on node:http, no framework, no database: ${line(base)}`);
    console.log(`ratio owner/baseline: ${(owner.rps / base.rps).toFixed(3)} of the req/s, ${(owner.p99 / base.p99).toFixed(1)} × the p99`);
    console.log(`same gateway, { __typename } signed in (token, session, scope): ${line(signedIn)}; anonymous (no database): ${line(anonymous)}`);
    if ([owner, base, signedIn, anonymous].some((r) => r.failed > 0)) throw new Error('requests failed under load');
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await conn.end();
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN and profiling; the next run drops it first.
    if (process.env.BENCH_KEEP_DB !== '1') await dropBenchDatabase();
  }
  console.log(`bench done in ${seconds(performance.now() - began)} s, load average ${load()}; ${BENCH_DB} ${process.env.BENCH_KEEP_DB === '1' ? 'kept' : 'dropped'}`);
}

function lastMonthsBefore(period: string, months: number): string[] {
  const periods: string[] = [];
  for (let p = previousPeriod(period); periods.length < months; p = previousPeriod(p)) periods.push(p);
  return periods;
}

/** One request before the load: it must succeed, and its body is what every loaded request must return. */
async function checkOnce(url: string, document: object, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(document) });
  const body = await res.text();
  if (res.status !== 200 || body.includes('"errors"')) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
  return body;
}

/** Where the bill run's time goes: CPU of its process, and SQL time by statement kind. */
function printBreakdown(run: BillRunResult) {
  const kinds = Object.entries(run.sqlMsByKind).sort((a, b) => b[1].ms - a[1].ms);
  const top = kinds.slice(0, 5).map(([kind, k]) => `${kind} ×${k.count} ${seconds(k.ms)} s`).join(', ');
  console.log(
    `bill run detail: ${seconds(run.cpuMs)} s CPU in the bill-run process of ${seconds(run.ms)} s, the rest waiting on MariaDB; ${run.statements} SQL statements, ` +
      `time from send to result by kind (overlapping, includes queueing): ${top}`,
  );
}

const deadline = setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MS / 60_000} min, stopping`);
  killChildren();
  void dropBenchDatabase().finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();

process.once('SIGINT', () => {
  killChildren();
  void dropBenchDatabase().finally(() => process.exit(130));
});

main()
  .then(() => clearTimeout(deadline))
  .catch(async (err) => {
    // mysql2 errors carry the whole statement: 1000 rows of it help nobody.
    console.error(err instanceof Error ? `${err.stack?.split('\n').slice(0, 4).join('\n')}`.slice(0, 2000) : err);
    killChildren();
    process.exitCode = 1;
  });
