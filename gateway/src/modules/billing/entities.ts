import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, GraphQLSafeInt } from 'graphql-scalars';
import { BaseEntity } from '../../core/entity-base';
import { billingScope, ScopedBy } from '../../core/scope/scope';
import { Estate, Room } from '../property/entities';
import { Customer } from '../customer/entities';
import { ApprovalStatus, BillRunStatus, ChargeKind, PaymentMethod, PrepaidEntryKind } from './enums';
import { User } from '../identity/entities';

/**
 * A money row of a room: its estate and room, and the customer it concerns — for a line, the
 * billing party (收费对象) when it was made, so their history stays theirs. billingScope filters on these.
 */
@ObjectType()
export abstract class RoomMoneyRow extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Room, { ref: true })
  room: Ref<Room>;

  @ManyToOne(() => Customer, { ref: true, nullable: true })
  customer?: Ref<Customer> | null;
}

/** 收费项目 with its 收费标准 (one standard per item keeps the model small; add items for variants). */
@ObjectType({ description: '收费项目及标准' })
@Entity()
@Unique({ properties: ['estate', 'code'] })
@ScopedBy<ChargeItem>((s) => ({ estate: { $in: s.memberEstateIds } }))
export class ChargeItem extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  name: string;

  @Field(() => ChargeKind)
  @Enum({ items: () => ChargeKind })
  kind: ChargeKind;

  /** Price in 1/10000 元 per unit (㎡ per month, m³, kWh): 2.80 元 = 28000. */
  @Property({ type: 'integer', default: 0 })
  priceUnits: number & Opt = 0;

  /** 阶梯价 of a METERED item: [{ upTo (1/1000 unit of the month's use, null for the last), priceUnits }]. */
  @Property({ type: 'json', nullable: true })
  tiers?: { upTo: number | null; priceUnits: number }[] | null;

  /** For PERIODIC_FIXED: the monthly amount in fen. */
  @Property({ type: 'integer', default: 0 })
  fixedFen: number & Opt = 0;

  /** Day of the month after the billing month on which lines fall due (1–28). */
  @Field(() => Int)
  @Property({ type: 'integer', default: 15 })
  dueDay: number & Opt = 15;

  /** 滞纳金: days of grace after the due date, rate in parts per million per day, optional cap. */
  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  lateFeeGraceDays: number & Opt = 0;

  @Field(() => Int, { description: '滞纳金日费率（百万分之一/日），0 表示不收' })
  @Property({ type: 'integer', default: 0 })
  lateFeeRatePpm: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  lateFeeCapAtPrincipal: boolean & Opt = true;
}

/** 房间收费标准设置: the room pays this item from startDate until endDate (inclusive). */
@Entity()
@Index({ properties: ['room', 'item'] })
@ScopedBy<RoomCharge>((s) => ({ estate: { $in: s.staffEstateIds } }))
export class RoomCharge extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Room, { ref: true })
  room: Ref<Room>;

  @ManyToOne(() => ChargeItem, { ref: true })
  item: Ref<ChargeItem>;

  @Property({ type: 'string', length: 10 })
  startDate: string;

  @Property({ type: 'string', length: 10, nullable: true })
  endDate?: string | null;
}

/**
 * 应收 line: one per room × item × period for runs (dedupeKey makes a second run, or a run started
 * again after a crash, insert nothing new). Paid and reduced amounts are caches of the entries
 * (allocations, reductions) that can always be recomputed; nothing about money is deleted.
 */
@ObjectType({ description: '应收明细' })
@Entity()
@Index({ properties: ['room', 'period'] })
@Index({ properties: ['estate', 'period'] })
@ScopedBy<BillLine>(billingScope)
export class BillLine extends RoomMoneyRow {

  @ManyToOne(() => ChargeItem, { ref: true })
  item: Ref<ChargeItem>;

  @Field(() => String, { description: '账期 YYYY-MM' })
  @Property({ type: 'string', length: 7 })
  period: string;

  @Property({ type: 'string', length: 120, unique: true })
  dedupeKey: string;

  @Field(() => GraphQLSafeInt, { description: '应收金额（分）' })
  @Property({ type: new BigIntType('number') })
  amountFen: number;

