import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { snapshot } from '../../core/audit/audit-trail';
import { badInput, conflict, notFound } from '../../core/errors';
import { isLocalDate } from '../../core/clock';
import { parseId } from '../../core/ids';
import { Room } from '../property/entities';
import { getEstate } from '../property/service';
import { BillLine, ChargeItem, Meter, MeterReading, RoomCharge } from './entities';
import { ChargeKind } from './enums';
import { metered, parseDailyRatePercent, parsePrice, parseReading } from './formulas';
import type { AssignChargeInput, ChargeItemInput, MeterInput, ReadingInput } from './inputs';
import { assertPeriod } from './period';

export async function getChargeItem(ctx: GatewayContext, id: string): Promise<ChargeItem> {
  const item = await ctx.em.findOne(ChargeItem, { id: parseId(id, 'itemId') });
  if (!item) throw notFound('收费项目不存在');
  return item;
}

/** 收费项目 and its standard (price, due day, late fee). */
export async function createChargeItem(ctx: GatewayContext, input: ChargeItemInput): Promise<ChargeItem> {
  const estate = await getEstate(ctx, input.estateId);
  requireStaffPermission(ctx, estate.id, Permission.BILLING_SETUP);
  const tiers = input.tiers?.length ? input.tiers.map((t, i) => ({ upTo: t.upTo ? parseReading(t.upTo, `tiers.${i}.upTo`) : null, priceUnits: parsePrice(t.price, `tiers.${i}.price`) })) : null;
  if (tiers && input.kind !== ChargeKind.METERED) throw badInput([{ field: 'tiers', message: '只有走表费用可以设置阶梯价' }]);
  if (tiers) metered({ previous: 0, current: 0, tiers }); // checks the tiers: ascending limits, an open last one
  const needsPrice = [ChargeKind.PERIODIC_AREA, ChargeKind.METERED, ChargeKind.SHARED].includes(input.kind) && !tiers;
  if (needsPrice && !input.price) throw badInput([{ field: 'price', message: '请填写单价' }]);
  if (input.kind === ChargeKind.PERIODIC_FIXED && !input.fixedFen) throw badInput([{ field: 'fixedFen', message: '请填写固定金额' }]);
  return ctx.em.transactional(async (em) => {
    if (await em.count(ChargeItem, { estate, code: input.code })) throw conflict('项目编码已存在');
    const item = em.create(ChargeItem, {
      estate,
      code: input.code,
      name: input.name,
      kind: input.kind,
      priceUnits: input.price ? parsePrice(input.price) : 0,
      fixedFen: input.fixedFen ?? 0,
      tiers,
      dueDay: input.dueDay,
      lateFeeGraceDays: input.lateFeeGraceDays,
      lateFeeRatePpm: parseDailyRatePercent(input.lateFeeRatePercent),
      lateFeeCapAtPrincipal: input.lateFeeCapAtPrincipal,
    });
    ctx.audit.record(em, { action: 'billing.item.create', estateId: estate.id, entityType: 'ChargeItem', entityId: item.id, after: snapshot(item) });
    return item;
  });
}

/** 房间收费标准设置, room by room or a whole building; a room already assigned the item from that date is skipped. */
export async function assignCharge(ctx: GatewayContext, input: AssignChargeInput): Promise<number> {
  const item = await getChargeItem(ctx, input.itemId);
  requireStaffPermission(ctx, item.estate.id, Permission.BILLING_SETUP);
  if (![ChargeKind.PERIODIC_AREA, ChargeKind.PERIODIC_FIXED].includes(item.kind)) throw badInput([{ field: 'itemId', message: '只有常规费用需要按房间设置' }]);
  if (!isLocalDate(input.startDate)) throw badInput([{ field: 'startDate', message: '日期无效' }]);
  if (input.endDate && (!isLocalDate(input.endDate) || input.endDate < input.startDate)) throw badInput([{ field: 'endDate', message: '结束日期无效' }]);
  const where = input.buildingId
    ? { estate: item.estate, building: parseId(input.buildingId, 'buildingId') }
    : { estate: item.estate, id: { $in: (input.roomIds ?? []).map((id) => parseId(id, 'roomIds')) } };
  const rooms = await ctx.em.find(Room, where, { fields: ['id'] });
  if (rooms.length === 0 || (input.roomIds && rooms.length !== new Set(input.roomIds).size)) throw notFound('房间不存在');
  return ctx.em.transactional(async (em) => {
    const existing = new Set((await em.find(RoomCharge, { item, room: { $in: rooms.map((r) => r.id) }, startDate: input.startDate })).map((c) => c.room.id));
    const fresh = rooms.filter((r) => !existing.has(r.id));
    for (const room of fresh) em.create(RoomCharge, { estate: item.estate, room: room.id, item, startDate: input.startDate, endDate: input.endDate ?? null });
    ctx.audit.record(em, { action: 'billing.assign', estateId: item.estate.id, entityType: 'ChargeItem', entityId: item.id, after: { rooms: fresh.length, startDate: input.startDate, endDate: input.endDate ?? null, buildingId: input.buildingId ?? null } });
    return fresh.length;
  });
}

