import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { RoomMoneyRow } from '../billing/entities';
import { billingScope, ScopedBy } from '../../core/scope/scope';
import { User } from '../identity/entities';

export enum PaymentOrderStatus {
  CREATED = 'CREATED', // waiting for the owner to pay in WeChat
  PAID = 'PAID', // settled: a Payment (receipt) exists
  CLOSED = 'CLOSED', // expired or superseded, closed at WeChat
  REFUNDED = 'REFUNDED', // paid, but its lines were already settled: the money went back
}
registerEnumType(PaymentOrderStatus, { name: 'PaymentOrderStatus', description: '支付订单状态' });

/**
 * 微信支付订单: the owner's chosen lines, their sum, and the out_trade_no WeChat knows. The order
 * is settled exactly once (row lock + status), by the notify or by reconciliation.
 */
@ObjectType({ description: '微信支付订单' })
@Entity()
@Index({ properties: ['status', 'expiresAt'] })
@ScopedBy<PaymentOrder>(billingScope)
export class PaymentOrder extends RoomMoneyRow {

  @ManyToOne(() => User, { ref: true })
  user: Ref<User>;

  @Field(() => String)
  @Property({ type: 'string', length: 32, unique: true })
  outTradeNo: string;

  @Field(() => GraphQLSafeInt)
  @Property({ type: new BigIntType('number') })
  amountFen: number;

  @Property({ type: 'json' })
  lineIds: string[];

  @Field(() => PaymentOrderStatus)
  @Enum({ items: () => PaymentOrderStatus })
  status: PaymentOrderStatus & Opt = PaymentOrderStatus.CREATED;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  prepayId?: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  transactionId?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  paymentId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  outRefundNo?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  note?: string | null;
}
