import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PORTAL_DIR, REPO_ROOT } from './portal';

/** One line of the gateway's pino output (non-JSON lines, like the start-up banner, are kept as `msg`). */
export type LogLine = Record<string, unknown> & { msg?: string };

export interface GatewayProcess {
  url: string;
  /** every stdout line so far, parsed */
  readonly logs: LogLine[];
  /** resolves with the first log line from index `from` on that matches */
  waitForLog(match: (line: LogLine) => boolean, opts?: { from?: number; timeoutMs?: number }): Promise<LogLine>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (PORT=0 works, but the chosen port is only in a log line). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The real gateway (`node -r @swc-node/register src/main.ts`) as a child process: MikroORM started
 * inside jest's module realm clashes with its metadata, and a child is what users run anyway.
 */
export async function startGatewayProcess(databaseUrl: string, opts: { readyTimeoutMs?: number } = {}): Promise<GatewayProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(databaseUrl, await freePort(), opts.readyTimeoutMs ?? 45_000);
    } catch (err) {
      // the free port was taken between our probe and the gateway's listen
      if (attempt >= 3 || !/EADDRINUSE/.test(String(err))) throw err;
    }
  }
}

async function startOnce(databaseUrl: string, port: number, readyTimeoutMs: number): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: path.join(REPO_ROOT, 'gateway'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_SEED: 'true',
      PORTAL_DIR,
      // whatever the developer's shell says: codes go to the log, WeChat is the loopback fake,
      // subscriptions stay in process
      SMS_PROVIDER: 'console',
      WECHAT_API_BASE: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.trim()) return;
    let line: LogLine;
    try {
      line = JSON.parse(text);
    } catch {
      line = { msg: text };
    }
    logs.push(line);
    for (const wake of [...waiters]) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exitPromise = exited(child);
  // a worker that exits without afterAll (forced exit after a timeout) must not leave it running
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exitPromise.then(() => process.off('exit', killOnExit));
  const failure = () => new Error(`gateway exited (code ${child.exitCode}, signal ${child.signalCode}):\n${stderr.slice(-4000)}`);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw failure();
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exitPromise;
      throw new Error(`gateway not healthy after ${readyTimeoutMs} ms:\n${stderr.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    url,
    logs,
    waitForLog(match, { from = 0, timeoutMs = 10_000 } = {}) {
      return new Promise<LogLine>((resolve, reject) => {
        const check = () => {
          const found = logs.slice(from).find(match);
          if (found) {
            done();
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(failure());
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching gateway log line within ${timeoutMs} ms; last lines:\n${logs.slice(-5).map((l) => JSON.stringify(l)).join('\n')}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // main.ts closes sockets, Apollo and the ORM, then exits
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
