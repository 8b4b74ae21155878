import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { GatewayContext } from '../../context';
import { systemEm } from '../../context';
import { newId } from '../../core/ids';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { findEstateRows, insertIgnoringDuplicates, type EstateRow } from '../../core/scope/estate-bulk';
import { activeOn } from '../../core/scope/load-scope';
import type { Logger } from '../../core/logger';
import { Room } from '../property/entities';
import { getEstate } from '../property/service';
import { RoomBinding } from '../customer/service';
import { BillLine, BillRun, ChargeItem, Meter, MeterReading, RoomCharge } from './entities';
import { BillRunStatus, ChargeKind } from './enums';
import { metered, periodicByArea, periodicFixed, sharedMeter, type Charge } from './formulas';
import { assertPeriod, dueDateOf, firstDay, lastDay } from './period';
import { assertPeriodOpen, offsetFromPrepaidForRooms } from './ledger';

/** Rooms per batch: one transaction, a handful of statements, bounded memory whatever the estate's size. */
export const BILL_RUN_BATCH = 1000;

type LineRow = Record<string, unknown>;

function lineRow(estateId: string, roomId: string, customerId: string | null, item: ChargeItem, period: string, key: string, charge: Charge<unknown>): LineRow {
  return {
    id: newId(),
    createdAt: new Date(),
    estate: estateId,
    room: roomId,
    customer: customerId,
    item: item.id,
    period,
    dedupeKey: key,
    amountFen: charge.amountFen,
    paidFen: 0,
    reducedFen: 0,
    dueDate: dueDateOf(period, item.dueDay),
    formula: charge.formula,
    explanation: `${item.name}：${charge.text}`.slice(0, 255),
  };
}

type BatchRoom = EstateRow<Room, 'id' | 'code' | 'chargeAreaCenti'>;

/**
 * Lines of one batch of rooms: periodic items by assignment, metered items by each room's meters.
 * Everything is read first; the lines are made as the insert takes them, chunk by chunk, so making
 * the next chunk overlaps writing the last.
 */
async function batchLines(em: EntityManager, estateId: string, period: string, rooms: BatchRoom[]): Promise<Iterable<LineRow>> {
  const roomIds = rooms.map((r) => r.id);
  // Charges and payers as plain rows (thousands a batch); items, not joined to the charges: with
  // the join MariaDB walks room_charge by item — every room of the estate, for every batch.
  const [charges, meters, payers] = await Promise.all([
    findEstateRows(em, estateId, RoomCharge, { room: { $in: roomIds }, startDate: { $lte: lastDay(period) }, $or: [{ endDate: null }, { endDate: { $gte: firstDay(period) } }] }, ['room', 'item']),
    em.find(Meter, { room: { $in: roomIds } }, { populate: ['item'], strategy: 'select-in' }),
    findEstateRows(em, estateId, RoomBinding, { room: { $in: roomIds }, isBillingParty: true, ...activeOn(lastDay(period)) }, ['room', 'customer']),
  ]);
  const items = new Map((await em.find(ChargeItem, { id: { $in: [...new Set(charges.map((c) => c.item))] } })).map((i) => [i.id, i]));
  const readings = meters.length > 0 ? await em.find(MeterReading, { meter: { $in: meters.map((m) => m.id) }, period: { $lte: period } }, { orderBy: { period: 'desc' } }) : [];
  const payerOf = new Map(payers.map((b) => [b.room, b.customer]));
  const byId = new Map(rooms.map((r) => [r.id, r]));
  return (function* () {
    for (const c of charges) {
      const item = items.get(c.item)!;
      const room = byId.get(c.room)!;
      let charge: Charge<unknown> | null = null;
      if (item.kind === ChargeKind.PERIODIC_AREA) charge = periodicByArea(room.chargeAreaCenti, item.priceUnits);
      else if (item.kind === ChargeKind.PERIODIC_FIXED) charge = periodicFixed(item.fixedFen);
      if (charge && charge.amountFen > 0) yield lineRow(estateId, room.id, payerOf.get(room.id) ?? null, item, period, `run:${room.id}:${item.id}:${period}`, charge);
    }
    for (const meter of meters) {
      const mine = readings.filter((r) => r.meter.id === meter.id);
      const [current, previous] = mine;
      if (!current || current.period !== period || !previous) continue; // no reading this month, or no base reading yet
      const item = meter.item.getEntity();
      const charge = metered({ previous: previous.readingMilli, current: current.readingMilli, multiplier: meter.multiplier, replacement: replacementOf(current), ...pricing(item) });
      if (charge.amountFen > 0) yield lineRow(estateId, meter.room!.id, payerOf.get(meter.room!.id) ?? null, item, period, `meter:${meter.id}:${period}`, charge);
    }
  })();
}

/** A metered item's price: 阶梯价 on the month's use when it has tiers, else one unit price. */
function pricing(item: ChargeItem): { tiers: { upTo: number | null; priceUnits: number }[] } | { priceUnits: number } {
  return item.tiers?.length ? { tiers: item.tiers } : { priceUnits: item.priceUnits };
}

function replacementOf(r: MeterReading) {
  return r.oldFinalMilli != null && r.newBaseMilli != null ? { oldFinal: r.oldFinalMilli, newBase: r.newBaseMilli } : undefined;
}

