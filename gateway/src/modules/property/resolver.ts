import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import type { GatewayContext } from '../../context';
import { formatArea } from '../../core/area';
import { Permission } from '../../core/auth/roles';
import { requireViewer } from '../../core/auth/require';
import { ConnectionType, PageArgs, paginate } from '../../core/pagination';
import { parseId } from '../../core/ids';
import { notFound } from '../../core/errors';
import { FamilyPermission, BindingRelation } from '../customer/enums';
import { RoomBinding } from '../customer/entities';
import { Building, Estate, ParkingSpace, Room } from './entities';
import { GenerateParkingSpacesInput, GenerateRoomsInput, GenerateRoomsResult, ImportResult } from './inputs';
import { generateParkingSpaces } from './parking';
import { requireStaffPermission } from '../../core/auth/require';
import { generateRooms, getEstate, getRoom } from './service';
import { importRoomsAndCustomers } from './import-excel';

const RoomConnection = ConnectionType(Room, 'RoomConnection');
const ParkingSpaceConnection = ConnectionType(ParkingSpace, 'ParkingSpaceConnection');

@ArgsType()
class EstatePageArgs extends PageArgs {
  @Field(() => ID)
  estateId: string;
}

@ArgsType()
class RoomListArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  estateId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  buildingId?: string;

  @Field(() => String, { nullable: true, description: '按房间编码前缀搜索' })
  @IsOptional()
  @MaxLength(32, { message: '搜索词最多32个字' })
  search?: string;
}

@Resolver(() => Estate)
export class EstateResolver {
  @Authorized()
  @Query(() => [Estate], { description: '我能看到的小区' })
  estates(@Ctx() ctx: GatewayContext): Promise<Estate[]> {
    return ctx.em.find(Estate, {}, { orderBy: { code: 'asc' } });
  }

