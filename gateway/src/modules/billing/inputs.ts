import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ChargeKind, PaymentMethod } from './enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d{1,9}(\.\d{1,4})?$/;

@InputType({ description: '阶梯价的一档' })
export class TierInput {
  @Field(() => String, { nullable: true, description: '本档用量上限（含），最后一档为空' })
  @IsOptional()
  @Matches(/^\d{1,9}(\.\d{1,3})?$/, { message: '用量最多3位小数' })
  upTo?: string;

  @Field(() => String, { description: '本档单价（元）' })
  @Matches(DECIMAL, { message: '单价最多4位小数' })
  price: string;
}

@InputType({ description: '临时费用：为一个房间录入一笔' })
export class OneOffChargeInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => ID, { description: '临时费用类的收费项目' })
  itemId: string;

  @Field(() => Int, { description: '金额（分）' })
  @Min(1, { message: '金额必须大于0' })
  @Max(100_000_000, { message: '金额过大' })
  amountFen: number;

  @Field(() => String, { description: '说明，如 维修材料费' })
  @Length(2, 120, { message: '请填写说明（2-120个字）' })
  note: string;
}

@InputType({ description: '收费项目及标准' })
export class ChargeItemInput {
  @Field(() => ID)
  estateId: string;

  @Field(() => String)
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: '项目编码为1-32位字母、数字' })
  code: string;

  @Field(() => String)
  @Length(1, 64, { message: '项目名称为1-64个字' })
  name: string;

  @Field(() => ChargeKind)
  kind: ChargeKind;

  @Field(() => String, { nullable: true, description: '单价（元），如 "2.80"（元/㎡/月、元/m³、元/kWh）' })
  @IsOptional()
  @Matches(DECIMAL, { message: '单价最多4位小数' })
  price?: string;

  @Field(() => [TierInput], { nullable: true, description: '阶梯价（走表费用，按月用量），与单价二选一' })
  @IsOptional()
  @ArrayMaxSize(10)
  tiers?: TierInput[];

  @Field(() => Int, { nullable: true, description: '固定金额（分/月），PERIODIC_FIXED 用' })
  @IsOptional()
  @Min(0, { message: '金额不能为负' })
  fixedFen?: number;

  @Field(() => Int, { defaultValue: 15, description: '次月几号到期' })
  @Min(1, { message: '到期日为1-28' })
  @Max(28, { message: '到期日为1-28' })
  dueDay: number;

  @Field(() => Int, { defaultValue: 0, description: '滞纳金宽限天数' })
  @Min(0)
  @Max(365)
  lateFeeGraceDays: number;

  @Field(() => String, { defaultValue: '0', description: '滞纳金日费率（%），如 "0.05"' })
  @Matches(/^\d{1,2}(\.\d{1,4})?$/, { message: '日费率格式不正确' })
  lateFeeRatePercent: string;

  @Field(() => Boolean, { defaultValue: true, description: '滞纳金不超过本金' })
  lateFeeCapAtPrincipal: boolean;
}

@InputType({ description: '房间收费标准设置：按房间或整栋批量' })
export class AssignChargeInput {
  @Field(() => ID)
  itemId: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(2000)
  roomIds?: string[];

  @Field(() => ID, { nullable: true, description: '整栋楼宇批量设置' })
  @IsOptional()
  buildingId?: string;

  @Field(() => String)
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  startDate: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  endDate?: string;
}

@InputType({ description: '仪表' })
export class MeterInput {
  @Field(() => ID)
  itemId: string;

  @Field(() => String)
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: '表号为1-32位字母、数字' })
  code: string;

  @Field(() => ID, { nullable: true, description: '户表的房间；公共表为空' })
  @IsOptional()
  roomId?: string;

  @Field(() => [ID], { nullable: true, description: '公共表分摊的房间' })
  @IsOptional()
  @ArrayMaxSize(5000)
  sharedRoomIds?: string[];

  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  @Max(10000)
  multiplier: number;

  @Field(() => String, { defaultValue: '0', description: '表底数' })
  @Matches(/^\d{1,9}(\.\d{1,3})?$/, { message: '读数最多3位小数' })
  baseReading: string;

  @Field(() => String, { description: '表底数所属账期（起始账期的上一个月）' })
  @Matches(/^\d{4}-\d{2}$/, { message: '账期格式应为 YYYY-MM' })
  basePeriod: string;
}

@InputType({ description: '抄表' })
export class ReadingInput {
  @Field(() => ID)
  meterId: string;

  @Field(() => String)
  @Matches(/^\d{4}-\d{2}$/, { message: '账期格式应为 YYYY-MM' })
  period: string;

  @Field(() => String, { description: '本次读数' })
  @Matches(/^\d{1,9}(\.\d{1,3})?$/, { message: '读数最多3位小数' })
  reading: string;

  @Field(() => String, { nullable: true, description: '换表：旧表止数' })
  @IsOptional()
  @Matches(/^\d{1,9}(\.\d{1,3})?$/, { message: '读数最多3位小数' })
  oldMeterFinal?: string;

  @Field(() => String, { nullable: true, description: '换表：新表底数' })
  @IsOptional()
  @Matches(/^\d{1,9}(\.\d{1,3})?$/, { message: '读数最多3位小数' })
  newMeterBase?: string;
}

@InputType({ description: '前台收款' })
export class DeskPaymentInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => Int, { description: '金额（分）' })
  @Min(1, { message: '金额必须大于0' })
  @Max(100_000_000, { message: '单笔金额过大' })
  amountFen: number;

  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field(() => [ID], { nullable: true, description: '指定结算的账单；为空则从最早的开始' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  lineIds?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255, { message: '备注最多255个字' })
  note?: string;
}
