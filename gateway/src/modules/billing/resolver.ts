import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Length, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { ConnectionType, PageArgs, paginate } from '../../core/pagination';
import { notFound } from '../../core/errors';
import { parseId } from '../../core/ids';
import { Room } from '../property/entities';
import { getEstate } from '../property/service';
import { BillLine, BillRun, ChargeItem, Meter, MeterReading, Payment, PeriodClose, Reduction, Refund } from './entities';
import { AssignChargeInput, ChargeItemInput, DeskPaymentInput, MeterInput, OneOffChargeInput, ReadingInput } from './inputs';
import { addOneOffCharge } from './one-off';
import { importMeterReadings } from './readings-import';
import { assignCharge, createChargeItem, createMeter, recordReadings } from './setup';
import { startBillRun } from './bill-run';
import { closePeriod, decide, deskPayment, getPayment, reduceLine, refundPrepaid, reverseDeskPayment } from './collect';
import { outstandingOf } from './ledger';
import { accruedLateFee, billableRoom, roomAccount, type RoomAccountView } from './views';
import { formatPrice } from './formulas';
import { exportBankCollection, importBankResult, type BankResultSummary } from './bank-collection';
import { dailyPayments, type DailyPayments } from './daily';
import { PaymentMethod } from './enums';

@ObjectType()
class MethodTotal {
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => Int) count: number;
  @Field(() => GraphQLSafeInt) totalFen: number;
}

@ObjectType({ description: '当日收款' })
class DailyPaymentsType {
  @Field(() => String) date: string;
  @Field(() => Int) count: number;
  @Field(() => GraphQLSafeInt) totalFen: number;
  @Field(() => [MethodTotal]) byMethod: MethodTotal[];
  @Field(() => [Payment]) payments: Payment[];
}

@ObjectType({ description: '银行托收回盘导入结果' })
class BankResultSummaryType {
  @Field(() => Int) paidRooms: number;
  @Field(() => GraphQLSafeInt) paidFen: number;
  @Field(() => Int) failedRows: number;
  @Field(() => Int, { description: '已导入过（同一银行流水号）或金额为0而跳过的行' }) skippedRows: number;
}

const BillLineConnection = ConnectionType(BillLine, 'BillLineConnection');
const PaymentConnection = ConnectionType(Payment, 'PaymentConnection');

@ObjectType('RoomAccount', { description: '房间账户：欠费、预收款与待缴账单' })
class RoomAccountType {
  @Field(() => Room)
  room: Room;

  @Field(() => GraphQLSafeInt, { description: '欠费合计（分）' })
  outstandingFen: number;

  @Field(() => GraphQLSafeInt, { description: '预收款余额（分）' })
  prepaidBalanceFen: number;

  @Field(() => [BillLine])
  openLines: BillLine[];
}

@ArgsType()
class RoomPageArgs extends PageArgs {
  @Field(() => ID)
  roomId: string;
}

@ArgsType()
class AmountReasonArgs {
  @Field(() => Int)
  @Min(1, { message: '金额必须大于0' })
  amountFen: number;

  @Field(() => String)
  @Length(2, 255, { message: '请填写原因（2-255个字）' })
  reason: string;
}

@Resolver(() => BillLine)
export class BillLineResolver {
  @Authorized()
  @Query(() => RoomAccountType, { description: '房间账户（业主：自己的房间；员工：本小区）' })
  roomAccount(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GatewayContext): Promise<RoomAccountView> {
    return roomAccount(ctx, roomId);
  }

  @Authorized()
  @Query(() => BillLineConnection, { description: '房间的账单历史，最新在前' })
  async roomBills(@Args(() => RoomPageArgs) args: RoomPageArgs, @Ctx() ctx: GatewayContext) {
    const room = await billableRoom(ctx, args.roomId);
    return paginate(ctx.em, BillLine, { room }, args, { period: 'desc', id: 'desc' });
  }

  @FieldResolver(() => String, { description: '收费项目' })
  async itemName(@Root() line: BillLine, @Ctx() ctx: GatewayContext): Promise<string> {
    return (await ctx.loaders.chargeItem.load(line.item.id))?.name ?? '';
  }

  @FieldResolver(() => GraphQLSafeInt, { description: '欠费（分）' })
  outstandingFen(@Root() line: BillLine): number {
    return outstandingOf(line);
  }