  @Field(() => GraphQLSafeInt, { description: '已收（分）' })
  @Property({ type: new BigIntType('number'), default: 0 })
  paidFen: number & Opt = 0;

  @Field(() => GraphQLSafeInt, { description: '已减免（分）' })
  @Property({ type: new BigIntType('number'), default: 0 })
  reducedFen: number & Opt = 0;

  @Field(() => String, { description: '到期日' })
  @Property({ type: 'string', length: 10 })
  dueDate: string;

  /** 滞纳金 has been charged (as its own line) up to this day; the next charge counts from here. */
  @Field(() => String, { nullable: true, description: '滞纳金已计至' })
  @Property({ type: 'string', length: 10, nullable: true })
  lateFeeThrough?: string | null;

  /** The inputs of the formula, so the owner sees why (area × price, readings, share). */
  @Field(() => GraphQLJSON)
  @Property({ type: 'json' })
  formula: Record<string, unknown>;

  @Field(() => String, { description: '计算说明，如 89.50㎡ × 2.80元/㎡/月 = 250.60元' })
  @Property({ type: 'string', length: 255 })
  explanation: string;
}

/** 仪表: a room's meter, or a public meter whose use is shared (公摊) by the rooms it serves. */
@ObjectType({ description: '仪表' })
@Entity()
@Unique({ properties: ['estate', 'code'] })
@ScopedBy<Meter>((s) => ({ estate: { $in: s.staffEstateIds } }))
export class Meter extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  /** null for a public meter */
  @ManyToOne(() => Room, { ref: true, nullable: true })
  room?: Ref<Room> | null;

  @ManyToOne(() => ChargeItem, { ref: true })
  item: Ref<ChargeItem>;

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  code: string;

  /** 倍率 */
  @Field(() => Int)
  @Property({ type: 'integer', default: 1 })
  multiplier: number & Opt = 1;

  /** For a public meter: the rooms that share it, by id. */
  @Property({ type: 'json', nullable: true })
  sharedRoomIds?: string[] | null;
}

/** 抄表: one reading per meter and period, in thousandths of a unit. A replacement records both meters' ends. */
@ObjectType({ description: '抄表记录' })
@Entity()
@Unique({ properties: ['meter', 'period'] })
@ScopedBy<MeterReading>((s) => ({ estate: { $in: s.staffEstateIds } }))
export class MeterReading extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Meter, { ref: true })
  meter: Ref<Meter>;

  @Field(() => String)
  @Property({ type: 'string', length: 7 })
  period: string;

  @Property({ type: new BigIntType('number') })
  readingMilli: number;

  /** 换表: the old meter's final reading and the new meter's base reading, when replaced this period. */
  @Property({ type: new BigIntType('number'), nullable: true })
  oldFinalMilli?: number | null;

  @Property({ type: new BigIntType('number'), nullable: true })
  newBaseMilli?: number | null;
}

/** 账单生成任务: progress a cashier can poll or subscribe to. */
@ObjectType({ description: '账单生成任务' })
@Entity()
@ScopedBy<BillRun>((s) => ({ estate: { $in: s.staffEstateIds } }))
export class BillRun extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @Field(() => String)
  @Property({ type: 'string', length: 7 })
  period: string;

  @Field(() => BillRunStatus)
  @Enum({ items: () => BillRunStatus })
  status: BillRunStatus & Opt = BillRunStatus.RUNNING;

  @Field(() => Int, { description: '房间总数' })
  @Property({ type: 'integer', default: 0 })
  roomsTotal: number & Opt = 0;

  @Field(() => Int, { description: '已处理房间数' })
  @Property({ type: 'integer', default: 0 })
  roomsDone: number & Opt = 0;

  @Field(() => Int, { description: '新生成的应收行数' })
  @Property({ type: 'integer', default: 0 })
  linesCreated: number & Opt = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  error?: string | null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;
}

/** 收款 (or its reversal 冲红, a negative payment pointing at the original): numbered receipts, never deleted. */
@ObjectType({ description: '收款记录（收据）' })
@Entity()
@Unique({ properties: ['estate', 'receiptNo'] })
@Unique({ properties: ['estate', 'externalRef'] })
@Index({ properties: ['estate', 'paidAt'] })
@ScopedBy<Payment>(billingScope)
export class Payment extends RoomMoneyRow {

