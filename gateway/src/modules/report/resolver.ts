import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { PageArgs } from '../../core/pagination';
import { arrearsAging, exportReport, monthlyCollection, prepaidBalances } from './service';
import { ArrearsAgingReport, ExcelFile, MonthlyCollectionReport, PrepaidBalanceReport, ReportKind } from './types';

@ArgsType()
class EstatePageArgs extends PageArgs {
  @Field(() => ID)
  estateId: string;
}

/**
 * 报表 of one estate: staff with REPORT_READ there and its owners' committee, read-only. The
 * per-estate check is in requireReportReader (access.ts); every query and its Excel export share it.
 */
@Resolver()
export class ReportResolver {
  @Authorized(Permission.REPORT_READ)
  @Query(() => MonthlyCollectionReport, { description: '收费情况月统计表：本期应收、已收、减免、欠费，按收费项目和楼宇，及收缴率' })
  monthlyCollection(
    @Arg('estateId', () => ID) estateId: string,
    @Arg('period', () => String, { description: '账期 YYYY-MM' }) period: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<MonthlyCollectionReport> {
    return monthlyCollection(ctx, estateId, period);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => ArrearsAgingReport, { description: '欠费账龄分析：逾期欠费按楼宇和逾期天数分段' })
  arrearsAging(
    @Arg('estateId', () => ID) estateId: string,
    @Arg('asOf', () => String, { nullable: true, description: '统计日 YYYY-MM-DD，默认今天，不能早于今天' }) asOf: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArrearsAgingReport> {
    return arrearsAging(ctx, estateId, asOf);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => PrepaidBalanceReport, { description: '预收款余额：余额不为零的房间及合计' })
  prepaidBalances(@Args(() => EstatePageArgs) args: EstatePageArgs, @Ctx() ctx: GatewayContext): Promise<PrepaidBalanceReport> {
    return prepaidBalances(ctx, args.estateId, args.first, args.after);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => ExcelFile, { description: '导出报表为 Excel（.xlsx）' })
  exportReport(
    @Arg('kind', () => ReportKind) kind: ReportKind,
    @Arg('estateId', () => ID) estateId: string,
    @Arg('period', () => String, { nullable: true, description: '收费情况月统计表的账期 YYYY-MM' }) period: string | null | undefined,
    @Arg('asOf', () => String, { nullable: true, description: '账龄分析的统计日，默认今天' }) asOf: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<ExcelFile> {
    return exportReport(ctx, kind, estateId, period, asOf);
  }
}
