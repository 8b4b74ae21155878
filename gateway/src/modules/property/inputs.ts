import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { RoomType } from './enums';
import { Building } from './entities';

@InputType({ description: '批量生成房间：楼宇 × 单元 × 楼层 × 每层户数' })
export class GenerateRoomsInput {
  @Field(() => ID)
  estateId: string;

  @Field(() => String, { description: '楼宇编码，如 A' })
  @Matches(/^[A-Za-z0-9]{1,8}$/, { message: '楼宇编码为1-8位字母或数字' })
  buildingCode: string;

  @Field(() => String, { nullable: true, description: '楼宇名称，默认“A栋”' })
  @IsOptional()
  @MaxLength(32, { message: '楼宇名称最多32个字' })
  buildingName?: string;

  @Field(() => Int, { description: '单元数；0 表示不分单元' })
  @Min(0, { message: '单元数不能为负' })
  @Max(20, { message: '单元数最多20' })
  units: number;

  @Field(() => Int, { description: '楼层数' })
  @Min(1, { message: '楼层数至少为1' })
  @Max(99, { message: '楼层数最多99' })
  floors: number;

  @Field(() => Int, { description: '每层户数' })
  @Min(1, { message: '每层户数至少为1' })
  @Max(30, { message: '每层户数最多30' })
  roomsPerFloor: number;

  @Field(() => String, { description: '建筑面积（㎡），如 "98.20"' })
  @MaxLength(12, { message: '面积格式不正确，最多两位小数' })
  buildingArea: string;

  @Field(() => String, { description: '收费面积（㎡），如 "89.50"' })
  @MaxLength(12, { message: '面积格式不正确，最多两位小数' })
  chargeArea: string;

  @Field(() => RoomType, { defaultValue: RoomType.RESIDENCE })
  type: RoomType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(32, { message: '户型最多32个字' })
  layout?: string;
}

@ObjectType()
export class GenerateRoomsResult {
  @Field(() => Building)
  building: Building;

  @Field(() => Int, { description: '新建房间数' })
  created: number;

  @Field(() => Int, { description: '已存在而跳过的房间数' })
  skipped: number;
}

@ObjectType({ description: '导入中一行的错误' })
export class ImportRowError {
  @Field(() => String)
  sheet: string;

  @Field(() => Int, { description: 'Excel 行号（从1开始，含表头）' })
  row: number;

  @Field(() => String, { nullable: true })
  column?: string | null;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: '导入结果：有任何错误行则什么都不导入' })
export class ImportResult {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int)
  roomsCreated: number;

  @Field(() => Int)
  customersCreated: number;

  @Field(() => Int)
  bindingsCreated: number;

  @Field(() => [ImportRowError])
  errors: ImportRowError[];
}

@InputType({ description: '批量生成车位：车库 + 编号前缀 + 起始号 + 数量' })
export class GenerateParkingSpacesInput {
  @Field(() => ID)
  estateId: string;

  @Field(() => String, { description: '车库名称，如 地下车库B1' })
  @Length(1, 64, { message: '车库名称为1-64个字' })
  garage: string;

  @Field(() => String, { description: '车位编号前缀，如 B1-' })
  @Matches(/^[A-Za-z0-9-]{1,12}$/, { message: '编号前缀为1-12位字母、数字或“-”' })
  codePrefix: string;

  @Field(() => Int, { defaultValue: 1 })
  @Min(1, { message: '起始号至少为1' })
  @Max(9999, { message: '起始号最多9999' })
  from: number;

  @Field(() => Int)
  @Min(1, { message: '数量至少为1' })
  @Max(2000, { message: '一次最多生成2000个车位' })
  count: number;

  @Field(() => String, { description: '面积（㎡）' })
  @MaxLength(12, { message: '面积格式不正确，最多两位小数' })
  area: string;
}