  @FieldResolver(() => GraphQLSafeInt, { description: '截至今天的滞纳金（分），缴费时一并收取' })
  async lateFeeFen(@Root() line: BillLine, @Ctx() ctx: GatewayContext): Promise<number> {
    const item = await ctx.loaders.chargeItem.load(line.item.id);
    return item ? accruedLateFee(line, item, ctx.today) : 0;
  }

  @FieldResolver(() => String, { nullable: true, description: '房间编码' })
  async roomCode(@Root() line: BillLine, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await ctx.loaders.room.load(line.room.id))?.code ?? null;
  }
}

@Resolver(() => Payment)
export class PaymentResolver {
  @Authorized()
  @Query(() => PaymentConnection, { description: '房间的缴费记录与收据，最新在前' })
  async roomPayments(@Args(() => RoomPageArgs) args: RoomPageArgs, @Ctx() ctx: GatewayContext) {
    const room = await billableRoom(ctx, args.roomId);
    return paginate(ctx.em, Payment, { room }, args, { paidAt: 'desc', id: 'desc' });
  }

  @Authorized()
  @Query(() => Payment, { description: '收据' })
  payment(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Payment> {
    return getPayment(ctx, id);
  }

  @Authorized(Permission.BILLING_READ)
  @Query(() => DailyPaymentsType, { description: '当日收款（默认今天，Asia/Shanghai）' })
  dailyPayments(@Arg('estateId', () => ID) estateId: string, @Arg('date', () => String, { nullable: true }) date: string | null, @Ctx() ctx: GatewayContext): Promise<DailyPayments> {
    return dailyPayments(ctx, estateId, date);
  }

  @FieldResolver(() => ID, { description: '房间' })
  roomId(@Root() payment: Payment): string {
    return payment.room.id;
  }

  @FieldResolver(() => Boolean, { description: '是否已冲红' })
  reversed(@Root() payment: Payment): boolean {
    return Boolean(payment.reversedBy);
  }

  @FieldResolver(() => String, { nullable: true })
  async roomCode(@Root() payment: Payment, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await ctx.loaders.room.load(payment.room.id))?.code ?? null;
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => Payment, { description: '前台收款（现金、刷卡、转账），返回收据' })
  payAtDesk(@Arg('input', () => DeskPaymentInput) input: DeskPaymentInput, @Ctx() ctx: GatewayContext): Promise<Payment> {
    return deskPayment(ctx, input);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => Payment, { description: '冲红：生成负数收据作废原收款' })
  reversePayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<Payment> {
    return reverseDeskPayment(ctx, paymentId, reason.slice(0, 255));
  }
}

