import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { addDays } from '../../../core/clock';
import { Building, Estate, Floor, Room } from '../../property/entities';
import { BillLine, ChargeItem, PrepaidEntry } from '../../billing/entities';
import { ChargeKind, PrepaidEntryKind } from '../../billing/enums';
import { AGING_BUCKETS, bucketOf, daysPastDue, type AgingKey } from '../figures';

/*
 * One estate of rows written straight to the tables, shared by the SQLite spec (here) and the
 * MariaDB integration test (test/integration/report): the same rows must give the same numbers
 * on both databases. Expected aging is computed line by line in JS, the SQL's oracle.
 */

export const FIXTURE_PERIOD = '2026-10';
export const FIXTURE_AS_OF = '2026-12-31';

interface LineSpec { room: 'A1' | 'A2' | 'B1'; item: 'WYF' | 'SF'; period: string; daysPastDue: number; amount: number; paid: number; reduced: number }

/** Days past due at FIXTURE_AS_OF sit on every bucket boundary; open amounts are distinct powers of two. */
const LINES: LineSpec[] = [
  // the month of the collection report (due 2026-11-15, 46 days before asOf)
  { room: 'A1', item: 'WYF', period: FIXTURE_PERIOD, daysPastDue: 46, amount: 10_000, paid: 10_000, reduced: 0 },
  { room: 'A2', item: 'WYF', period: FIXTURE_PERIOD, daysPastDue: 46, amount: 20_000, paid: 5_000, reduced: 1_000 },
  { room: 'B1', item: 'WYF', period: FIXTURE_PERIOD, daysPastDue: 46, amount: 30_000, paid: 0, reduced: 0 },
  { room: 'A1', item: 'SF', period: FIXTURE_PERIOD, daysPastDue: 46, amount: 333, paid: 0, reduced: 0 },
  // aging boundaries
  { room: 'A1', item: 'WYF', period: '2026-12', daysPastDue: 0, amount: 1, paid: 0, reduced: 0 },
  { room: 'A1', item: 'SF', period: '2026-11', daysPastDue: 1, amount: 2, paid: 0, reduced: 0 },
  { room: 'A2', item: 'SF', period: '2026-11', daysPastDue: 30, amount: 4, paid: 0, reduced: 0 },
  { room: 'A2', item: 'SF', period: '2026-09', daysPastDue: 31, amount: 108, paid: 100, reduced: 0 },
  { room: 'B1', item: 'SF', period: '2026-08', daysPastDue: 90, amount: 16, paid: 0, reduced: 0 },
  { room: 'B1', item: 'SF', period: '2026-07', daysPastDue: 91, amount: 32, paid: 0, reduced: 0 },
  { room: 'A1', item: 'WYF', period: '2026-05', daysPastDue: 180, amount: 64, paid: 0, reduced: 0 },
  { room: 'A1', item: 'WYF', period: '2026-04', daysPastDue: 181, amount: 128, paid: 0, reduced: 0 },
  { room: 'B1', item: 'WYF', period: '2025-12', daysPastDue: 365, amount: 256, paid: 0, reduced: 0 },
  { room: 'B1', item: 'WYF', period: '2025-11', daysPastDue: 366, amount: 1_000, paid: 0, reduced: 488 },
  { room: 'A2', item: 'WYF', period: '2024-01', daysPastDue: 1_000, amount: 1_024, paid: 0, reduced: 0 },
  // settled long ago: not in the aging
  { room: 'A2', item: 'WYF', period: '2025-01', daysPastDue: 700, amount: 5_000, paid: 4_000, reduced: 1_000 },
];

const PREPAID: [LineSpec['room'], number][] = [['A1', 5_000], ['A1', -2_000], ['A2', 100], ['A2', -100], ['B1', 7]];

export interface FixtureExpectations {
  estateId: string;
  otherEstateId: string;
  collection: {
    byItem: Record<string, [number, number, number, number]>; // receivable, received, reduced, outstanding
    byBuilding: Record<string, [number, number, number, number]>;
    total: [number, number, number, number];
    rateBp: number;
  };
  aging: { byBuilding: Record<string, Record<AgingKey | 'totalFen' | 'roomCount', number>>; total: Record<AgingKey | 'totalFen' | 'roomCount', number> };
  prepaid: { rooms: Record<string, number>; totalFen: number };
}

