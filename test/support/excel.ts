import ExcelJS from 'exceljs';

export const ROOM_HEADER = ['楼宇', '单元', '楼层', '房号', '建筑面积', '收费面积', '类型', '户型', '朝向'];
export const CUSTOMER_HEADER = ['房号', '姓名', '类型', '手机', '关系', '开始日期', '结束日期', '收费对象'];

/** An import workbook as base64, the way the portal uploads it. */
export async function workbookBase64(rooms: unknown[][], customers?: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('房间').addRows([ROOM_HEADER, ...rooms]);
  if (customers) book.addWorksheet('客户').addRows([CUSTOMER_HEADER, ...customers]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
