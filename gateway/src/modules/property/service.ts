import type { GatewayContext } from '../../context';
import { parseArea } from '../../core/area';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { snapshot } from '../../core/audit/audit-trail';
import { notFound } from '../../core/errors';
import { parseId } from '../../core/ids';
import { Estate, Room } from './entities';
import type { GenerateRoomsInput, GenerateRoomsResult } from './inputs';
import { roomSlots } from './room-codes';
import { PropertyTreeBuilder } from './tree';

/** Loads an estate through the viewer's scope: another estate answers NOT_FOUND. */
export async function getEstate(ctx: GatewayContext, id: string): Promise<Estate> {
  const estate = await ctx.loaders.estate.load(parseId(id, 'estateId'));
  if (!estate) throw notFound('小区不存在');
  return estate;
}

export async function getRoom(ctx: GatewayContext, id: string, field = 'id'): Promise<Room> {
  const room = await ctx.loaders.room.load(parseId(id, field));
  if (!room) throw notFound('房间不存在');
  return room;
}

/** 批量生成房间. Existing codes are skipped, so running it twice adds nothing. */
export async function generateRooms(ctx: GatewayContext, input: GenerateRoomsInput): Promise<GenerateRoomsResult> {
  const estate = await getEstate(ctx, input.estateId);
  requireStaffPermission(ctx, estate.id, Permission.PROPERTY_WRITE);
  const buildingAreaCenti = parseArea(input.buildingArea, 'buildingArea');
  const chargeAreaCenti = parseArea(input.chargeArea, 'chargeArea');

  return ctx.em.transactional(async (em) => {
    const tree = new PropertyTreeBuilder(em, estate);
    await tree.preload();
    const building = tree.building(input.buildingCode, input.buildingName);
    const slots = roomSlots(input.buildingCode, input.units, input.floors, input.roomsPerFloor);
    const existing = new Set(
      (await em.find(Room, { estate, code: { $in: slots.map((s) => s.code) } }, { fields: ['code'] })).map((r) => r.code),
    );
    let created = 0;
    for (const slot of slots) {
      if (existing.has(slot.code)) continue;
      const unit = tree.unit(building, slot.unit);
      em.persist(
        em.create(Room, {
          estate,
          building,
          unit,
          floor: tree.floor(building, unit, slot.floor),
          floorLevel: slot.floor,
          code: slot.code,
          buildingAreaCenti,
          chargeAreaCenti,
          type: input.type,
          layout: input.layout ?? null,
        }),
      );
      created++;
    }
    ctx.audit.record(em, {
      action: 'room.generate',
      estateId: estate.id,
      entityType: 'Building',
      entityId: building.id,
      after: { ...snapshot(building), roomsCreated: created, pattern: `${input.units}×${input.floors}×${input.roomsPerFloor}` },
    });
    return { building, created, skipped: slots.length - created };
  });
}
