import { Arg, Authorized, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { forbidden } from '../../core/errors';
import { getEstate } from '../property/service';
import { Meter, MeterReading, Reduction, Refund } from './entities';
import { ApprovalStatus } from './enums';
import { formatReading } from './formulas';

@ObjectType({ description: '最近一次读数' })
class LastReading {
  @Field(() => String) period: string;
  @Field(() => String) reading: string;
}

@ObjectType({ description: '待经理审批的减免与退款' })
class PendingApprovals {
  @Field(() => [Reduction]) reductions: Reduction[];
  @Field(() => [Refund]) refunds: Refund[];
}

async function requireBillingReader(ctx: GatewayContext, estateId: string) {
  const estate = await getEstate(ctx, estateId);
  if (!ctx.viewer?.can(Permission.BILLING_READ, estate.id)) throw forbidden();
  return estate;
}

/** Lists the cashier's and manager's pages need: the estate's meters, and requests awaiting approval. */
@Resolver(() => Meter)
export class MeterListResolver {
  @Authorized(Permission.BILLING_READ)
  @Query(() => [Meter], { description: '本小区的仪表（户表与公共表）' })
  async meters(@Arg('estateId', () => ID) estateId: string, @Ctx() ctx: GatewayContext): Promise<Meter[]> {
    const estate = await requireBillingReader(ctx, estateId);
    return ctx.em.find(Meter, { estate }, { orderBy: { code: 'asc' }, limit: 5000 });
  }

  @FieldResolver(() => String, { nullable: true, description: '户表的房间编码' })
  async roomCode(@Root() meter: Meter, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return meter.room ? ((await ctx.loaders.room.load(meter.room.id))?.code ?? null) : null;
  }

  @FieldResolver(() => String)
  async itemName(@Root() meter: Meter, @Ctx() ctx: GatewayContext): Promise<string> {
    return (await ctx.loaders.chargeItem.load(meter.item.id))?.name ?? '';
  }

  @FieldResolver(() => LastReading, { nullable: true })
  async lastReading(@Root() meter: Meter, @Ctx() ctx: GatewayContext): Promise<LastReading | null> {
    const last = await ctx.em.findOne(MeterReading, { meter }, { orderBy: { period: 'desc' } });
    return last ? { period: last.period, reading: formatReading(last.readingMilli) } : null;
  }

  @Authorized(Permission.BILLING_READ)
  @Query(() => PendingApprovals, { description: '待审批的减免与退款' })
  async pendingApprovals(@Arg('estateId', () => ID) estateId: string, @Ctx() ctx: GatewayContext): Promise<PendingApprovals> {
    const estate = await requireBillingReader(ctx, estateId);
    const [reductions, refunds] = await Promise.all([
      ctx.em.find(Reduction, { estate, status: ApprovalStatus.PENDING }, { orderBy: { id: 'asc' } }),
      ctx.em.find(Refund, { estate, status: ApprovalStatus.PENDING }, { orderBy: { id: 'asc' } }),
    ]);
    return { reductions, refunds };
  }
}

/** Room code and requester of a reduction or refund, for the approval list. */
@Resolver(() => Reduction)
export class ReductionFieldsResolver {
  @FieldResolver(() => String, { nullable: true }) async roomCode(@Root() r: Reduction, @Ctx() ctx: GatewayContext) {
    return (await ctx.loaders.room.load(r.room.id))?.code ?? null;
  }
  @FieldResolver(() => ID) lineId(@Root() r: Reduction): string {
    return r.line.id;
  }
}

@Resolver(() => Refund)
export class RefundFieldsResolver {
  @FieldResolver(() => String, { nullable: true }) async roomCode(@Root() r: Refund, @Ctx() ctx: GatewayContext) {
    return (await ctx.loaders.room.load(r.room.id))?.code ?? null;
  }
}