@Resolver(() => ChargeItem)
export class BillingSetupResolver {
  @Authorized()
  @Query(() => [ChargeItem], { description: '收费项目' })
  async chargeItems(@Arg('estateId', () => ID) estateId: string, @Ctx() ctx: GatewayContext): Promise<ChargeItem[]> {
    const estate = await getEstate(ctx, estateId);
    return ctx.em.find(ChargeItem, { estate }, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => String, { description: '单价（元）' })
  price(@Root() item: ChargeItem): string {
    return formatPrice(item.priceUnits);
  }

  @FieldResolver(() => GraphQLSafeInt)
  fixedFen(@Root() item: ChargeItem): number {
    return item.fixedFen;
  }

  @Authorized(Permission.BILLING_SETUP)
  @Mutation(() => ChargeItem, { description: '新建收费项目及标准' })
  createChargeItem(@Arg('input', () => ChargeItemInput) input: ChargeItemInput, @Ctx() ctx: GatewayContext): Promise<ChargeItem> {
    return createChargeItem(ctx, input);
  }

  @Authorized(Permission.BILLING_SETUP)
  @Mutation(() => Int, { description: '房间收费标准设置，返回新设置的房间数' })
  assignCharge(@Arg('input', () => AssignChargeInput) input: AssignChargeInput, @Ctx() ctx: GatewayContext): Promise<number> {
    return assignCharge(ctx, input);
  }

  @Authorized(Permission.BILLING_SETUP)
  @Mutation(() => Meter, { description: '新建仪表（户表或公共表）' })
  createMeter(@Arg('input', () => MeterInput) input: MeterInput, @Ctx() ctx: GatewayContext): Promise<Meter> {
    return createMeter(ctx, input);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => [MeterReading], { description: '录入抄表读数（单条或批量，全部成功或全部不录入）' })
  recordMeterReadings(@Arg('readings', () => [ReadingInput]) readings: ReadingInput[], @Ctx() ctx: GatewayContext): Promise<MeterReading[]> {
    return recordReadings(ctx, readings);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => [MeterReading], { description: '从 Excel 导入抄表读数（工作表“抄表”：表号、账期、本次读数、旧表止数、新表底数）' })
  importMeterReadings(@Arg('estateId', () => ID) estateId: string, @Arg('fileBase64', () => String) fileBase64: string, @Ctx() ctx: GatewayContext): Promise<MeterReading[]> {
    return importMeterReadings(ctx, estateId, fileBase64);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => BillLine, { description: '录入临时费用（一个房间一笔）' })
  addOneOffCharge(@Arg('input', () => OneOffChargeInput) input: OneOffChargeInput, @Ctx() ctx: GatewayContext): Promise<BillLine> {
    return addOneOffCharge(ctx, input);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => BillRun, { description: '生成账单（后台任务，轮询 billRun 查看进度）' })
  startBillRun(@Arg('estateId', () => ID) estateId: string, @Arg('period', () => String) period: string, @Ctx() ctx: GatewayContext): Promise<BillRun> {
    return startBillRun(ctx, estateId, period);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Query(() => BillRun, { description: '账单生成任务进度' })
  async billRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<BillRun> {
    const run = await ctx.em.findOne(BillRun, { id: parseId(id) });
    if (!run) throw notFound('任务不存在');
    return run;
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => Reduction, { description: '减免（超过100元需经理审批）' })
  reduceLine(@Arg('lineId', () => ID) lineId: string, @Args(() => AmountReasonArgs) { amountFen, reason }: AmountReasonArgs, @Ctx() ctx: GatewayContext): Promise<Reduction> {
    return reduceLine(ctx, lineId, amountFen, reason);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => Refund, { description: '退预收款（超过100元需经理审批）' })
  refundPrepaid(@Arg('roomId', () => ID) roomId: string, @Args(() => AmountReasonArgs) { amountFen, reason }: AmountReasonArgs, @Ctx() ctx: GatewayContext): Promise<Refund> {
    return refundPrepaid(ctx, roomId, amountFen, reason);
  }

  @Authorized(Permission.BILLING_APPROVE)
  @Mutation(() => Reduction, { description: '经理审批减免' })
  decideReduction(@Arg('id', () => ID) id: string, @Arg('approve', () => Boolean) approve: boolean, @Ctx() ctx: GatewayContext): Promise<Reduction> {
    return decide(ctx, 'reduction', id, approve) as Promise<Reduction>;
  }

  @Authorized(Permission.BILLING_APPROVE)
  @Mutation(() => Refund, { description: '经理审批退款' })
  decideRefund(@Arg('id', () => ID) id: string, @Arg('approve', () => Boolean) approve: boolean, @Ctx() ctx: GatewayContext): Promise<Refund> {
    return decide(ctx, 'refund', id, approve) as Promise<Refund>;
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Query(() => String, { description: '银行托收文件（CSV：room_code,payer_name,amount_fen）' })
  bankCollectionFile(@Arg('estateId', () => ID) estateId: string, @Arg('dueOnOrBefore', () => String) dueOnOrBefore: string, @Ctx() ctx: GatewayContext): Promise<string> {
    return exportBankCollection(ctx, estateId, dueOnOrBefore);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => BankResultSummaryType, { description: '导入银行托收回盘（CSV：room_code,amount_fen,status,bank_ref）' })
  importBankResult(@Arg('estateId', () => ID) estateId: string, @Arg('csv', () => String) csv: string, @Ctx() ctx: GatewayContext): Promise<BankResultSummary> {
    return importBankResult(ctx, estateId, csv);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => PeriodClose, { description: '月结：锁定已结束的月份' })
  closePeriod(@Arg('estateId', () => ID) estateId: string, @Arg('period', () => String) period: string, @Ctx() ctx: GatewayContext): Promise<PeriodClose> {
    return closePeriod(ctx, estateId, period);
  }
}

