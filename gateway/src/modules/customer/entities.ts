import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/entity-base';
import { ScopedBy } from '../../core/scope/scope';
import { Estate, Room } from '../property/entities';
import { User } from '../identity/entities';
import { BindingEndReason, BindingRelation, CustomerKind, FamilyPermission } from './enums';

/**
 * 客户: a person or company known to one estate. `user` links it to a sign-in account once the
 * account proves the phone number (SMS) or staff link it.
 */
@ObjectType({ description: '客户' })
@Entity()
@Unique({ properties: ['estate', 'phone'] })
@ScopedBy<Customer>((s) => ({ $or: [{ estate: { $in: s.staffEstateIds } }, { id: { $in: s.visibleCustomerIds } }] }))
export class Customer extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @Field(() => CustomerKind)
  @Enum({ items: () => CustomerKind })
  kind: CustomerKind & Opt = CustomerKind.PERSON;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  user?: Ref<User> | null;
}

/**
 * A customer's relation to a room for a period. Dates are Asia/Shanghai calendar dates
 * ('YYYY-MM-DD' strings, compared as text): the binding is active on days start ≤ d ≤ end.
 * Ended bindings stay: they are the history that a transfer or move-out leaves behind.
 */
@ObjectType({ description: '客户与房间的关系' })
@Entity()
@Index({ properties: ['room', 'endDate'] })
@Index({ properties: ['customer', 'endDate'] })
@ScopedBy<RoomBinding>((s) => ({
  $or: [{ estate: { $in: s.staffEstateIds } }, { room: { $in: s.ownerRoomIds } }, { customer: { $in: s.customerIds } }],
}))
export class RoomBinding extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Room, { ref: true })
  room: Ref<Room>;

  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => BindingRelation)
  @Enum({ items: () => BindingRelation })
  relation: BindingRelation;

  @Field(() => String)
  @Property({ type: 'string', length: 10 })
  startDate: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  endDate?: string | null;

  @Field(() => BindingEndReason, { nullable: true })
  @Enum({ items: () => BindingEndReason, nullable: true })
  endReason?: BindingEndReason | null;

  /** 收费对象: exactly one active binding per room carries the bills. */
  @Field(() => Boolean, { description: '是否收费对象' })
  @Property({ type: 'boolean' })
  isBillingParty: boolean & Opt = false;

  /** For FAMILY bindings: what the owner granted. Owners implicitly hold all; tenants per lease. */
  @Field(() => [FamilyPermission])
  @Property({ type: 'json' })
  permissions: FamilyPermission[] & Opt = [];
}
