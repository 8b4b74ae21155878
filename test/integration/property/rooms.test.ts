import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeEstate, makeStaff, tokenFor } from '../../support/factories';
import { workbookBase64 } from '../../support/excel';
import { Role } from '../../../gateway/src/core/auth/roles';
import { Room } from '../../../gateway/src/modules/property/entities';
import { Customer, RoomBinding } from '../../../gateway/src/modules/customer/entities';
import { AuditEntry } from '../../../gateway/src/core/audit/entities';

/** Bulk room generation and the Excel import of rooms and customers. */
let t: TestGateway;
let manager: string;
let agent: string;
let otherManager: string;
let estate: Awaited<ReturnType<typeof makeEstate>>;

beforeAll(async () => {
  t = await startTestGateway();
  const em = t.em();
  estate = await makeEstate(em, { rooms: 0 });
  const other = await makeEstate(em, { rooms: 0 });
  manager = await tokenFor(t, await makeStaff(em, Role.MANAGER, estate.estate));
  agent = await tokenFor(t, await makeStaff(em, Role.CS_AGENT, estate.estate));
  otherManager = await tokenFor(t, await makeStaff(em, Role.MANAGER, other.estate));
});
afterAll(() => t.close());

const GENERATE = `mutation($input: GenerateRoomsInput!) { generateRooms(input: $input) { created skipped building { code name roomCount } } }`;
const IMPORT = `mutation($e: ID!, $f: String!) { importRoomsAndCustomers(estateId: $e, fileBase64: $f) { ok roomsCreated customersCreated bindingsCreated errors { sheet row column message } } }`;
const count = () => t.em().count(Room, { estate: estate.estate.id });

test('generates buildings × units × floors × rooms with codes like B-2-1503; a second run adds nothing', async () => {
  const input = { estateId: estate.estate.id, buildingCode: 'B', units: 2, floors: 18, roomsPerFloor: 4, buildingArea: '105.30', chargeArea: '89.50' };
  const first = await t.gql(GENERATE, { input }, manager);
  expect(first.data.generateRooms).toEqual({ created: 144, skipped: 0, building: { code: 'B', name: 'B栋', roomCount: 144 } });
  const room = await t.gql(`query($e: ID!) { rooms(estateId: $e, search: "B-2-1503") { nodes { code floor unitCode chargeArea buildingArea type status } } }`, { e: estate.estate.id }, manager);
  expect(room.data.rooms.nodes).toEqual([{ code: 'B-2-1503', floor: 15, unitCode: '2', chargeArea: '89.50', buildingArea: '105.30', type: 'RESIDENCE', status: 'VACANT' }]);
  const second = await t.gql(GENERATE, { input }, manager);
  expect(second.data.generateRooms).toMatchObject({ created: 0, skipped: 144 });
  expect(await count()).toBe(144);
  expect(await t.em().count(AuditEntry, { action: 'room.generate', estateId: estate.estate.id })).toBe(2);
});

test('generation needs PROPERTY_WRITE in this estate; bad areas are typed errors; nothing is written', async () => {
  const before = await count();
  const input = { estateId: estate.estate.id, buildingCode: 'Z', units: 0, floors: 2, roomsPerFloor: 2, buildingArea: '90', chargeArea: '80' };
  expect(errorCode(await t.gql(GENERATE, { input }, agent))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(GENERATE, { input }, otherManager))).toBe('NOT_FOUND');
  const bad = await t.gql(GENERATE, { input: { ...input, chargeArea: '80.123' } }, manager);
  expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0].extensions!.fieldErrors![0].field).toBe('chargeArea');
  const tooMany = await t.gql(GENERATE, { input: { ...input, floors: 500 } }, manager);
  expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  expect(await count()).toBe(before);
});

