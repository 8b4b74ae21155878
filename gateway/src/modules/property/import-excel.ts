import ExcelJS from 'exceljs';
import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { badInput } from '../../core/errors';
import { isLocalDate } from '../../core/clock';
import { Room } from './entities';
import { RoomType } from './enums';
import type { ImportResult, ImportRowError } from './inputs';
import { getEstate } from './service';
import { PropertyTreeBuilder } from './tree';
import { findOrCreateCustomer, RoomBinding } from '../customer/service';
import { BindingRelation, CustomerKind } from '../customer/enums';
import { PHONE_PATTERN } from '../identity/sms-codes';

/** The workbook layout, documented in the README: sheet names and column headers in Chinese. */
export const ROOM_SHEET = '房间';
export const CUSTOMER_SHEET = '客户';
export const ROOM_COLUMNS = ['楼宇', '单元', '楼层', '房号', '建筑面积', '收费面积', '类型', '户型', '朝向'] as const;
export const CUSTOMER_COLUMNS = ['房号', '姓名', '类型', '手机', '关系', '开始日期', '结束日期', '收费对象'] as const;

const MAX_FILE_BYTES = 1_500_000;
const MAX_ROWS = 5_000;
const ROOM_TYPES: Record<string, RoomType> = { 住宅: RoomType.RESIDENCE, 商铺: RoomType.SHOP, 车位: RoomType.PARKING, 储藏室: RoomType.STORAGE };
const RELATIONS: Record<string, BindingRelation> = { 业主: BindingRelation.OWNER, 家庭成员: BindingRelation.FAMILY, 租户: BindingRelation.TENANT };
const KINDS: Record<string, CustomerKind> = { 个人: CustomerKind.PERSON, 企业: CustomerKind.COMPANY };
const AREA = /^\d{1,6}(\.\d{1,2})?$/;

interface RoomRow { row: number; building: string; unit: string | null; floor: number; code: string; buildingArea: number; chargeArea: number; type: RoomType; layout: string | null; orientation: string | null }
interface CustomerRow { row: number; roomCode: string; name: string; kind: CustomerKind; phone: string | null; relation: BindingRelation; start: string; end: string | null; billing: boolean }

function text(cell: ExcelJS.CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('result' in cell) return text(cell.result as ExcelJS.CellValue);
    if ('text' in cell) return String(cell.text).trim();
    if ('richText' in cell) return cell.richText.map((r) => r.text).join('').trim();
  }
  return String(cell).trim();
}

function centi(value: string): number {
  const [whole, frac = ''] = value.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Reads a sheet whose first row holds exactly the expected headers; returns rows as header → text. */
function readSheet(book: ExcelJS.Workbook, name: string, columns: readonly string[], errors: ImportRowError[]): { row: number; values: Record<string, string> }[] {
  const sheet = book.getWorksheet(name);
  if (!sheet) {
    errors.push({ sheet: name, row: 0, column: null, message: `缺少工作表“${name}”` });
    return [];
  }
  const header = columns.map((_, i) => text(sheet.getRow(1).getCell(i + 1).value));
  const missing = columns.filter((c, i) => header[i] !== c);
  if (missing.length) {
    errors.push({ sheet: name, row: 1, column: null, message: `表头应为：${columns.join('、')}` });
    return [];
  }
  const rows: { row: number; values: Record<string, string> }[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const values = Object.fromEntries(columns.map((c, i) => [c, text(r.getCell(i + 1).value)]));
    if (Object.values(values).every((v) => v === '')) return;
    rows.push({ row: n, values });
  });
  if (rows.length > MAX_ROWS) errors.push({ sheet: name, row: 0, column: null, message: `每次最多导入${MAX_ROWS}行` });
  return rows;
}

