import type { Connection } from 'mysql2/promise';
import { newId } from '../../gateway/src/core/ids';
import { periodicByArea } from '../../gateway/src/modules/billing/formulas';
import { dueDateOf } from '../../gateway/src/modules/billing/period';
import { insertRows } from './database';

/**
 * The bench estate, written with raw multi-row INSERTs (the ORM would take minutes for this):
 * one building of 50 units × 100 floors × 20 rooms = 100,000 rooms, three area-priced items
 * assigned to every room, an owner (the billing party) bound to every room, and one of them with
 * a sign-in account for the load test.
 */
export const ROOMS = Number(process.env.BENCH_ROOMS ?? 100_000);
const UNITS = 50;
const FLOORS = 100;
const ROOMS_PER_FLOOR = 20;

export interface BenchItem {
  id: string;
  name: string;
  priceUnits: number;
  dueDay: number;
}

export interface BenchEstate {
  estateId: string;
  rooms: { id: string; chargeAreaCenti: number }[];
  items: BenchItem[];
  owner: { userId: string; customerId: string; roomId: string; sessionId: string };
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC, as MikroORM stores datetimes (forceUtcTimezone). */
function sqlNow(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

export async function seedEstate(conn: Connection): Promise<BenchEstate> {
  const now = sqlNow();
  const estateId = newId();
  const buildingId = newId();
  await insertRows(conn, 'estate', ['id', 'created_at', 'code', 'name'], [[estateId, now, 'BENCH', '压测花园']]);
  await insertRows(conn, 'building', ['id', 'created_at', 'estate_id', 'code', 'name'], [[buildingId, now, estateId, 'A', 'A栋']]);

  const units: unknown[][] = [];
  const floors: unknown[][] = [];
  const roomRows: unknown[][] = [];
  const rooms: BenchEstate['rooms'] = [];
  for (let u = 1; u <= UNITS && rooms.length < ROOMS; u++) {
    const unitId = newId();
    units.push([unitId, now, estateId, buildingId, String(u)]);
    for (let f = 1; f <= FLOORS && rooms.length < ROOMS; f++) {
      const floorId = newId();
      floors.push([floorId, now, estateId, buildingId, unitId, f]);
      for (let r = 1; r <= ROOMS_PER_FLOOR && rooms.length < ROOMS; r++) {
        const id = newId();
        const chargeAreaCenti = 6000 + ((rooms.length * 7919) % 9000); // 60.00–149.99 ㎡
        const code = `A-${u}-${String(f).padStart(3, '0')}${String(r).padStart(2, '0')}`;
        roomRows.push([id, now, estateId, buildingId, unitId, floorId, code, f, chargeAreaCenti + 1500, chargeAreaCenti]);
        rooms.push({ id, chargeAreaCenti });
      }
    }
  }
  await insertRows(conn, 'unit', ['id', 'created_at', 'estate_id', 'building_id', 'code'], units);
  await insertRows(conn, 'floor', ['id', 'created_at', 'estate_id', 'building_id', 'unit_id', 'level'], floors);
  await insertRows(conn, 'room', ['id', 'created_at', 'estate_id', 'building_id', 'unit_id', 'floor_id', 'code', 'floor_level', 'building_area_centi', 'charge_area_centi'], roomRows);

  // 物业管理费 carries a late fee (0.05 % a day), so the owner's query computes 滞纳金 too.
  const items: (BenchItem & { code: string; lateFeeRatePpm: number })[] = [
    { id: newId(), code: 'WYF', name: '物业管理费', priceUnits: 28000, dueDay: 15, lateFeeRatePpm: 500 },
    { id: newId(), code: 'DTF', name: '电梯运行费', priceUnits: 3500, dueDay: 15, lateFeeRatePpm: 0 },
    { id: newId(), code: 'LJF', name: '生活垃圾处理费', priceUnits: 2000, dueDay: 15, lateFeeRatePpm: 0 },
  ];
  await insertRows(
    conn,
    'charge_item',
    ['id', 'created_at', 'estate_id', 'code', 'name', 'kind', 'price_units', 'due_day', 'late_fee_rate_ppm'],
    items.map((i) => [i.id, now, estateId, i.code, i.name, 'PERIODIC_AREA', i.priceUnits, i.dueDay, i.lateFeeRatePpm]),
  );
  const charges: unknown[][] = [];
  for (const room of rooms) for (const item of items) charges.push([newId(), now, estateId, room.id, item.id, '2024-01-01']);
  await insertRows(conn, 'room_charge', ['id', 'created_at', 'estate_id', 'room_id', 'item_id', 'start_date'], charges);

  // 业主: one customer per room, bound as owner and billing party; the one in the middle signs in.
  const ownerRoom = rooms[Math.floor(rooms.length / 2)];
  const owner = { userId: newId(), customerId: '', roomId: ownerRoom.id, sessionId: newId() };
  await insertRows(conn, 'user', ['id', 'created_at', 'display_name', 'phone'], [[owner.userId, now, '压测业主', '13900000001']]);
  await insertRows(conn, 'session', ['id', 'created_at', 'user_id', 'method'], [[owner.sessionId, now, owner.userId, 'bench']]);
  const customers: unknown[][] = [];
  const bindings: unknown[][] = [];
  rooms.forEach((room, i) => {
    const customerId = newId();
    const isOwner = room === ownerRoom;
    if (isOwner) owner.customerId = customerId;
    customers.push([customerId, now, estateId, isOwner ? '压测业主' : `业主${i + 1}`, isOwner ? '13900000001' : null, isOwner ? owner.userId : null]);
    bindings.push([newId(), now, estateId, room.id, customerId, 'OWNER', '2024-01-01', 1, '[]']);
  });
  await insertRows(conn, 'customer', ['id', 'created_at', 'estate_id', 'name', 'phone', 'user_id'], customers);
  await insertRows(conn, 'room_binding', ['id', 'created_at', 'estate_id', 'room_id', 'customer_id', 'relation', 'start_date', 'is_billing_party', 'permissions'], bindings);
  return { estateId, rooms, items, owner };
}

/** Earlier months' unpaid lines of the owner's room, as bill runs would have made them. */
export async function seedOwnerHistory(conn: Connection, estate: BenchEstate, periods: string[]): Promise<void> {
  const now = sqlNow();
  const room = estate.rooms.find((r) => r.id === estate.owner.roomId)!;
  const rows: unknown[][] = [];
  for (const period of periods) {
    for (const item of estate.items) {
      const charge = periodicByArea(room.chargeAreaCenti, item.priceUnits);
      rows.push([
        newId(), now, estate.estateId, room.id, estate.owner.customerId, item.id, period, `run:${room.id}:${item.id}:${period}`,
        charge.amountFen, dueDateOf(period, item.dueDay), JSON.stringify(charge.formula), `${item.name}：${charge.text}`,
      ]);
    }
  }
  await insertRows(conn, 'bill_line', ['id', 'created_at', 'estate_id', 'room_id', 'customer_id', 'item_id', 'period', 'dedupe_key', 'amount_fen', 'due_date', 'formula', 'explanation'], rows);
}
