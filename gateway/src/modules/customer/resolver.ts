import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Matches, MaxLength } from 'class-validator';
import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission, requireViewer } from '../../core/auth/require';
import { ConnectionType, PageArgs, paginate } from '../../core/pagination';
import { notFound } from '../../core/errors';
import { bindingTopic, type BindingChanged } from '../../core/pubsub';
import { Room } from '../property/entities';
import { getEstate } from '../property/service';
import { Customer, RoomBinding } from './entities';
import { FamilyPermission } from './enums';
import { AddFamilyMemberInput, CreateCustomerInput, MoveInInput, TenantMoveInInput, TransferRoomInput } from './inputs';
import * as customers from './service';

const CustomerConnection = ConnectionType(Customer, 'CustomerConnection');

@ArgsType()
class CustomerListArgs extends PageArgs {
  @Field(() => ID)
  estateId: string;

  @Field(() => String, { nullable: true, description: '按姓名或手机号搜索' })
  @IsOptional()
  @MaxLength(32, { message: '搜索词最多32个字' })
  search?: string;
}

@ArgsType()
class FamilyPermissionsArgs {
  @Field(() => ID)
  bindingId: string;

  @Field(() => [FamilyPermission])
  @ArrayMaxSize(3)
  permissions: FamilyPermission[];
}

@ArgsType()
class MoveOutArgs {
  @Field(() => ID)
  bindingId: string;

  @Field(() => String)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  date: string;
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized()
  @Query(() => Customer)
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Customer> {
    return customers.getCustomer(ctx, id);
  }

  @Authorized(Permission.CUSTOMER_READ)
  @Query(() => CustomerConnection, { description: '客户列表（员工）' })
  async customers(@Args(() => CustomerListArgs) args: CustomerListArgs, @Ctx() ctx: GatewayContext) {
    const estate = await getEstate(ctx, args.estateId);
    requireStaffPermission(ctx, estate.id, Permission.CUSTOMER_READ);
    const where: Record<string, unknown> = { estate };
    if (args.search) {
      const like = `%${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $like: like } }, { phone: { $like: like } }];
    }
    return paginate(ctx.em, Customer, where, args, { name: 'asc', id: 'asc' });
  }

  @FieldResolver(() => [RoomBinding], { description: '该客户的房间关系（含历史）' })
  bindings(@Root() customer: Customer, @Ctx() ctx: GatewayContext): Promise<RoomBinding[]> {
    return ctx.loaders.bindingsByCustomer.load(customer.id);
  }

  @Authorized(Permission.CUSTOMER_WRITE)
  @Mutation(() => Customer, { description: '登记客户' })
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: GatewayContext): Promise<Customer> {
    return customers.createCustomer(ctx, input);
  }
}

@Resolver(() => RoomBinding)
export class RoomBindingResolver {
  @FieldResolver(() => Room, { nullable: true, description: '房间；已不再绑定时为空' })
  room(@Root() binding: RoomBinding, @Ctx() ctx: GatewayContext): Promise<Room | null> {
    return ctx.loaders.room.load(binding.room.id);
  }

  @FieldResolver(() => Customer)
  async customer(@Root() binding: RoomBinding, @Ctx() ctx: GatewayContext): Promise<Customer> {
    const customer = await ctx.loaders.customer.load(binding.customer.id);
    if (!customer) throw notFound('客户不存在');
    return customer;
  }

  @FieldResolver(() => Boolean, { description: '今天是否有效' })
  active(@Root() binding: RoomBinding, @Ctx() ctx: GatewayContext): boolean {
    return binding.startDate <= ctx.today && (!binding.endDate || binding.endDate >= ctx.today);
  }

  @Authorized(Permission.CUSTOMER_WRITE)
  @Mutation(() => RoomBinding, { description: '业主入伙' })
  moveIn(@Arg('input', () => MoveInInput) input: MoveInInput, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.moveIn(ctx, input);
  }

  @Authorized(Permission.CUSTOMER_WRITE)
  @Mutation(() => RoomBinding, { description: '租户迁入' })
  tenantMoveIn(@Arg('input', () => TenantMoveInInput) input: TenantMoveInInput, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.tenantMoveIn(ctx, input);
  }

  @Authorized(Permission.CUSTOMER_WRITE)
  @Mutation(() => RoomBinding, { description: '租户迁出（收费对象回到业主）' })
  tenantMoveOut(@Args(() => MoveOutArgs) { bindingId, date }: MoveOutArgs, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.tenantMoveOut(ctx, bindingId, date);
  }

  @Authorized(Permission.CUSTOMER_WRITE)
  @Mutation(() => RoomBinding, { description: '过户：原业主的记录保留为其历史' })
  transferRoom(@Arg('input', () => TransferRoomInput) input: TransferRoomInput, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.transferRoom(ctx, input);
  }

  @Authorized('RESIDENT')
  @Mutation(() => RoomBinding, { description: '业主添加家庭成员' })
  addFamilyMember(@Arg('input', () => AddFamilyMemberInput) input: AddFamilyMemberInput, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.addFamilyMember(ctx, input);
  }

  @Authorized('RESIDENT')
  @Mutation(() => RoomBinding, { description: '业主设置家庭成员权限' })
  setFamilyPermissions(@Args(() => FamilyPermissionsArgs) { bindingId, permissions }: FamilyPermissionsArgs, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.setFamilyPermissions(ctx, bindingId, permissions);
  }

  @Authorized('RESIDENT')
  @Mutation(() => RoomBinding, { description: '业主移除家庭成员' })
  removeFamilyMember(@Arg('bindingId', () => ID) bindingId: string, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    return customers.removeFamilyMember(ctx, bindingId);
  }

  @Authorized()
  @Subscription(() => RoomBinding, {
    description: '我的房间的绑定有变化（新增、修改、结束）',
    // The topic comes from the signed-in viewer, never from an argument.
    topics: ({ context }: { context: GatewayContext }) => bindingTopic(requireViewer(context).userId),
  })
  async myBindingsChanged(@Root() event: BindingChanged, @Ctx() ctx: GatewayContext): Promise<RoomBinding> {
    // A subscription lives long: judge each event with today's scope and a fresh identity map.
    await ctx.refresh();
    const binding = await ctx.em.findOne(RoomBinding, { id: event.bindingId });
    if (!binding) throw notFound('关系记录不存在');
    return binding;
  }
}
