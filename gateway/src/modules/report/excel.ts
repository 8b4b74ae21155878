import ExcelJS from 'exceljs';
import type { PrepaidRow } from './queries';
import type { AgingFigures, ArrearsAgingReport, CollectionFigures, MonthlyCollectionReport } from './types';

/*
 * The downloadable reports (DOMAIN.md §9, §10). Amounts are written as 元 numbers with two
 * decimals shown (fen ÷ 100, done once, in `yuan`), so the committee can sum columns in Excel;
 * rates as a fraction with a percent format. Row 1 is the title, row 2 the header.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MONEY = '#,##0.00';
const RATE = '0.00%';

/** The only place fen become 元 in a workbook. */
function yuan(fen: number): number {
  return fen / 100;
}

function sheet(book: ExcelJS.Workbook, name: string, title: string, columns: { header: string; width: number; money?: boolean; rate?: boolean }[]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(columns.map((c) => c.header));
  ws.getRow(2).font = { bold: true };
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.money) col.numFmt = MONEY;
    if (c.rate) col.numFmt = RATE;
  });
  return ws;
}

function boldLast(ws: ExcelJS.Worksheet): void {
  ws.lastRow!.font = { bold: true };
}

const COLLECTION_COLUMNS = [
  { header: '编码', width: 12 },
  { header: '名称', width: 20 },
  { header: '应收（元）', width: 16, money: true },
  { header: '实收（元）', width: 16, money: true },
  { header: '减免（元）', width: 16, money: true },
  { header: '欠费（元）', width: 16, money: true },
  { header: '收缴率', width: 10, rate: true },
];

function collectionCells(f: CollectionFigures): (number | string)[] {
  return [yuan(f.receivableFen), yuan(f.receivedFen), yuan(f.reducedFen), yuan(f.outstandingFen), f.collectionRateBp === null ? '—' : f.collectionRateBp / 10_000];
}

/** 收费情况月统计表: one sheet by item, one by building, each ending with 合计. */
export async function collectionWorkbook(report: MonthlyCollectionReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of [['按收费项目', report.byItem], ['按楼宇', report.byBuilding]] as const) {
    const ws = sheet(book, name, `${report.estateName} 收费情况月统计表（${report.period}，${name}）`, COLLECTION_COLUMNS);
    for (const r of rows) ws.addRow([r.code, r.name, ...collectionCells(r)]);
    ws.addRow(['合计', '', ...collectionCells(report.total)]);
    boldLast(ws);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function agingCells(f: AgingFigures): number[] {
  return [yuan(f.upTo30Fen), yuan(f.days31To90Fen), yuan(f.days91To180Fen), yuan(f.days181To365Fen), yuan(f.over365Fen), yuan(f.totalFen), f.roomCount];
}

/** 欠费账龄分析 by building, with 合计. */
export async function agingWorkbook(report: ArrearsAgingReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = sheet(book, '账龄分析', `${report.estateName} 欠费账龄分析（统计日 ${report.asOf}，按逾期天数）`, [
    { header: '楼宇编码', width: 10 },
    { header: '楼宇名称', width: 16 },
    ...['0–30天', '31–90天', '91–180天', '181–365天', '365天以上', '合计'].map((header) => ({ header: `${header}（元）`, width: 16, money: true })),
    { header: '欠费户数', width: 10 },
  ]);
  for (const r of report.byBuilding) ws.addRow([r.code, r.name, ...agingCells(r)]);
  ws.addRow(['合计', '', ...agingCells(report.total)]);
  boldLast(ws);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** 预收款余额, room by room as the pages arrive, with 合计. */
export async function prepaidWorkbook(
  head: { estateName: string; today: string; roomCount: number; totalFen: number },
  pages: AsyncIterable<PrepaidRow[]>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = sheet(book, '预收款余额', `${head.estateName} 预收款余额（${head.today}）`, [
    { header: '楼宇', width: 10 },
    { header: '房号', width: 16 },
    { header: '余额（元）', width: 16, money: true },
  ]);
  for await (const page of pages) for (const r of page) ws.addRow([r.buildingCode, r.roomCode, yuan(r.balanceFen)]);
  ws.addRow(['合计', `${head.roomCount}户`, yuan(head.totalFen)]);
  boldLast(ws);
  return Buffer.from(await book.xlsx.writeBuffer());
}