/** A room meter or a public meter (公摊), with its base reading 表底数 for the month before billing starts. */
export async function createMeter(ctx: GatewayContext, input: MeterInput): Promise<Meter> {
  const item = await getChargeItem(ctx, input.itemId);
  requireStaffPermission(ctx, item.estate.id, Permission.BILLING_SETUP);
  const shared = item.kind === ChargeKind.SHARED;
  if (!shared && item.kind !== ChargeKind.METERED) throw badInput([{ field: 'itemId', message: '该项目不是走表或公摊费用' }]);
  if (!shared && !input.roomId) throw badInput([{ field: 'roomId', message: '户表须指定房间' }]);
  if (shared && !input.sharedRoomIds?.length) throw badInput([{ field: 'sharedRoomIds', message: '公共表须指定分摊房间' }]);
  const roomIds = shared ? input.sharedRoomIds!.map((id) => parseId(id, 'sharedRoomIds')) : [parseId(input.roomId!, 'roomId')];
  const rooms = await ctx.em.find(Room, { id: { $in: roomIds }, estate: item.estate });
  if (rooms.length !== new Set(roomIds).size) throw notFound('房间不存在');
  const basePeriod = assertPeriod(input.basePeriod, 'basePeriod');
  return ctx.em.transactional(async (em) => {
    if (await em.count(Meter, { estate: item.estate, code: input.code })) throw conflict('表号已存在');
    const meter = em.create(Meter, { estate: item.estate, item, code: input.code, room: shared ? null : rooms[0], multiplier: input.multiplier, sharedRoomIds: shared ? roomIds : null });
    em.create(MeterReading, { estate: item.estate, meter, period: basePeriod, readingMilli: parseReading(input.baseReading, 'baseReading') });
    ctx.audit.record(em, { action: 'billing.meter.create', estateId: item.estate.id, entityType: 'Meter', entityId: meter.id, after: snapshot(meter) });
    return meter;
  });
}

/**
 * 抄表, one or many readings in one transaction (all or nothing). A reading below the previous one
 * is refused unless the meter was replaced this period (old meter's final + new meter's base).
 */
export async function recordReadings(ctx: GatewayContext, inputs: ReadingInput[]): Promise<MeterReading[]> {
  if (inputs.length === 0 || inputs.length > 2000) throw badInput([{ field: 'readings', message: '每次录入1-2000条读数' }]);
  const meters = await ctx.em.find(Meter, { id: { $in: inputs.map((r, i) => parseId(r.meterId, `readings.${i}.meterId`)) } });
  const byId = new Map(meters.map((m) => [m.id, m]));
  for (const m of meters) requireStaffPermission(ctx, m.estate.id, Permission.BILLING_OPERATE);
  return ctx.em.transactional(async (em) => {
    const saved: MeterReading[] = [];
    for (const [i, input] of inputs.entries()) {
      const meter = byId.get(input.meterId);
      if (!meter) throw notFound('仪表不存在');
      const period = assertPeriod(input.period, `readings.${i}.period`);
      const value = parseReading(input.reading, `readings.${i}.reading`);
      const previous = await em.findOne(MeterReading, { meter, period: { $lt: period } }, { orderBy: { period: 'desc' } });
      if (!previous) throw badInput([{ field: `readings.${i}.meterId`, message: '该表没有表底数' }]);
      const replaced = input.oldMeterFinal !== undefined && input.newMeterBase !== undefined;
      const oldFinal = replaced ? parseReading(input.oldMeterFinal!, `readings.${i}.oldMeterFinal`) : null;
      const newBase = replaced ? parseReading(input.newMeterBase!, `readings.${i}.newMeterBase`) : null;
      if (replaced && (oldFinal! < previous.readingMilli || value < newBase!)) throw badInput([{ field: `readings.${i}.reading`, message: '换表读数不正确' }]);
      if (!replaced && value < previous.readingMilli) throw badInput([{ field: `readings.${i}.reading`, message: `读数低于上次读数（${previous.period}），如已换表请填写旧表止数和新表底数` }]);
      let reading = await em.findOne(MeterReading, { meter, period });
      if (reading && (await em.count(BillLine, { $or: [{ dedupeKey: `meter:${meter.id}:${period}` }, { dedupeKey: { $like: `shared:${meter.id}:%:${period}` } }] }, { filters: false }))) {
        // Billed already: changing the reading would not change the bill. Correct it with a reduction or a one-off charge.
        throw conflict(`${period} 的账单已按该读数生成，不能再修改读数，请通过减免或临时费用更正`, 'READING_BILLED');
      }
      if (reading) Object.assign(reading, { readingMilli: value, oldFinalMilli: oldFinal, newBaseMilli: newBase });
      else reading = em.create(MeterReading, { estate: meter.estate, meter, period, readingMilli: value, oldFinalMilli: oldFinal, newBaseMilli: newBase });
      saved.push(reading);
    }
    ctx.audit.record(em, { action: 'billing.readings', estateId: meters[0].estate.id, entityType: 'MeterReading', after: { count: saved.length, period: inputs[0].period } });
    return saved;
  });
}
