import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/entity-base';
import { ScopedBy } from '../../core/scope/scope';
import { ParkingSpaceStatus, RoomStatus, RoomType } from './enums';

/** 小区/管理区. Residents, staff and the committee of an estate may read it. */
@ObjectType({ description: '小区' })
@Entity()
@ScopedBy<Estate>((s) => ({ id: { $in: s.memberEstateIds } }))
export class Estate extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 32, unique: true })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;
}

/** 楼宇 */
@ObjectType({ description: '楼宇' })
@Entity()
@Unique({ properties: ['estate', 'code'] })
@ScopedBy<Building>((s) => ({ estate: { $in: s.memberEstateIds } }))
export class Building extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  name: string;
}

/** 单元 (optional level between building and floor) */
@Entity()
@Unique({ properties: ['building', 'code'] })
@ScopedBy<Unit>((s) => ({ estate: { $in: s.memberEstateIds } }))
export class Unit extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Building, { ref: true })
  building: Ref<Building>;

  @Property({ type: 'string', length: 16 })
  code: string;
}

/** 楼层 */
@Entity()
@Unique({ properties: ['building', 'unit', 'level'] })
@ScopedBy<Floor>((s) => ({ estate: { $in: s.memberEstateIds } }))
export class Floor extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Building, { ref: true })
  building: Ref<Building>;

  @ManyToOne(() => Unit, { ref: true, nullable: true })
  unit?: Ref<Unit> | null;

  @Property({ type: 'integer' })
  level: number;
}

/**
 * 房间. Areas are kept in hundredths of a square metre (integers) so fee formulas stay exact;
 * 收费面积 (chargeArea) is the one fees use.
 */
@ObjectType({ description: '房间' })
@Entity()
@Unique({ properties: ['estate', 'code'] })
@Index({ properties: ['building', 'code'] })
@ScopedBy<Room>((s) => ({ $or: [{ estate: { $in: s.staffEstateIds } }, { id: { $in: s.roomIds } }] }))
export class Room extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Building, { ref: true })
  building: Ref<Building>;

  @ManyToOne(() => Unit, { ref: true, nullable: true })
  unit?: Ref<Unit> | null;

  @ManyToOne(() => Floor, { ref: true })
  floor: Ref<Floor>;

  @Field(() => String, { description: '房间编码，如 A-2-1503' })
  @Property({ type: 'string', length: 32 })
  code: string;

  @Field(() => Int, { name: 'floor', description: '楼层' })
  @Property({ type: 'integer' })
  floorLevel: number;

  @Property({ type: 'integer' })
  buildingAreaCenti: number;

  @Property({ type: 'integer' })
  chargeAreaCenti: number;

  @Field(() => RoomType)
  @Enum({ items: () => RoomType })
  type: RoomType & Opt = RoomType.RESIDENCE;

  @Field(() => String, { nullable: true, description: '户型' })
  @Property({ type: 'string', length: 32, nullable: true })
  layout?: string | null;

  @Field(() => String, { nullable: true, description: '朝向' })
  @Property({ type: 'string', length: 16, nullable: true })
  orientation?: string | null;

  @Field(() => RoomStatus)
  @Enum({ items: () => RoomStatus })
  status: RoomStatus & Opt = RoomStatus.VACANT;
}

/** 车位, in a building or a garage 车库. Read by staff of the estate. */
@ObjectType({ description: '车位' })
@Entity()
@Unique({ properties: ['estate', 'code'] })
@ScopedBy<ParkingSpace>((s) => ({ estate: { $in: s.staffEstateIds } }))
export class ParkingSpace extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Building, { ref: true, nullable: true })
  building?: Ref<Building> | null;

  @Field(() => String, { nullable: true, description: '车库' })
  @Property({ type: 'string', length: 64, nullable: true })
  garage?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  code: string;

  @Property({ type: 'integer' })
  areaCenti: number;

  @Field(() => ParkingSpaceStatus)
  @Enum({ items: () => ParkingSpaceStatus })
  status: ParkingSpaceStatus & Opt = ParkingSpaceStatus.FREE;
}