  @Field(() => String, { description: '收据号：每个小区每年连续编号，如 2026-000123' })
  @Property({ type: 'string', length: 16 })
  receiptNo: string;

  @Field(() => PaymentMethod)
  @Enum({ items: () => PaymentMethod })
  method: PaymentMethod;

  @Field(() => GraphQLSafeInt, { description: '金额（分）；冲红为负数' })
  @Property({ type: new BigIntType('number') })
  amountFen: number;

  @Field(() => GraphQLSafeInt, { description: '其中存入预收款的部分（分）' })
  @Property({ type: new BigIntType('number'), default: 0 })
  prepaidFen: number & Opt = 0;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  paidAt: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  cashier?: Ref<User> | null;

  /** Set on a reversal: the payment it cancels. */
  @Property({ type: 'string', length: 36, nullable: true })
  reversalOf?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  reversedBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  note?: string | null;

  /** The bank's transaction id of a collection (托收): a result file imported twice pays once. */
  @Property({ type: 'string', length: 64, nullable: true })
  externalRef?: string | null;
}

/** A payment's (or a prepaid offset's) part that settles a line; reversals add the negative. */
@Entity()
@Index({ properties: ['line'] })
@ScopedBy<Allocation>(billingScope)
export class Allocation extends RoomMoneyRow {

  @ManyToOne(() => BillLine, { ref: true })
  line: Ref<BillLine>;

  @Property({ type: 'string', length: 36, nullable: true })
  paymentId?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  prepaidEntryId?: string | null;

  @Property({ type: new BigIntType('number') })
  amountFen: number;
}

/** 预收款 ledger of a room: the balance is the sum of its entries. */
@ObjectType({ description: '预收款明细' })
@Entity()
@Index({ properties: ['room', 'createdAt'] })
@ScopedBy<PrepaidEntry>(billingScope)
export class PrepaidEntry extends RoomMoneyRow {

  @Field(() => PrepaidEntryKind)
  @Enum({ items: () => PrepaidEntryKind })
  kind: PrepaidEntryKind;

  @Field(() => GraphQLSafeInt)
  @Property({ type: new BigIntType('number') })
  amountFen: number;

  @Property({ type: 'string', length: 36, nullable: true })
  paymentId?: string | null;
}

/** Receipt numbers: one counter per estate and year, taken under a row lock so there are no gaps. */
@Entity()
@Unique({ properties: ['estateId', 'year'] })
export class ReceiptCounter extends BaseEntity {
  @Property({ type: 'string', length: 36 })
  estateId: string;

  @Property({ type: 'integer' })
  year: number;

  @Property({ type: 'integer' })
  last: number;
}

/** 月结: a closed period takes no new entries; corrections go into the open period. */
@ObjectType({ description: '月结' })
@Entity()
@Unique({ properties: ['estate', 'period'] })
@ScopedBy<PeriodClose>((s) => ({ estate: { $in: s.staffEstateIds } }))
export class PeriodClose extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @Field(() => String)
  @Property({ type: 'string', length: 7 })
  period: string;

  @ManyToOne(() => User, { ref: true })
  closedBy: Ref<User>;
}

/**
 * What a reduction and a refund share: a staff member asks, with a reason; up to the threshold it
 * applies at once, above it a manager decides.
 */
@ObjectType()
abstract class ApprovalRequest extends RoomMoneyRow {

  @Field(() => GraphQLSafeInt)
  @Property({ type: new BigIntType('number') })
  amountFen: number;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  reason: string;

  @Field(() => ApprovalStatus)
  @Enum({ items: () => ApprovalStatus })
  status: ApprovalStatus;

  @ManyToOne(() => User, { ref: true })
  requestedBy: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  decidedBy?: Ref<User> | null;
}

/** 减免 of a line. */
@ObjectType({ description: '减免' })
@Entity()
@Index({ properties: ['line'] })
@ScopedBy<Reduction>(billingScope)
export class Reduction extends ApprovalRequest {
  @ManyToOne(() => BillLine, { ref: true })
  line: Ref<BillLine>;
}

/** 退款 of a room's prepaid balance. */
@ObjectType({ description: '退款' })
@Entity()
@ScopedBy<Refund>(billingScope)
export class Refund extends ApprovalRequest {}
