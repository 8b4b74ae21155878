import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { CustomerKind, FamilyPermission } from './enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '日期格式应为 YYYY-MM-DD';
const PHONE = /^1[3-9]\d{9}$/;
const PHONE_MESSAGE = '请输入正确的11位手机号';

@InputType()
export class CreateCustomerInput {
  @Field(() => ID)
  estateId: string;

  @Field(() => CustomerKind, { defaultValue: CustomerKind.PERSON })
  kind: CustomerKind;

  @Field(() => String)
  @Length(1, 64, { message: '姓名（名称）为1-64个字' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;
}

@InputType({ description: '业主入伙' })
export class MoveInInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => String, { nullable: true, description: '入伙日期，默认今天' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  date?: string;
}

@InputType({ description: '租户迁入' })
export class TenantMoveInInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => String)
  @Matches(DATE, { message: DATE_MESSAGE })
  startDate: string;

  @Field(() => String, { description: '租期结束日期' })
  @Matches(DATE, { message: DATE_MESSAGE })
  endDate: string;

  @Field(() => Boolean, { defaultValue: false, description: '租户是否为收费对象' })
  isBillingParty: boolean;

  @Field(() => [FamilyPermission], { defaultValue: [FamilyPermission.FILE_REPAIRS] })
  @ArrayMaxSize(3)
  permissions: FamilyPermission[];
}

@InputType({ description: '过户' })
export class TransferRoomInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => ID, { description: '新业主（客户）' })
  newOwnerCustomerId: string;

  @Field(() => String, { description: '过户日期：新业主自当天起，原业主至前一天止' })
  @Matches(DATE, { message: DATE_MESSAGE })
  date: string;
}

@InputType()
export class AddFamilyMemberInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => String)
  @Length(1, 64, { message: '姓名为1-64个字' })
  name: string;

  @Field(() => String)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone: string;

  @Field(() => [FamilyPermission])
  @ArrayMaxSize(3)
  permissions: FamilyPermission[];
}

@InputType()
export class CustomerSearchInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(32, { message: '搜索词最多32个字' })
  search?: string;
}