/** 公摊: each public meter's charge this period, split over the rooms it serves by charge area. */
async function sharedLines(em: EntityManager, estateId: string, period: string): Promise<LineRow[]> {
  const meters = await em.find(Meter, { estate: estateId, room: null }, { populate: ['item'] });
  const rows: LineRow[] = [];
  for (const meter of meters) {
    const [current, previous] = await em.find(MeterReading, { meter, period: { $lte: period } }, { orderBy: { period: 'desc' }, limit: 2 });
    if (!current || current.period !== period || !previous || !meter.sharedRoomIds?.length) continue;
    const rooms = await em.find(Room, { id: { $in: meter.sharedRoomIds } });
    const payers = await em.find(RoomBinding, { room: { $in: meter.sharedRoomIds }, isBillingParty: true, ...activeOn(lastDay(period)) });
    const payerOf = new Map(payers.map((b) => [b.room.id, b.customer.id]));
    const item = meter.item.getEntity();
    const whole = sharedMeter({ previous: previous.readingMilli, current: current.readingMilli, multiplier: meter.multiplier, priceUnits: item.priceUnits, replacement: replacementOf(current), rooms: rooms.map((r) => ({ code: r.code, areaCenti: r.chargeAreaCenti })) });
    const byCode = new Map(rooms.map((r) => [r.code, r]));
    for (const part of whole.parts) {
      const room = byCode.get(part.key)!;
      const charge = { amountFen: part.amountFen, formula: { ...part.formula, meter: whole.formula.meter, meterCode: meter.code, totalFen: whole.amountFen }, text: `${whole.text}：${part.text}` };
      rows.push(lineRow(estateId, room.id, payerOf.get(room.id) ?? null, item, period, `shared:${meter.id}:${room.id}:${period}`, charge));
    }
  }
  return rows;
}

/**
 * Runs a bill run to the end, batch by batch, each batch its own transaction. Every line has a
 * deterministic dedupe key, so a run that was killed halfway and started again ends with exactly
 * the lines of an uninterrupted run.
 */
export interface BillRunOptions {
  /** Rooms per batch (one transaction each). */
  batchSize?: number;
  /** Called after each committed batch with the rooms done so far; a throw stops the run there, as a crash would. */
  afterBatch?: (roomsDone: number) => void | Promise<void>;
}

export async function executeBillRun(orm: MikroORM, runId: string, logger: Logger, options: BillRunOptions = {}): Promise<void> {
  const batchSize = options.batchSize ?? BILL_RUN_BATCH;
  const em = systemEm(orm);
  const run = await em.findOneOrFail(BillRun, runId);
  const estateId = run.estate.id;
  try {
    const roomsAfter = (after: string) => findEstateRows(em, estateId, Room, { estate: estateId, id: { $gt: after } }, ['id', 'code', 'chargeAreaCenti'], { orderBy: { id: 'asc' }, limit: batchSize });
    for (let rooms = await roomsAfter(''); rooms.length > 0; ) {
      // The next batch's rooms are read (outside any transaction, as ever) while this one is written.
      const next = roomsAfter(rooms[rooms.length - 1].id);
      next.catch(() => undefined); // awaited below; a batch that fails first leaves it unawaited
      await em.transactional(async (tx) => {
        const inserted = await insertIgnoringDuplicates(tx, estateId, BillLine, 'dedupeKey', await batchLines(tx, estateId, run.period, rooms));
        await offsetFromPrepaidForRooms(tx, estateId, rooms.map((r) => r.id));
        const live = await tx.findOneOrFail(BillRun, runId);
        live.roomsDone += rooms.length;
        live.linesCreated += inserted;
      });
      em.clear();
      await options.afterBatch?.((await em.findOneOrFail(BillRun, runId)).roomsDone);
      rooms = await next;
    }
    await em.transactional(async (tx) => {
      const shared = await sharedLines(tx, estateId, run.period);
      const inserted = await insertIgnoringDuplicates(tx, estateId, BillLine, 'dedupeKey', shared);
      await offsetFromPrepaidForRooms(tx, estateId, [...new Set(shared.map((row) => row.room as string))]);
      const live = await tx.findOneOrFail(BillRun, runId);
      live.linesCreated += inserted;
      live.status = BillRunStatus.DONE;
      live.finishedAt = new Date();
    });
  } catch (err) {
    logger.error({ err, runId }, 'bill run failed');
    await systemEm(orm).nativeUpdate(BillRun, { id: runId }, { status: BillRunStatus.FAILED, error: String((err as Error).message).slice(0, 255), finishedAt: new Date() });
  }
}

/** 生成常规/仪表费用: starts a run in the background and returns its job row to poll. */
export async function startBillRun(ctx: GatewayContext, estateId: string, period: string): Promise<BillRun> {
  const estate = await getEstate(ctx, estateId);
  requireStaffPermission(ctx, estate.id, Permission.BILLING_OPERATE);
  assertPeriod(period);
  await assertPeriodOpen(ctx.em, estate.id, period);
  const run = await ctx.em.transactional(async (em) => {
    const run = em.create(BillRun, { estate, period, roomsTotal: await em.count(Room, { estate }) });
    ctx.audit.record(em, { action: 'billing.run', estateId: estate.id, entityType: 'BillRun', entityId: run.id, after: { period } });
    return run;
  });
  ctx.services.billRuns.track(run.id, executeBillRun(ctx.services.orm, run.id, ctx.log));
  return run;
}
