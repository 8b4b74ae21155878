import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/entity-base';
import { ScopedBy } from '../../core/scope/scope';
import { Estate } from '../property/entities';
import { Customer } from '../customer/entities';

export enum MessageChannel {
  IN_APP = 'IN_APP', // 站内消息
  SMS = 'SMS', // 短信
}
registerEnumType(MessageChannel, { name: 'MessageChannel' });

export enum MessageStatus {
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(MessageStatus, { name: 'MessageStatus' });

/** 消息: every send is recorded, in-app or by SMS, with its outcome (DOMAIN.md §8). */
@ObjectType({ description: '消息' })
@Entity()
@Index({ properties: ['customer', 'createdAt'] })
@ScopedBy<Message>((s) => ({ $or: [{ estate: { $in: s.staffEstateIds } }, { customer: { $in: s.customerIds } }] }))
export class Message extends BaseEntity {
  @ManyToOne(() => Estate, { ref: true })
  estate: Ref<Estate>;

  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => String, { description: '类别，如 ARREARS 欠费提醒' })
  @Property({ type: 'string', length: 32 })
  kind: string;

  @Field(() => MessageChannel)
  @Enum({ items: () => MessageChannel })
  channel: MessageChannel;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  title: string;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  body: string;

  @Field(() => MessageStatus)
  @Enum({ items: () => MessageStatus })
  status: MessageStatus;

  @Property({ type: 'string', length: 255, nullable: true })
  error?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  sentBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt?: Date | null;
}
