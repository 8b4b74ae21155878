import { performance } from 'node:perf_hooks';
import type { Connection } from 'mysql2/promise';
import { startChild } from './children';
import type { BillRunResult } from './bill-run-child';
import { BENCH_URL, insertRows } from './database';
import type { BenchEstate } from './seed';

export interface BillRunBench {
  run: BillRunResult;
  lines: number;
  baselineMs: number;
}

const LINE_COLUMNS = ['id', 'created_at', 'estate_id', 'room_id', 'customer_id', 'item_id', 'period', 'dedupe_key', 'amount_fen', 'paid_fen', 'reduced_fen', 'due_date', 'formula', 'explanation'];
export const BASELINE_ROWS_PER_STATEMENT = 1000;

/**
 * `executeBillRun` for one period in a child process, then the baseline: the very rows it wrote,
 * read back, the table truncated, and written again by plain 1000-row INSERTs on one connection
 * (same table, same indexes and foreign keys, autocommit). Only the INSERTs are timed.
 */
export async function benchBillRun(conn: Connection, estate: BenchEstate, period: string): Promise<BillRunBench> {
  const child = startChild<BillRunResult>('bill-run-child.ts', { BENCH_URL, ESTATE_ID: estate.estateId, PERIOD: period, ROOMS: String(estate.rooms.length) });
  const run = await child.message;
  await child.stop();
  if (run.status !== 'DONE') throw new Error(`bill run ended ${run.status}: ${run.error}`);

  const [rows] = await conn.query({ sql: `SELECT ${LINE_COLUMNS.map((c) => `\`${c}\``).join(', ')} FROM bill_line ORDER BY id`, rowsAsArray: true });
  const lines = rows as unknown[][];
  const formula = LINE_COLUMNS.indexOf('formula');
  for (const line of lines) if (typeof line[formula] !== 'string') line[formula] = JSON.stringify(line[formula]); // mysql2 parses JSON columns
  if (lines.length !== run.linesCreated) throw new Error(`bill_line holds ${lines.length} rows, the run reported ${run.linesCreated}`);
  // TRUNCATE of a table other tables point at needs the checks off for that one statement.
  await conn.query('SET FOREIGN_KEY_CHECKS = 0');
  await conn.query('TRUNCATE TABLE bill_line');
  await conn.query('SET FOREIGN_KEY_CHECKS = 1');

  const started = performance.now();
  await insertRows(conn, 'bill_line', LINE_COLUMNS, lines, BASELINE_ROWS_PER_STATEMENT);
  const baselineMs = performance.now() - started;
  return { run, lines: lines.length, baselineMs };
}
