import type { EntityManager } from '@mikro-orm/core';
import type { GatewayContext } from '../../context';
import { badInput } from '../../core/errors';
import { assertCursor } from '../../core/pagination';
import { requireReportReader, type ReportScope } from './access';
import { agingWorkbook, collectionWorkbook, prepaidWorkbook, XLSX_CONTENT_TYPE } from './excel';
import { assertReportDate, assertReportPeriod, collectionRateBp, formatBasisPoints } from './figures';
import { agingByBuilding, collectionByBuilding, collectionByItem, inOneSnapshot, prepaidBalancePage, prepaidTotals, type AgingSums, type CollectionSums, type PrepaidRow } from './queries';
import { ReportKind, type AgingFigures, type ArrearsAgingReport, type CollectionFigures, type CollectionRow, type ExcelFile, type MonthlyCollectionReport, type PrepaidBalanceReport } from './types';

function figures(s: Omit<CollectionSums, 'id' | 'code' | 'name'>): CollectionFigures {
  const bp = collectionRateBp(s.receivedFen, s.receivableFen);
  return {
    receivableFen: s.receivableFen,
    receivedFen: s.receivedFen,
    reducedFen: s.reducedFen,
    outstandingFen: s.receivableFen - s.receivedFen - s.reducedFen,
    collectionRateBp: bp,
    collectionRate: formatBasisPoints(bp),
  };
}

const row = (s: CollectionSums): CollectionRow => ({ id: s.id, code: s.code, name: s.name, ...figures(s) });

function sumOf<T>(list: T[], key: keyof T): number {
  return list.reduce((sum, x) => sum + (x[key] as number), 0);
}

/**
 * 收费情况月统计表: the lines of `period` (receivable), and what has been received and reduced on
 * them up to now, by item and by building. 收缴率 = received of this period's receivables ÷ receivables.
 */
export async function monthlyCollection(ctx: GatewayContext, estateId: string, period: string): Promise<MonthlyCollectionReport> {
  const scope = await requireReportReader(ctx, estateId);
  return collectionReport(scope, ctx.em, assertReportPeriod(period));
}

async function collectionReport(scope: ReportScope, em: EntityManager, period: string): Promise<MonthlyCollectionReport> {
  const [byItem, byBuilding] = await inOneSnapshot(em, (tx) => Promise.all([collectionByItem(scope, tx, period), collectionByBuilding(scope, tx, period)]));
  const total = figures({ receivableFen: sumOf(byItem, 'receivableFen'), receivedFen: sumOf(byItem, 'receivedFen'), reducedFen: sumOf(byItem, 'reducedFen') });
  return { estateId: scope.estateId, estateName: scope.estateName, period, byItem: byItem.map(row), byBuilding: byBuilding.map(row), total };
}

/**
 * 账龄分析 at `asOf` (default today). The amounts are the ledger's current open amounts, so the
 * date may be today or later (a projection: "if nothing is paid by then"), never in the past,
 * where payments made since would be missing from the picture.
 */
export async function arrearsAging(ctx: GatewayContext, estateId: string, asOf?: string | null): Promise<ArrearsAgingReport> {
  const scope = await requireReportReader(ctx, estateId);
  return agingReport(scope, ctx.em, agingDate(ctx, asOf));
}

function agingDate(ctx: GatewayContext, asOf: string | null | undefined): string {
  const date = asOf ? assertReportDate(asOf) : ctx.today;
  if (date < ctx.today) throw badInput([{ field: 'asOf', message: '账龄按当前欠费计算，统计日不能早于今天' }]);
  return date;
}

async function agingReport(scope: ReportScope, em: EntityManager, asOf: string): Promise<ArrearsAgingReport> {
  const byBuilding = await agingByBuilding(scope, em, asOf);
  const keys = ['upTo30Fen', 'days31To90Fen', 'days91To180Fen', 'days181To365Fen', 'over365Fen', 'totalFen', 'roomCount'] as const;
  const total = Object.fromEntries(keys.map((k) => [k, sumOf<AgingSums>(byBuilding, k)])) as unknown as AgingFigures;
  return { estateId: scope.estateId, estateName: scope.estateName, asOf, byBuilding, total };
}

/** Cursors are MikroORM's format (base64url JSON of the order-by values): here the room code. */
const encodeCursor = (code: string) => Buffer.from(JSON.stringify([code]), 'utf8').toString('base64url');

function decodeCursor(after: string | null | undefined): string | null {
  if (!after) return null;
  assertCursor(after, 1);
  const [code] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
  if (typeof code !== 'string') throw badInput([{ field: 'after', message: '分页游标无效' }]);
  return code;
}

/** 预收款余额: rooms whose prepaid balance is not zero, by room code, a page at a time, and the total. */
export async function prepaidBalances(ctx: GatewayContext, estateId: string, first: number, after?: string | null): Promise<PrepaidBalanceReport> {
  const scope = await requireReportReader(ctx, estateId);
  const afterCode = decodeCursor(after);
  const [page, totals] = await inOneSnapshot(ctx.em, (tx) => Promise.all([prepaidBalancePage(scope, tx, afterCode, first + 1), prepaidTotals(scope, tx)]));
  const nodes = page.slice(0, first);
  const hasNextPage = page.length > first;
  return {
    estateId: scope.estateId,
    estateName: scope.estateName,
    ...totals,
    nodes,
    pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].roomCode) : null },
  };
}

const EXPORT_PAGE = 1000;

async function* allPrepaidRows(scope: ReportScope, em: EntityManager): AsyncGenerator<PrepaidRow[]> {
  let after: string | null = null;
  for (;;) {
    const page = await prepaidBalancePage(scope, em, after, EXPORT_PAGE);
    if (page.length > 0) yield page;
    if (page.length < EXPORT_PAGE) return;
    after = page[page.length - 1].roomCode;
  }
}

/** A report as an .xlsx file, checked exactly like the query it mirrors. */
export async function exportReport(ctx: GatewayContext, kind: ReportKind, estateId: string, period?: string | null, asOf?: string | null): Promise<ExcelFile> {
  const scope = await requireReportReader(ctx, estateId);
  let fileName: string;
  let content: Buffer;
  if (kind === ReportKind.MONTHLY_COLLECTION) {
    const report = await collectionReport(scope, ctx.em, assertReportPeriod(period));
    fileName = `收费情况月统计表-${scope.estateName}-${report.period}.xlsx`;
    content = await collectionWorkbook(report);
  } else if (kind === ReportKind.ARREARS_AGING) {
    const report = await agingReport(scope, ctx.em, agingDate(ctx, asOf));
    fileName = `欠费账龄分析-${scope.estateName}-${report.asOf}.xlsx`;
    content = await agingWorkbook(report);
  } else {
    content = await inOneSnapshot(ctx.em, async (tx) => prepaidWorkbook({ estateName: scope.estateName, today: ctx.today, ...(await prepaidTotals(scope, tx)) }, allPrepaidRows(scope, tx)));
    fileName = `预收款余额-${scope.estateName}-${ctx.today}.xlsx`;
  }
  return { fileName: fileName.replace(/[\\/:*?"<>|]/g, '_'), contentType: XLSX_CONTENT_TYPE, contentBase64: content.toString('base64') };
}
