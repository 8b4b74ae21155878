import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from '../core/logger';
import { shanghaiDate } from '../core/clock';
import { Estate, Room } from '../modules/property/entities';
import { BillLine, BillRun, ChargeItem, Meter, MeterReading, RoomCharge } from '../modules/billing/entities';
import { ChargeKind, PaymentMethod } from '../modules/billing/enums';
import { executeBillRun } from '../modules/billing/bill-run';
import { recordPayment } from '../modules/billing/ledger';
import { billingPartyOf } from '../modules/billing/parties';
import { previousPeriod } from '../modules/billing/period';

/**
 * The demo estate's fees: 物业管理费 2.80 元/㎡/月 for every room, water meters on the named demo
 * rooms, a shared public meter on A栋 2单元 15层, bills for the last two months, and the older
 * month paid at the desk for A-2-1503 — so an owner's bills page has something to show and pay.
 */
export async function seedDemoBilling(orm: MikroORM, em: EntityManager, logger: Logger, now: Date): Promise<void> {
  const estate = await em.findOneOrFail(Estate, { code: 'YGHY' });
  const current = shanghaiDate(now).slice(0, 7);
  const last = previousPeriod(current);
  const older = previousPeriod(last);
  const base = previousPeriod(older);
  const fee = em.create(ChargeItem, { estate, code: 'WYF', name: '物业管理费', kind: ChargeKind.PERIODIC_AREA, priceUnits: 28000, dueDay: 15, lateFeeRatePpm: 500 });
  const water = em.create(ChargeItem, { estate, code: 'SF', name: '水费', kind: ChargeKind.METERED, priceUnits: 42000, dueDay: 15 });
  const shared = em.create(ChargeItem, { estate, code: 'GTDF', name: '公摊电费', kind: ChargeKind.SHARED, priceUnits: 6200, dueDay: 15 });
  const rooms = await em.find(Room, { estate }, { fields: ['id', 'code', 'estate'] });
  for (const room of rooms) em.create(RoomCharge, { estate, room: room.id, item: fee, startDate: `${base}-01` });
  const byCode = new Map(rooms.map((r) => [r.code, r]));
  const readings: [string, number, number, number][] = [['A-2-1503', 12300, 18700, 25800], ['A-2-1504', 40100, 47300, 55900], ['B-1-0801', 8000, 15200, 21100]];
  for (const [code, r0, r1, r2] of readings) {
    const meter = em.create(Meter, { estate, room: byCode.get(code)!.id, item: water, code: `W-${code}` });
    for (const [period, value] of [[base, r0], [older, r1], [last, r2]] as const) em.create(MeterReading, { estate, meter, period, readingMilli: value });
  }
  const floor15 = rooms.filter((r) => r.code.startsWith('A-2-15')).map((r) => r.id);
  const pub = em.create(Meter, { estate, item: shared, code: 'E-A2-15', sharedRoomIds: floor15 });
  for (const [period, value] of [[base, 5_000_000], [older, 5_800_000], [last, 6_800_000]] as const) em.create(MeterReading, { estate, meter: pub, period, readingMilli: value });
  await em.flush();

  for (const period of [older, last]) {
    const run = em.create(BillRun, { estate, period, roomsTotal: rooms.length });
    await em.flush();
    await executeBillRun(orm, run.id, logger);
  }
  const owner = byCode.get('A-2-1503')!;
  await em.transactional(async (tx) => {
    const lines = await tx.find(BillLine, { room: owner.id, period: older });
    const total = lines.reduce((s, l) => s + l.amountFen, 0);
    await recordPayment(tx, { estateId: estate.id, roomId: owner.id, customerId: await billingPartyOf(tx, owner.id, shanghaiDate(now)), cashierUserId: null, method: PaymentMethod.CASH, amountFen: total, lineIds: lines.map((l) => l.id), paidAt: now, note: '演示：前台现金缴费' });
  });
  logger.info({ periods: [older, last] }, 'demo bills generated');
}