  @Authorized()
  @Query(() => Estate)
  estate(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Estate> {
    return getEstate(ctx, id);
  }

  @FieldResolver(() => [Building])
  buildings(@Root() estate: Estate, @Ctx() ctx: GatewayContext): Promise<Building[]> {
    return ctx.em.find(Building, { estate }, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => Int, { description: '我能看到的房间数' })
  roomCount(@Root() estate: Estate, @Ctx() ctx: GatewayContext): Promise<number> {
    return ctx.em.count(Room, { estate });
  }

  @Authorized(Permission.PROPERTY_WRITE)
  @Mutation(() => GenerateRoomsResult, { description: '批量生成房间（楼宇×单元×楼层×每层户数）' })
  generateRooms(@Arg('input', () => GenerateRoomsInput) input: GenerateRoomsInput, @Ctx() ctx: GatewayContext): Promise<GenerateRoomsResult> {
    return generateRooms(ctx, input);
  }

  @Authorized(Permission.PROPERTY_WRITE)
  @Mutation(() => ImportResult, { description: '从 Excel 导入房间和客户（base64 编码的 .xlsx）；有错误行则整体不导入' })
  importRoomsAndCustomers(
    @Arg('estateId', () => ID) estateId: string,
    @Arg('fileBase64', () => String) fileBase64: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ImportResult> {
    return importRoomsAndCustomers(ctx, estateId, fileBase64);
  }
}

@Resolver(() => Building)
export class BuildingResolver {
  @FieldResolver(() => Estate)
  async estate(@Root() building: Building, @Ctx() ctx: GatewayContext): Promise<Estate> {
    const estate = await ctx.loaders.estate.load(building.estate.id);
    if (!estate) throw notFound('小区不存在');
    return estate;
  }

  @FieldResolver(() => Int, { description: '我能看到的房间数' })
  roomCount(@Root() building: Building, @Ctx() ctx: GatewayContext): Promise<number> {
    return ctx.em.count(Room, { building });
  }
}

@Resolver(() => Room)
export class RoomResolver {
  @Authorized()
  @Query(() => Room)
  room(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Room> {
    return getRoom(ctx, id);
  }

  @Authorized()
  @Query(() => RoomConnection, { description: '房间列表（员工：本小区；住户：自己的房间）' })
  rooms(@Args(() => RoomListArgs) args: RoomListArgs, @Ctx() ctx: GatewayContext) {
    const where: Record<string, unknown> = {};
    if (args.estateId) where.estate = parseId(args.estateId, 'estateId');
    if (args.buildingId) where.building = parseId(args.buildingId, 'buildingId');
    if (args.search) where.code = { $like: `${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    return paginate(ctx.em, Room, where, args, { code: 'asc', id: 'asc' });
  }

  @Authorized()
  @Query(() => [Room], { description: '我今天绑定的房间' })
  async myRooms(@Ctx() ctx: GatewayContext): Promise<Room[]> {
    const viewer = requireViewer(ctx);
    if (viewer.scope.roomIds.length === 0) return [];
    return ctx.em.find(Room, { id: { $in: viewer.scope.roomIds } }, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => Estate)
  async estate(@Root() room: Room, @Ctx() ctx: GatewayContext): Promise<Estate> {
    const estate = await ctx.loaders.estate.load(room.estate.id);
    if (!estate) throw notFound('小区不存在');
    return estate;
  }

  @FieldResolver(() => Building)
  async building(@Root() room: Room, @Ctx() ctx: GatewayContext): Promise<Building> {
    const building = await ctx.loaders.building.load(room.building.id);
    if (!building) throw notFound('楼宇不存在');
    return building;
  }

  @FieldResolver(() => String, { nullable: true, description: '单元' })
  async unitCode(@Root() room: Room, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return room.unit ? ((await ctx.loaders.unit.load(room.unit.id))?.code ?? null) : null;
  }

  @FieldResolver(() => String, { description: '建筑面积（㎡）' })
  buildingArea(@Root() room: Room): string {
    return formatArea(room.buildingAreaCenti);
  }

  @FieldResolver(() => String, { description: '收费面积（㎡）' })
  chargeArea(@Root() room: Room): string {
    return formatArea(room.chargeAreaCenti);
  }

  @FieldResolver(() => [RoomBinding], { description: '今天有效的绑定：业主看到全部，家庭成员和租户只看到自己的' })
  bindings(@Root() room: Room, @Ctx() ctx: GatewayContext): Promise<RoomBinding[]> {
    return ctx.loaders.activeBindingsByRoom.load(room.id);
  }

  @FieldResolver(() => BindingRelation, { nullable: true, description: '我与该房间的关系' })
  myRelation(@Root() room: Room, @Ctx() ctx: GatewayContext): BindingRelation | null {
    return ctx.viewer?.bindingFor(room.id)?.relation ?? null;
  }

  @FieldResolver(() => [FamilyPermission], { description: '我在该房间可做的事' })
  myPermissions(@Root() room: Room, @Ctx() ctx: GatewayContext): FamilyPermission[] {
    return ctx.viewer?.bindingFor(room.id)?.permissions ?? [];
  }
}


@Resolver(() => ParkingSpace)
export class ParkingSpaceResolver {
  @Authorized(Permission.PROPERTY_READ)
  @Query(() => ParkingSpaceConnection, { description: '车位列表（员工）' })
  async parkingSpaces(@Args(() => EstatePageArgs) args: EstatePageArgs, @Ctx() ctx: GatewayContext) {
    const estate = await getEstate(ctx, args.estateId);
    requireStaffPermission(ctx, estate.id, Permission.PROPERTY_READ);
    return paginate(ctx.em, ParkingSpace, { estate }, args, { code: 'asc', id: 'asc' });
  }

  @Authorized(Permission.PROPERTY_WRITE)
  @Mutation(() => Int, { description: '批量生成车位，返回新建数量' })
  generateParkingSpaces(@Arg('input', () => GenerateParkingSpacesInput) input: GenerateParkingSpacesInput, @Ctx() ctx: GatewayContext): Promise<number> {
    return generateParkingSpaces(ctx, input);
  }

  @FieldResolver(() => String, { description: '面积（㎡）' })
  area(@Root() space: ParkingSpace): string {
    return formatArea(space.areaCenti);
  }
}
