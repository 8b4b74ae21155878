import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireViewer } from '../../core/auth/require';
import { ConnectionType, PageArgs, paginate } from '../../core/pagination';
import { notFound } from '../../core/errors';
import { parseId } from '../../core/ids';
import { Message, MessageChannel } from './entities';
import { overdueRooms, sendArrearsReminders, type ReminderSummary } from './reminders';

const MessageConnection = ConnectionType(Message, 'MessageConnection');

@ObjectType({ description: '欠费房间' })
class OverdueRoomType {
  @Field(() => ID) roomId: string;
  @Field(() => String) roomCode: string;
  @Field(() => GraphQLSafeInt, { description: '逾期未缴（分）' }) overdueFen: number;
  @Field(() => String, { description: '最早到期日' }) oldestDueDate: string;
}

@ObjectType({ description: '催缴发送结果' })
class ReminderSummaryType {
  @Field(() => Int) rooms: number;
  @Field(() => Int) inApp: number;
  @Field(() => Int) sms: number;
  @Field(() => Int) smsFailed: number;
}

@ArgsType()
class OverdueArgs {
  @Field(() => ID) estateId: string;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(1000) first: number;
  @Field(() => String, { nullable: true, description: '上一页最后一个房间编码' }) after?: string;
}

@Resolver(() => Message)
export class MessagingResolver {
  @Authorized(Permission.BILLING_READ)
  @Query(() => [OverdueRoomType], { description: '欠费房间列表（按房间编码分页）' })
  overdueRooms(@Args(() => OverdueArgs) args: OverdueArgs, @Ctx() ctx: GatewayContext) {
    return overdueRooms(ctx, args.estateId, args.first, args.after);
  }

  @Authorized(Permission.BILLING_OPERATE)
  @Mutation(() => ReminderSummaryType, { description: '发送欠费提醒（站内消息 + 短信）；roomIds 为空则发给全部欠费房间' })
  sendArrearsReminders(
    @Arg('estateId', () => ID) estateId: string,
    @Arg('roomIds', () => [ID], { defaultValue: [] }) roomIds: string[],
    @Ctx() ctx: GatewayContext,
  ): Promise<ReminderSummary> {
    if (roomIds.length > 5000) roomIds = roomIds.slice(0, 5000);
    return sendArrearsReminders(ctx, estateId, roomIds.map((id) => parseId(id, 'roomIds')));
  }

  @Authorized()
  @Query(() => MessageConnection, { description: '我的站内消息，最新在前' })
  myMessages(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GatewayContext) {
    const viewer = requireViewer(ctx);
    return paginate(ctx.em, Message, { customer: { $in: viewer.scope.customerIds }, channel: MessageChannel.IN_APP }, args, { id: 'desc' });
  }

  @Authorized()
  @Query(() => Int, { description: '我的未读站内消息数' })
  myUnreadMessageCount(@Ctx() ctx: GatewayContext): Promise<number> {
    const viewer = requireViewer(ctx);
    return ctx.em.count(Message, { customer: { $in: viewer.scope.customerIds }, channel: MessageChannel.IN_APP, readAt: null });
  }

  @FieldResolver(() => Date, { description: '发送时间' })
  sentAt(@Root() message: Message): Date {
    return message.createdAt;
  }

  @Authorized()
  @Mutation(() => Message, { description: '标记消息已读' })
  async markMessageRead(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Message> {
    const viewer = requireViewer(ctx);
    const message = await ctx.em.findOne(Message, { id: parseId(id), customer: { $in: viewer.scope.customerIds } });
    if (!message) throw notFound('消息不存在');
    message.readAt ??= ctx.clock.now();
    await ctx.em.flush();
    return message;
  }
}