test('imports rooms and customers with bindings; the first owner listed pays when nobody is marked', async () => {
  const file = await workbookBase64(
    [
      ['C', '1', 3, 'C-1-0301', '98.00', '89.50', '住宅', '两室两厅', '南'],
      ['C', '1', 3, 'C-1-0302', '130.5', '120', '住宅', '三室两厅', '南北'],
      ['C', '', 1, 'C-S01', '45', '45', '商铺', '', ''],
    ],
    [
      ['C-1-0301', '钱多多', '个人', '13700000001', '业主', '2020-05-01', '', ''],
      ['C-1-0301', '钱小多', '个人', '13700000002', '家庭成员', '2020-05-01', '', ''],
      ['C-1-0302', '孙老板', '个人', '13700000003', '业主', '2019-01-01', '', '否'],
      ['C-1-0302', '租房公司', '企业', '13700000004', '租户', '2026-01-01', '2026-12-31', '是'],
      ['C-S01', '钱多多', '个人', '13700000001', '业主', '2021-01-01', '', ''],
    ],
  );
  const res = await t.gql(IMPORT, { e: estate.estate.id, f: file }, manager);
  expect(res.data.importRoomsAndCustomers).toEqual({ ok: true, roomsCreated: 3, customersCreated: 4, bindingsCreated: 5, errors: [] });
  const rooms = await t.gql(`query($e: ID!) { rooms(estateId: $e, search: "C-") { nodes { code type chargeArea bindings { relation isBillingParty customer { name kind } } } } }`, { e: estate.estate.id }, manager);
  const byCode = Object.fromEntries(rooms.data.rooms.nodes.map((r: any) => [r.code, r]));
  expect(byCode['C-1-0302'].chargeArea).toBe('120.00');
  expect(byCode['C-S01'].type).toBe('SHOP');
  expect(byCode['C-1-0301'].bindings.map((b: any) => `${b.customer.name}:${b.relation}:${b.isBillingParty}`)).toEqual(['钱多多:OWNER:true', '钱小多:FAMILY:false']);
  expect(byCode['C-1-0302'].bindings.map((b: any) => `${b.customer.name}:${b.customer.kind}:${b.isBillingParty}`)).toEqual(['孙老板:PERSON:false', '租房公司:COMPANY:true']);
});

test('a file with one bad row imports nothing and reports every problem by sheet, row and column', async () => {
  const roomsBefore = await count();
  const customersBefore = await t.em().count(Customer, { estate: estate.estate.id });
  const bindingsBefore = await t.em().count(RoomBinding, { estate: estate.estate.id });
  const file = await workbookBase64(
    [
      ['D', '1', 1, 'D-1-0101', '90', '80', '住宅', '', ''],
      ['D', '1', 1, 'D-1-0102', '90', '-5', '别墅', '', ''],
      ['D', '1', 1, 'D-1-0101', '90', '80', '住宅', '', ''],
      ['C', '1', 3, 'C-1-0301', '98.00', '89.50', '住宅', '', ''],
    ],
    [
      ['D-1-0101', '周一', '个人', '1380000', '业主', '2026-01-01', '', ''],
      ['D-9-9999', '周二', '个人', '', '业主', '2026-13-01', '', ''],
      ['D-1-0101', '周三', '个人', '', '租户', '2026-01-01', '', ''],
    ],
  );
  const res = await t.gql(IMPORT, { e: estate.estate.id, f: file }, manager);
  const result = res.data.importRoomsAndCustomers;
  expect(result.ok).toBe(false);
  expect(result.roomsCreated).toBe(0);
  const problems = result.errors.map((e: any) => `${e.sheet}:${e.row}:${e.column}`);
  expect(problems).toEqual(
    expect.arrayContaining(['房间:3:收费面积', '房间:3:类型', '房间:4:房号', '房间:5:房号', '客户:2:手机', '客户:3:开始日期', '客户:4:结束日期']),
  );
  expect(result.errors.every((e: any) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
  expect(await count()).toBe(roomsBefore);
  expect(await t.em().count(Customer, { estate: estate.estate.id })).toBe(customersBefore);
  expect(await t.em().count(RoomBinding, { estate: estate.estate.id })).toBe(bindingsBefore);
});

test('a file that is not an Excel workbook is a typed error', async () => {
  const res = await t.gql(IMPORT, { e: estate.estate.id, f: Buffer.from('hello').toString('base64') }, manager);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toMatch(/xlsx/);
});