function parseRooms(rows: ReturnType<typeof readSheet>, errors: ImportRowError[]): RoomRow[] {
  const out: RoomRow[] = [];
  const seen = new Set<string>();
  for (const { row, values: v } of rows) {
    const err = (column: string, message: string) => errors.push({ sheet: ROOM_SHEET, row, column, message });
    const before = errors.length;
    if (!/^[A-Za-z0-9]{1,8}$/.test(v['楼宇'])) err('楼宇', '楼宇编码为1-8位字母或数字');
    if (v['单元'] && !/^[A-Za-z0-9]{1,8}$/.test(v['单元'])) err('单元', '单元编码为1-8位字母或数字');
    const floor = Number(v['楼层']);
    if (!Number.isInteger(floor) || floor < -5 || floor > 200) err('楼层', '楼层应为整数');
    if (!/^[A-Za-z0-9-]{1,32}$/.test(v['房号'])) err('房号', '房号为1-32位字母、数字或“-”');
    else if (seen.has(v['房号'])) err('房号', '房号在文件中重复');
    for (const col of ['建筑面积', '收费面积']) if (!AREA.test(v[col]) || centi(v[col]) <= 0) err(col, '面积应为正数，最多两位小数');
    const type = v['类型'] ? ROOM_TYPES[v['类型']] : RoomType.RESIDENCE;
    if (!type) err('类型', '类型应为 住宅/商铺/车位/储藏室');
    if (v['户型'].length > 32) err('户型', '户型最多32个字');
    if (v['朝向'].length > 16) err('朝向', '朝向最多16个字');
    seen.add(v['房号']);
    if (errors.length > before) continue;
    out.push({ row, building: v['楼宇'], unit: v['单元'] || null, floor, code: v['房号'], buildingArea: centi(v['建筑面积']), chargeArea: centi(v['收费面积']), type, layout: v['户型'] || null, orientation: v['朝向'] || null });
  }
  return out;
}

function parseCustomers(rows: ReturnType<typeof readSheet>, errors: ImportRowError[]): CustomerRow[] {
  const out: CustomerRow[] = [];
  for (const { row, values: v } of rows) {
    const err = (column: string, message: string) => errors.push({ sheet: CUSTOMER_SHEET, row, column, message });
    const before = errors.length;
    if (!v['房号']) err('房号', '请填写房号');
    if (!v['姓名'] || v['姓名'].length > 64) err('姓名', '姓名为1-64个字');
    const kind = v['类型'] ? KINDS[v['类型']] : CustomerKind.PERSON;
    if (!kind) err('类型', '类型应为 个人/企业');
    if (v['手机'] && !PHONE_PATTERN.test(v['手机'])) err('手机', '手机号应为11位');
    const relation = RELATIONS[v['关系']];
    if (!relation) err('关系', '关系应为 业主/家庭成员/租户');
    if (!isLocalDate(v['开始日期'])) err('开始日期', '日期格式应为 YYYY-MM-DD');
    if (v['结束日期'] && !isLocalDate(v['结束日期'])) err('结束日期', '日期格式应为 YYYY-MM-DD');
    if (v['结束日期'] && v['结束日期'] < v['开始日期']) err('结束日期', '结束日期不能早于开始日期');
    if (relation === BindingRelation.TENANT && !v['结束日期']) err('结束日期', '租户须填写租期结束日期');
    if (v['收费对象'] && !['是', '否'].includes(v['收费对象'])) err('收费对象', '收费对象填“是”或“否”');
    if (errors.length > before) continue;
    out.push({ row, roomCode: v['房号'], name: v['姓名'], kind, phone: v['手机'] || null, relation, start: v['开始日期'], end: v['结束日期'] || null, billing: v['收费对象'] === '是' });
  }
  return out;
}

/**
 * 导入房间和客户 from one workbook. Every row is checked first and every problem reported with its
 * sheet, row and column; a file with any bad row imports nothing.
 */
