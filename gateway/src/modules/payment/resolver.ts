import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context';
import { notFound } from '../../core/errors';
import { parseId } from '../../core/ids';
import { BillLine, Payment } from '../billing/entities';
import { PaymentOrder } from './entities';

@ObjectType({ description: '传给 wx.requestPayment 的参数' })
class WechatPayParams {
  @Field(() => String) appId: string;
  @Field(() => String) timeStamp: string;
  @Field(() => String) nonceStr: string;
  @Field(() => String) package: string;
  @Field(() => String) signType: string;
  @Field(() => String) paySign: string;
}

@ObjectType()
class PaymentOrderResult {
  @Field(() => PaymentOrder) order: PaymentOrder;
  @Field(() => WechatPayParams) wechatPay: WechatPayParams;
}

@Resolver(() => PaymentOrder)
export class PaymentOrderResolver {
  @Authorized('RESIDENT')
  @Mutation(() => PaymentOrderResult, { description: '为选中的账单创建微信支付订单（需缴费权限）' })
  async createPaymentOrder(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('lineIds', () => [ID]) lineIds: string[],
    @Ctx() ctx: GatewayContext,
  ): Promise<PaymentOrderResult> {
    return ctx.services.payments.createOrder(ctx, roomId, lineIds);
  }

  @Authorized()
  @Query(() => PaymentOrder, { description: '支付订单（轮询状态）' })
  async paymentOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<PaymentOrder> {
    const order = await ctx.em.findOne(PaymentOrder, { id: parseId(id) });
    if (!order) throw notFound('订单不存在');
    return order;
  }

  @FieldResolver(() => Payment, { nullable: true, description: '支付成功后的收据' })
  async payment(@Root() order: PaymentOrder, @Ctx() ctx: GatewayContext): Promise<Payment | null> {
    return order.paymentId ? ctx.em.findOne(Payment, { id: order.paymentId }) : null;
  }

  @FieldResolver(() => [BillLine])
  lines(@Root() order: PaymentOrder, @Ctx() ctx: GatewayContext): Promise<BillLine[]> {
    return ctx.em.find(BillLine, { id: { $in: order.lineIds } }, { orderBy: { period: 'asc', id: 'asc' } });
  }
}

