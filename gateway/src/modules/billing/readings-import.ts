import ExcelJS from 'exceljs';
import type { GatewayContext } from '../../context';
import { AppError, ErrorCode, badInput } from '../../core/errors';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { getEstate } from '../property/service';
import { Meter, type MeterReading } from './entities';
import type { ReadingInput } from './inputs';
import { recordReadings } from './setup';

/** The readings workbook: sheet 抄表 with these headers (documented in the README). */
export const READING_SHEET = '抄表';
export const READING_COLUMNS = ['表号', '账期', '本次读数', '旧表止数', '新表底数'] as const;

const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'result' in v ? String(v.result ?? '') : String(v).trim());

/**
 * 抄表导入 from Excel: rows become readings checked exactly as typed ones (recordReadings), in one
 * transaction; an error names its Excel row, and a file with a bad row imports nothing.
 */
export async function importMeterReadings(ctx: GatewayContext, estateId: string, fileBase64: string): Promise<MeterReading[]> {
  const estate = await getEstate(ctx, estateId);
  requireStaffPermission(ctx, estate.id, Permission.BILLING_OPERATE);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(fileBase64, 'base64') as unknown as ExcelJS.Buffer);
  } catch {
    throw badInput([{ field: 'fileBase64', message: '无法读取文件，请上传 .xlsx 格式的 Excel 文件' }]);
  }
  const sheet = book.getWorksheet(READING_SHEET);
  const header = READING_COLUMNS.map((_, i) => cellText(sheet?.getRow(1).getCell(i + 1).value ?? null));
  if (!sheet || header.some((h, i) => h !== READING_COLUMNS[i])) throw badInput([{ field: 'fileBase64', message: `工作表“${READING_SHEET}”的表头应为：${READING_COLUMNS.join('、')}` }]);
  const rows: { excelRow: number; values: string[] }[] = [];
  sheet.eachRow((r, n) => {
    const values = READING_COLUMNS.map((_, i) => cellText(r.getCell(i + 1).value));
    if (n > 1 && values.some(Boolean)) rows.push({ excelRow: n, values });
  });
  const meters = new Map((await ctx.em.find(Meter, { estate, code: { $in: rows.map((r) => r.values[0]) } })).map((m) => [m.code, m.id]));
  const unknown = rows.find((r) => !meters.has(r.values[0]));
  if (unknown) throw badInput([{ field: `row${unknown.excelRow}`, message: `第${unknown.excelRow}行：表号“${unknown.values[0]}”不存在` }]);
  const inputs: ReadingInput[] = rows.map(({ values: [code, period, reading, oldFinal, newBase] }) => ({
    meterId: meters.get(code)!,
    period,
    reading,
    ...(oldFinal || newBase ? { oldMeterFinal: oldFinal, newMeterBase: newBase } : {}),
  }));
  try {
    return await recordReadings(ctx, inputs);
  } catch (err) {
    // recordReadings names fields readings.<index>.<field>: say which Excel row that is.
    const field = err instanceof AppError ? (err.extensions.fieldErrors as { field: string; message: string }[] | undefined)?.[0] : undefined;
    const index = field && /^readings\.(\d+)\./.exec(field.field)?.[1];
    if (!field || index === undefined) throw err;
    const row = rows[Number(index)].excelRow;
    throw new AppError(ErrorCode.BAD_USER_INPUT, `第${row}行：${field.message}`, { fieldErrors: [{ field: `row${row}`, message: field.message }] });
  }
}