/** What the aging report must say at `asOf`, line by line (the fixture's due dates are fixed by FIXTURE_AS_OF). */
export function expectedAgingAt(asOf: string, specs: LineSpec[] = LINES) {
  const zero = () => Object.fromEntries([...AGING_BUCKETS.map((b) => b.key), 'totalFen', 'roomCount'].map((k) => [k, 0])) as Record<AgingKey | 'totalFen' | 'roomCount', number>;
  const byBuilding: Record<string, ReturnType<typeof zero>> = {};
  const rooms: Record<string, Set<string>> = {};
  for (const l of specs) {
    const open = l.amount - l.paid - l.reduced;
    const days = daysPastDue(addDays(FIXTURE_AS_OF, -l.daysPastDue), asOf);
    if (open <= 0 || days < 1) continue;
    const building = l.room.slice(0, 1);
    const row = (byBuilding[building] ??= zero());
    row[bucketOf(days)] += open;
    row.totalFen += open;
    (rooms[building] ??= new Set()).add(l.room);
  }
  for (const [b, set] of Object.entries(rooms)) byBuilding[b].roomCount = set.size;
  const total = zero();
  for (const row of Object.values(byBuilding)) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += row[k];
  return { byBuilding, total };
}

/** Writes the fixture through a system-scoped EntityManager and returns what the reports must say. */
export async function seedReportFixture(em: EntityManager): Promise<FixtureExpectations> {
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const estate = em.create(Estate, { code: `RPT${tag}`, name: '报表测试小区' });
  const other = em.create(Estate, { code: `RPO${tag}`, name: '别的小区' });
  const buildings = { A: em.create(Building, { estate, code: 'A', name: 'A栋' }), B: em.create(Building, { estate, code: 'B', name: 'B栋' }) };
  const floor = (b: Building) => em.create(Floor, { estate, building: b, level: 1 });
  const fa = floor(buildings.A);
  const fb = floor(buildings.B);
  const room = (code: string, building: Building, f: Floor) => em.create(Room, { estate, building, floor: f, floorLevel: 1, code, chargeAreaCenti: 10_000, buildingAreaCenti: 11_000 });
  const rooms = { A1: room('A-101', buildings.A, fa), A2: room('A-102', buildings.A, fa), B1: room('B-101', buildings.B, fb) };
  const items = {
    WYF: em.create(ChargeItem, { estate, code: 'WYF', name: '物业管理费', kind: ChargeKind.PERIODIC_AREA }),
    SF: em.create(ChargeItem, { estate, code: 'SF', name: '水费', kind: ChargeKind.METERED }),
  };
  LINES.forEach((l, i) =>
    em.create(BillLine, {
      estate, room: rooms[l.room], item: items[l.item], period: l.period, dedupeKey: `fixture:${tag}:${i}`,
      amountFen: l.amount, paidFen: l.paid, reducedFen: l.reduced, dueDate: addDays(FIXTURE_AS_OF, -l.daysPastDue),
      formula: {}, explanation: 'fixture',
    }),
  );
  for (const [r, amountFen] of PREPAID) em.create(PrepaidEntry, { estate, room: rooms[r], kind: amountFen > 0 ? PrepaidEntryKind.DEPOSIT : PrepaidEntryKind.OFFSET, amountFen });
  // Another estate's rows, which no report of this estate may count.
  const ob = em.create(Building, { estate: other, code: 'A', name: 'A栋' });
  const oroom = em.create(Room, { estate: other, building: ob, floor: em.create(Floor, { estate: other, building: ob, level: 1 }), floorLevel: 1, code: 'A-101', chargeAreaCenti: 10_000, buildingAreaCenti: 11_000 });
  const oitem = em.create(ChargeItem, { estate: other, code: 'WYF', name: '物业管理费', kind: ChargeKind.PERIODIC_AREA });
  em.create(BillLine, { estate: other, room: oroom, item: oitem, period: FIXTURE_PERIOD, dedupeKey: `fixture:${tag}:other`, amountFen: 99_999, dueDate: '2026-01-15', formula: {}, explanation: 'fixture' });
  em.create(PrepaidEntry, { estate: other, room: oroom, kind: PrepaidEntryKind.DEPOSIT, amountFen: 999 });
  await em.flush();

  return {
    estateId: estate.id,
    otherEstateId: other.id,
    collection: {
      // 物业管理费 10000+20000+30000 / paid 15000 / reduced 1000; 水费 333 open
      byItem: { WYF: [60_000, 15_000, 1_000, 44_000], SF: [333, 0, 0, 333] },
      byBuilding: { A: [30_333, 15_000, 1_000, 14_333], B: [30_000, 0, 0, 30_000] },
      total: [60_333, 15_000, 1_000, 44_333],
      rateBp: 2486, // 15000 / 60333 = 0.248620…
    },
    aging: expectedAgingAt(FIXTURE_AS_OF),
    prepaid: { rooms: { 'A-101': 3_000, 'B-101': 7 }, totalFen: 3_007 },
  };
}
