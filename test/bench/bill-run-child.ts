import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { ormOptions } from '../../gateway/src/core/db/orm-config';
import { CountingLogger } from '../../gateway/src/core/db/query-log';
import { createLogger } from '../../gateway/src/core/logger';
import { systemEm } from '../../gateway/src/context';
import { executeBillRun } from '../../gateway/src/modules/billing/bill-run';
import { BillRun } from '../../gateway/src/modules/billing/entities';

/**
 * Child process: one bill run of the bench estate, timed, with this process's memory sampled every
 * 50 ms. Every SQL statement is timed by kind through the ORM's logger, so the report can say how
 * much of the run is spent in the database and how much in this process.
 */
export interface BillRunResult {
  ms: number;
  /** CPU time of this process during the run (user + system). */
  cpuMs: number;
  status: string;
  roomsDone: number;
  linesCreated: number;
  error: string | null;
  statements: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** The kernel's peak RSS of the process (ORM start-up included), a check on the 50 ms samples. */
  maxRssMb: number;
  sqlMsByKind: Record<string, { count: number; ms: number }>;
}

const sqlByKind: Record<string, { count: number; ms: number }> = {};
let statements = 0;

function kindOf(sql: string): string {
  const verb = /^\s*(select|insert ignore into|insert into|update|delete from|begin|commit|rollback|savepoint|release)/i.exec(sql)?.[1].toLowerCase() ?? sql.slice(0, 16);
  const table = /(?:from|into|update)\s+`(\w+)`/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

class TimingLogger extends CountingLogger {
  constructor(options: LoggerOptions) {
    super(options);
  }
  override logQuery(context: { query: string } & LogContext): void {
    statements++;
    const kind = (sqlByKind[kindOf(context.query)] ??= { count: 0, ms: 0 });
    kind.count++;
    kind.ms += context.took ?? 0;
    super.logQuery(context);
  }
}

async function main() {
  const url = process.env.BENCH_URL!;
  const debug = process.env.BENCH_SQL_DEBUG === '1';
  const orm = await MikroORM.init({ ...ormOptions({ kind: 'mysql', url }, debug), loggerFactory: (o) => new TimingLogger(o) });
  try {
    const em = systemEm(orm);
    const run = em.create(BillRun, { estate: process.env.ESTATE_ID!, period: process.env.PERIOD!, roomsTotal: Number(process.env.ROOMS) });
    await em.flush();
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    statements = 0;
    for (const k of Object.keys(sqlByKind)) delete sqlByKind[k];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await executeBillRun(orm, run.id, createLogger('error'));
    const cpu = process.cpuUsage(cpuBefore);
    const ms = performance.now() - started;
    clearInterval(sampler);
    const done = await systemEm(orm).findOneOrFail(BillRun, run.id);
    const result: BillRunResult = {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      status: done.status,
      roomsDone: done.roomsDone,
      linesCreated: done.linesCreated,
      error: done.error ?? null,
      statements,
      rssBeforeMb: mb(rssBefore),
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      sqlMsByKind: sqlByKind,
    };
    await new Promise<void>((resolve) => process.send!(result, () => resolve()));
  } finally {
    await orm.close(true);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
