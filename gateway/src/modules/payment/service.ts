import type { MikroORM } from '@mikro-orm/core';
import type { GatewayContext } from '../../context';
import { systemEm } from '../../context';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { AppError, ErrorCode, badInput, conflict, forbidden } from '../../core/errors';
import { forUpdate } from '../../core/db/locking';
import { parseId } from '../../core/ids';
import { FamilyPermission } from '../customer/enums';
import { getRoom } from '../property/service';
import { User } from '../identity/entities';
import { BillLine } from '../billing/entities';
import { PaymentMethod } from '../billing/enums';
import { outstandingOf, recordPayment } from '../billing/ledger';
import { billingPartyOf } from '../billing/parties';
import { chargeLateFees } from '../billing/late-fees';
import type { RequestPaymentParams, WechatPayClient, WechatPayTransaction } from './wechatpay/client';
import { WechatPayApiError } from './wechatpay/client';
import { PaymentOrder, PaymentOrderStatus } from './entities';

/** An order lives 2 hours (DOMAIN.md §5); WeChat refuses payment after time_expire. */
export const ORDER_TTL_MS = 2 * 3600_000;

function outTradeNo(id: string): string {
  return `WY${id.replace(/-/g, '')}`.slice(0, 32);
}

/** 微信支付: orders, settlement exactly once, reconciliation, expiry and refunds. */
export class PaymentService {
  client?: WechatPayClient;
  /** In demo mode payers without an openid (the web portal) pay the fake with this one. */
  fallbackOpenid?: string;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private requireClient(): WechatPayClient {
    if (!this.client) throw new AppError(ErrorCode.INTERNAL, '微信支付未配置');
    return this.client;
  }

  /** The owner (or family/tenant with PAY) orders chosen open lines of a room; returns wx.requestPayment params. */
  async createOrder(ctx: GatewayContext, roomId: string, lineIds: string[]): Promise<{ order: PaymentOrder; wechatPay: RequestPaymentParams }> {
    const room = await getRoom(ctx, roomId, 'roomId');
    const viewer = ctx.viewer!;
    if (!viewer.bindingFor(room.id)?.permissions.includes(FamilyPermission.PAY)) throw forbidden('您没有为该房间缴费的权限');
    const ids = [...new Set(lineIds.map((id) => parseId(id, 'lineIds')))];
    if (ids.length === 0 || ids.length > 200) throw badInput([{ field: 'lineIds', message: '请选择1-200条账单' }]);
    const visible = await ctx.em.count(BillLine, { id: { $in: ids }, room });
    if (visible !== ids.length) throw badInput([{ field: 'lineIds', message: '账单不存在或不属于该房间' }]);
    const user = await ctx.em.findOneOrFail(User, viewer.userId, { filters: false });
    const openid = user.wechatOpenid ?? this.fallbackOpenid;
    if (!openid) throw badInput([{ field: 'roomId', message: '请在微信小程序中支付' }]);

    await this.supersedeLiveOrders(ids);
    const em = systemEm(this.orm);
    const order = await em.transactional(async (tx) => {
      const lines = await tx.find(BillLine, { id: { $in: ids }, room: room.id }, forUpdate(tx));
      if (lines.some((l) => outstandingOf(l) <= 0)) throw conflict('所选账单已结清', 'LINE_ALREADY_PAID');
      // 滞纳金 up to today is booked now and paid with the order; a later day's payment books the rest.
      const fees = await chargeLateFees(tx, room.estate.id, lines, ctx.today);
      const order = tx.create(PaymentOrder, {
        estate: room.estate.id,
        room: room.id,
        customer: await billingPartyOf(tx, room.id, ctx.today),
        user: viewer.userId,
        outTradeNo: '',
        amountFen: [...lines, ...fees].reduce((sum, l) => sum + outstandingOf(l), 0),
        lineIds: [...ids, ...fees.map((f) => f.id)],
        expiresAt: new Date(this.clock.now().getTime() + ORDER_TTL_MS),
        createdAt: this.clock.now(), // reconciliation compares it with the clock
      });
      order.outTradeNo = outTradeNo(order.id);
      return order;
    });
    const client = this.requireClient();
    order.prepayId = await client.jsapiPrepay({ outTradeNo: order.outTradeNo, description: `物业费-${room.code}`, amountFen: order.amountFen, payerOpenid: openid, expiresAt: order.expiresAt });
    await em.nativeUpdate(PaymentOrder, { id: order.id }, { prepayId: order.prepayId });
    return { order, wechatPay: client.requestPaymentParams(order.prepayId) };
  }

  /**
   * A line may sit in several unpaid orders (the owner tapped 缴费 twice). Before a new order is
   * made, older live ones holding its lines are closed at WeChat, so they can no longer be paid;
   * one already paid is settled first, and then the new order is refused.
   */
  private async supersedeLiveOrders(lineIds: string[]): Promise<void> {
    const em = systemEm(this.orm);
    const live = (await em.find(PaymentOrder, { status: PaymentOrderStatus.CREATED })).filter((o) => o.lineIds.some((id) => lineIds.includes(id)));
    for (const order of live) {
      const result = await this.closeAtWechat(order, '被新订单取代');
      if (result === 'PAID') throw conflict('所选账单已在支付中或已支付', 'LINE_ALREADY_PAID');
    }
  }