export async function importRoomsAndCustomers(ctx: GatewayContext, estateId: string, fileBase64: string): Promise<ImportResult> {
  const estate = await getEstate(ctx, estateId);
  requireStaffPermission(ctx, estate.id, Permission.PROPERTY_WRITE);
  const file = Buffer.from(fileBase64, 'base64');
  if (file.length === 0 || file.length > MAX_FILE_BYTES) throw badInput([{ field: 'fileBase64', message: '文件为空或超过1.5MB' }]);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw badInput([{ field: 'fileBase64', message: '无法读取文件，请上传 .xlsx 格式的 Excel 文件' }]);
  }

  const errors: ImportRowError[] = [];
  const rooms = parseRooms(readSheet(book, ROOM_SHEET, ROOM_COLUMNS, errors), errors);
  const customerSheet = book.getWorksheet(CUSTOMER_SHEET) ? readSheet(book, CUSTOMER_SHEET, CUSTOMER_COLUMNS, errors) : [];
  const customers = parseCustomers(customerSheet, errors);
  const none: ImportResult = { ok: false, roomsCreated: 0, customersCreated: 0, bindingsCreated: 0, errors };

  // Cross-row checks against the database: codes already taken, rooms the customer rows name.
  const existing = await ctx.em.find(Room, { estate, code: { $in: [...rooms.map((r) => r.code), ...customers.map((c) => c.roomCode)] } });
  const existingByCode = new Map(existing.map((r) => [r.code, r]));
  for (const r of rooms) if (existingByCode.has(r.code)) errors.push({ sheet: ROOM_SHEET, row: r.row, column: '房号', message: '房号已存在' });
  const newCodes = new Set(rooms.map((r) => r.code));
  const billingRooms = new Map<string, number>();
  for (const c of customers) {
    if (!newCodes.has(c.roomCode) && !existingByCode.has(c.roomCode)) errors.push({ sheet: CUSTOMER_SHEET, row: c.row, column: '房号', message: '房号不存在' });
    if (c.billing) billingRooms.set(c.roomCode, (billingRooms.get(c.roomCode) ?? 0) + 1);
  }
  for (const [code, count] of billingRooms) {
    if (count > 1) errors.push({ sheet: CUSTOMER_SHEET, row: customers.find((c) => c.roomCode === code && c.billing)!.row, column: '收费对象', message: `房间${code}只能有一个收费对象` });
  }
  if (errors.length > 0) {
    // Nothing is imported, but the attempt is a staff action and goes into the log.
    ctx.audit.record(ctx.em, { action: 'property.import.refused', estateId: estate.id, entityType: 'Estate', entityId: estate.id, after: { errors: errors.length } });
    await ctx.em.flush();
    return { ...none, errors: errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row) };
  }

  return ctx.em.transactional(async (em) => {
    const tree = new PropertyTreeBuilder(em, estate);
    await tree.preload();
    const byCode = new Map(existingByCode);
    for (const r of rooms) {
      const building = tree.building(r.building);
      const unit = tree.unit(building, r.unit);
      const room = em.create(Room, { estate, building, unit, floor: tree.floor(building, unit, r.floor), floorLevel: r.floor, code: r.code, buildingAreaCenti: r.buildingArea, chargeAreaCenti: r.chargeArea, type: r.type, layout: r.layout, orientation: r.orientation });
      em.persist(room);
      byCode.set(r.code, room);
    }
    let customersCreated = 0;
    const hasBilling = new Set(billingRooms.keys());
    const bindings: RoomBinding[] = [];
    const byPhone = new Map<string, Awaited<ReturnType<typeof findOrCreateCustomer>>['customer']>();
    for (const c of customers) {
      let customer = c.phone ? byPhone.get(c.phone) : undefined;
      if (!customer) {
        const found = await findOrCreateCustomer(em, estate, { name: c.name, phone: c.phone, kind: c.kind });
        customer = found.customer;
        if (found.created) customersCreated++;
        if (c.phone) byPhone.set(c.phone, customer);
      }
      const room = byCode.get(c.roomCode)!;
      // Without an explicit 收费对象, the first owner listed for the room pays.
      const billing = c.billing || (!hasBilling.has(c.roomCode) && c.relation === BindingRelation.OWNER);
      if (billing) hasBilling.add(c.roomCode);
      const binding = em.create(RoomBinding, { estate, room, customer, relation: c.relation, startDate: c.start, endDate: c.end, isBillingParty: billing, permissions: c.relation === BindingRelation.FAMILY ? ['VIEW_BILLS', 'PAY', 'FILE_REPAIRS'] : [] } as never);
      em.persist(binding);
      bindings.push(binding);
    }
    ctx.audit.record(em, { action: 'property.import', estateId: estate.id, entityType: 'Estate', entityId: estate.id, after: { rooms: rooms.length, customersCreated, bindings: bindings.length } });
    return { ok: true, roomsCreated: rooms.length, customersCreated, bindingsCreated: bindings.length, errors: [] };
  });
}
