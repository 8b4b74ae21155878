import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { PageInfo } from '../../core/pagination';

/** The reports a committee or the management office can read and download (DOMAIN.md §4, §9). */
export enum ReportKind {
  MONTHLY_COLLECTION = 'MONTHLY_COLLECTION', // 收费情况月统计表
  ARREARS_AGING = 'ARREARS_AGING', // 欠费账龄分析
  PREPAID_BALANCES = 'PREPAID_BALANCES', // 预收款余额
}
registerEnumType(ReportKind, { name: 'ReportKind', description: '报表类型' });

@ObjectType('CollectionFigures', { description: '应收、实收、减免、欠费（分）与收缴率' })
export class CollectionFigures {
  @Field(() => GraphQLSafeInt, { description: '应收（分）' })
  receivableFen: number;

  @Field(() => GraphQLSafeInt, { description: '本期应收中已收（分）' })
  receivedFen: number;

  @Field(() => GraphQLSafeInt, { description: '本期应收中已减免（分）' })
  reducedFen: number;

  @Field(() => GraphQLSafeInt, { description: '本期应收中尚欠（分）' })
  outstandingFen: number;

  @Field(() => Int, { nullable: true, description: '收缴率（万分之一），无应收时为空' })
  collectionRateBp: number | null;

  @Field(() => String, { description: '收缴率，如 87.35%；无应收时为 —' })
  collectionRate: string;
}

@ObjectType('CollectionRow', { description: '按收费项目或楼宇的一行' })
export class CollectionRow extends CollectionFigures {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;
}

@ObjectType('MonthlyCollectionReport', { description: '收费情况月统计表' })
export class MonthlyCollectionReport {
  @Field(() => ID)
  estateId: string;

  @Field(() => String)
  estateName: string;

  @Field(() => String, { description: '账期 YYYY-MM' })
  period: string;

  @Field(() => [CollectionRow], { description: '按收费项目' })
  byItem: CollectionRow[];

  @Field(() => [CollectionRow], { description: '按楼宇' })
  byBuilding: CollectionRow[];

  @Field(() => CollectionFigures, { description: '合计' })
  total: CollectionFigures;
}

@ObjectType('AgingFigures', { description: '逾期欠费按账龄（逾期天数）分段（分）' })
export class AgingFigures {
  @Field(() => GraphQLSafeInt, { description: '逾期0–30天' })
  upTo30Fen: number;

  @Field(() => GraphQLSafeInt, { description: '逾期31–90天' })
  days31To90Fen: number;

  @Field(() => GraphQLSafeInt, { description: '逾期91–180天' })
  days91To180Fen: number;

  @Field(() => GraphQLSafeInt, { description: '逾期181–365天' })
  days181To365Fen: number;

  @Field(() => GraphQLSafeInt, { description: '逾期365天以上' })
  over365Fen: number;

  @Field(() => GraphQLSafeInt, { description: '逾期欠费合计' })
  totalFen: number;

  @Field(() => Int, { description: '有逾期欠费的房间数' })
  roomCount: number;
}

@ObjectType('AgingRow', { description: '一栋楼宇的账龄' })
export class AgingRow extends AgingFigures {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;
}

@ObjectType('ArrearsAgingReport', { description: '欠费账龄分析' })
export class ArrearsAgingReport {
  @Field(() => ID)
  estateId: string;

  @Field(() => String)
  estateName: string;

  @Field(() => String, { description: '统计日 YYYY-MM-DD：到期日早于该日的欠费计入' })
  asOf: string;

  @Field(() => [AgingRow], { description: '按楼宇' })
  byBuilding: AgingRow[];

  @Field(() => AgingFigures, { description: '合计' })
  total: AgingFigures;
}

@ObjectType('PrepaidBalanceRow', { description: '一个房间的预收款余额' })
export class PrepaidBalanceRow {
  @Field(() => ID)
  roomId: string;

  @Field(() => String)
  roomCode: string;

  @Field(() => String)
  buildingCode: string;

  @Field(() => GraphQLSafeInt, { description: '余额（分）' })
  balanceFen: number;
}

@ObjectType('PrepaidBalanceReport', { description: '预收款余额：余额不为零的房间（按房号分页）与合计' })
export class PrepaidBalanceReport {
  @Field(() => ID)
  estateId: string;

  @Field(() => String)
  estateName: string;

  @Field(() => GraphQLSafeInt, { description: '预收款余额合计（分）' })
  totalFen: number;

  @Field(() => Int, { description: '余额不为零的房间数' })
  roomCount: number;

  @Field(() => [PrepaidBalanceRow])
  nodes: PrepaidBalanceRow[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('ExcelFile', { description: '导出的 Excel 文件' })
export class ExcelFile {
  @Field(() => String)
  fileName: string;

  @Field(() => String)
  contentType: string;

  @Field(() => String, { description: '文件内容（base64）' })
  contentBase64: string;
}