  /** Closes an unpaid order; if WeChat says it was paid meanwhile, settles it instead. */
  private async closeAtWechat(order: PaymentOrder, reason: string): Promise<'CLOSED' | 'PAID'> {
    const client = this.requireClient();
    try {
      await client.closeOrder(order.outTradeNo);
    } catch (err) {
      if (!(err instanceof WechatPayApiError) || err.code !== 'ORDERPAID') throw err;
      const tx = await client.queryByOutTradeNo(order.outTradeNo);
      await this.settle(tx);
      return 'PAID';
    }
    await systemEm(this.orm).nativeUpdate(PaymentOrder, { id: order.id, status: PaymentOrderStatus.CREATED }, { status: PaymentOrderStatus.CLOSED, note: reason });
    return 'CLOSED';
  }

  /**
   * Settles a verified SUCCESS transaction exactly once: the order row is locked, a second notify
   * (or a notify racing reconciliation) finds it PAID and does nothing. Lines already settled by
   * another order make this one REFUNDED: the money goes back through WeChat's refund API.
   */
  async settle(tx: WechatPayTransaction): Promise<PaymentOrderStatus> {
    if (tx.tradeState !== 'SUCCESS') return PaymentOrderStatus.CREATED;
    const client = this.requireClient();
    const em = systemEm(this.orm);
    const order = await em.findOne(PaymentOrder, { outTradeNo: tx.outTradeNo });
    if (!order) throw new SettlementRefused('UNKNOWN_ORDER');
    const mismatch = client.orderMismatch(tx, order);
    if (mismatch) {
      this.logger.warn({ outTradeNo: tx.outTradeNo, mismatch }, 'WeChat Pay transaction does not match our order: refused');
      throw new SettlementRefused(mismatch);
    }
    let refund = false;
    const status = await em.transactional(async (t) => {
      const locked = await t.findOneOrFail(PaymentOrder, order.id, { ...forUpdate(t), refresh: true });
      if (locked.status === PaymentOrderStatus.PAID || locked.status === PaymentOrderStatus.REFUNDED) return locked.status;
      try {
        const payment = await recordPayment(t, {
          estateId: locked.estate.id,
          roomId: locked.room.id,
          customerId: locked.customer?.id ?? null,
          cashierUserId: null,
          method: PaymentMethod.WECHAT,
          amountFen: locked.amountFen,
          lineIds: locked.lineIds,
          exact: true,
          paidAt: tx.successTime ?? this.clock.now(),
          note: `微信支付 ${tx.transactionId ?? ''}`.trim(),
        });
        Object.assign(locked, { status: PaymentOrderStatus.PAID, paymentId: payment.id, transactionId: tx.transactionId ?? null });
        return PaymentOrderStatus.PAID;
      } catch (err) {
        if (!(err instanceof AppError) || err.extensions.reason !== 'LINE_ALREADY_PAID') throw err;
        Object.assign(locked, { status: PaymentOrderStatus.REFUNDED, transactionId: tx.transactionId ?? null, outRefundNo: `R${locked.outTradeNo.slice(1)}`, note: '账单已由其他订单支付，原路退款' });
        refund = true;
        return PaymentOrderStatus.REFUNDED;
      }
    });
    if (refund) await this.refundOrder(order.id);
    return status;
  }

  /** Sends the refund of a REFUNDED order; the out_refund_no is fixed, so a retry cannot refund twice. */
  async refundOrder(orderId: string): Promise<void> {
    const order = await systemEm(this.orm).findOneOrFail(PaymentOrder, orderId);
    await this.requireClient().refund({ outTradeNo: order.outTradeNo, outRefundNo: order.outRefundNo!, refundFen: order.amountFen, totalFen: order.amountFen, reason: '账单已支付' });
  }

  /**
   * 对账: orders still CREATED a few minutes after creation are asked about. Paid ones are settled
   * (a notify that never came), expired unpaid ones are closed.
   */
  async reconcile(olderThanMs = 5 * 60_000): Promise<{ settled: number; closed: number }> {
    const now = this.clock.now();
    const em = systemEm(this.orm);
    const pending = await em.find(PaymentOrder, { status: PaymentOrderStatus.CREATED, createdAt: { $lt: new Date(now.getTime() - olderThanMs) } }, { limit: 500 });
    let settled = 0;
    let closed = 0;
    for (const order of pending) {
      try {
        const tx = await this.requireClient().queryByOutTradeNo(order.outTradeNo);
        if (tx.tradeState === 'SUCCESS') {
          if ((await this.settle(tx)) !== PaymentOrderStatus.CREATED) settled++;
        } else if (tx.tradeState === 'CLOSED' || order.expiresAt <= now) {
          if ((await this.closeAtWechat(order, '超时未支付')) === 'CLOSED') closed++;
          else settled++;
        }
      } catch (err) {
        this.logger.error({ err, outTradeNo: order.outTradeNo }, 'reconciliation of an order failed; will retry');
      }
    }
    return { settled, closed };
  }
}

/** A notify that must not be settled (unknown order, or mchid/appid/amount not ours). */
export class SettlementRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

