import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context';
import { signInContext } from '../../context';
import { requireViewer } from '../../core/auth/require';
import type { Grant, Viewer } from '../../core/auth/viewer';
import { Role } from '../../core/auth/roles';
import type { BindingRelation } from '../customer/enums';
import { Estate, Room } from '../property/entities';
import type { User } from './entities';
import {
  AuthPayload,
  PasswordLoginArgs,
  PhoneArgs,
  RefreshArgs,
  RoleGrantView,
  SetPasswordArgs,
  SmsCodeResult,
  SmsLoginArgs,
  ViewerView,
  WechatLoginArgs,
} from './types';
import type { IssuedSession } from './service';

const RESIDENT_ROLE: Record<BindingRelation, Role> = { OWNER: Role.OWNER, FAMILY: Role.FAMILY, TENANT: Role.TENANT };

/** Resident roles are not granted: they follow from today's bindings, one per estate and relation. */
function residentGrants(viewer: Viewer): Grant[] {
  const seen = new Map<string, Grant>();
  for (const b of viewer.bindings) seen.set(`${b.relation}/${b.estateId}`, { role: RESIDENT_ROLE[b.relation], estateId: b.estateId });
  return [...seen.values()];
}

export function viewerView(viewer: Viewer, user: User): ViewerView {
  return {
    id: viewer.userId,
    displayName: viewer.displayName,
    phone: user.phone ?? null,
    account: user.account ?? null,
    hasPassword: Boolean(user.passwordHash),
    isStaff: viewer.isStaff,
    roles: [...viewer.grants, ...residentGrants(viewer)].map((g) => ({ role: g.role, estateId: g.estateId })),
    roomIds: viewer.scope.roomIds,
  };
}

function payload(ctx: GatewayContext, issued: IssuedSession): AuthPayload {
  signInContext(ctx, issued.viewer);
  return {
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    expiresIn: issued.expiresIn,
    viewer: viewerView(issued.viewer, issued.user),
  };
}

@Resolver(() => ViewerView)
export class IdentityResolver {
  @Authorized()
  @Query(() => ViewerView, { description: '当前登录用户、角色与房间' })
  async me(@Ctx() ctx: GatewayContext): Promise<ViewerView> {
    const viewer = requireViewer(ctx);
    return viewerView(viewer, await ctx.services.identity.findUser(viewer.userId));
  }

  @FieldResolver(() => [Room])
  async rooms(@Root() view: ViewerView, @Ctx() ctx: GatewayContext): Promise<Room[]> {
    const rooms = await ctx.loaders.room.loadMany(view.roomIds);
    return rooms.filter((r): r is Room => r instanceof Room).sort((a, b) => a.code.localeCompare(b.code));
  }

  @Mutation(() => SmsCodeResult, { description: '发送登录短信验证码（每分钟1条、每天10条）' })
  requestSmsCode(@Args() { phone }: PhoneArgs, @Ctx() ctx: GatewayContext): Promise<SmsCodeResult> {
    return ctx.services.identity.requestSmsCode(ctx.ip, phone);
  }

  @Mutation(() => AuthPayload, { description: '手机号+短信验证码登录' })
  async loginWithSmsCode(@Args() { phone, code }: SmsLoginArgs, @Ctx() ctx: GatewayContext): Promise<AuthPayload> {
    return payload(ctx, await ctx.services.identity.loginWithSmsCode(ctx.ip, phone, code));
  }

  @Mutation(() => AuthPayload, { description: '微信小程序登录（wx.login 的 code）' })
  async loginWithWechat(@Args() { code }: WechatLoginArgs, @Ctx() ctx: GatewayContext): Promise<AuthPayload> {
    return payload(ctx, await ctx.services.identity.loginWithWechat(ctx.ip, code));
  }

  @Mutation(() => AuthPayload, { description: '账号（或手机号）+密码登录' })
  async loginWithPassword(@Args() { account, password }: PasswordLoginArgs, @Ctx() ctx: GatewayContext): Promise<AuthPayload> {
    return payload(ctx, await ctx.services.identity.loginWithPassword(ctx.ip, account, password));
  }

  @Mutation(() => AuthPayload, { description: '用 refreshToken 换新的令牌（旧 refreshToken 随即失效）' })
  async refreshSession(@Args() { refreshToken }: RefreshArgs, @Ctx() ctx: GatewayContext): Promise<AuthPayload> {
    return payload(ctx, await ctx.services.identity.refreshSession(refreshToken));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: '退出登录：本次登录的令牌全部失效' })
  logout(@Ctx() ctx: GatewayContext): Promise<boolean> {
    return ctx.services.identity.logout(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: '设置或修改密码' })
  setPassword(@Args() { newPassword, currentPassword }: SetPasswordArgs, @Ctx() ctx: GatewayContext): Promise<boolean> {
    return ctx.services.identity.setPassword(requireViewer(ctx), newPassword, currentPassword);
  }
}

@Resolver(() => RoleGrantView)
export class RoleGrantResolver {
  @FieldResolver(() => Estate, { nullable: true })
  estate(@Root() grant: RoleGrantView, @Ctx() ctx: GatewayContext): Promise<Estate | null> | null {
    return grant.estateId ? ctx.loaders.estate.load(grant.estateId) : null;
  }
}
