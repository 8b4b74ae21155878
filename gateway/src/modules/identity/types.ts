import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../core/auth/roles';
import { Estate, Room } from '../property/entities';

@ObjectType({ description: '角色授权：在某小区担任的角色' })
export class RoleGrantView {
  @Field(() => Role)
  role: Role;

  /** null for HQ_ADMIN */
  estateId: string | null;

  @Field(() => Estate, { nullable: true, description: '总部角色为空' })
  estate?: Estate | null;
}

@ObjectType('Viewer', { description: '当前登录用户' })
export class ViewerView {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  account?: string | null;

  @Field(() => Boolean)
  hasPassword: boolean;

  @Field(() => Boolean)
  isStaff: boolean;

  @Field(() => [RoleGrantView])
  roles: RoleGrantView[];

  /** resolved by a field resolver from the viewer's bindings */
  roomIds: string[];

  @Field(() => [Room], { description: '今天绑定的房间（业主、家庭成员或租户）' })
  rooms?: Room[];
}

@ObjectType({ description: '登录结果' })
export class AuthPayload {
  @Field(() => String)
  accessToken: string;

  @Field(() => String)
  refreshToken: string;

  @Field(() => Int, { description: 'accessToken 有效秒数' })
  expiresIn: number;

  @Field(() => ViewerView)
  viewer: ViewerView;
}

@ObjectType()
export class SmsCodeResult {
  @Field(() => Boolean)
  sent: boolean;

  @Field(() => Int)
  retryAfterSeconds: number;
}

@ArgsType()
export class PhoneArgs {
  @Field(() => String)
  @MaxLength(20, { message: '请输入正确的11位手机号' })
  phone: string;
}

@ArgsType()
export class SmsLoginArgs extends PhoneArgs {
  @Field(() => String)
  @MaxLength(10, { message: '验证码为6位数字' })
  code: string;
}

@ArgsType()
export class WechatLoginArgs {
  @Field(() => String)
  @Length(1, 128, { message: '微信登录凭证无效' })
  code: string;
}

@ArgsType()
export class PasswordLoginArgs {
  @Field(() => String)
  @Length(1, 32, { message: '请输入账号或手机号' })
  account: string;

  @Field(() => String)
  @Length(1, 128, { message: '请输入密码' })
  password: string;
}

@ArgsType()
export class SetPasswordArgs {
  @Field(() => String)
  @MinLength(8, { message: '密码至少8位' })
  @MaxLength(128, { message: '密码最多128位' })
  @Matches(/(?=.*[A-Za-z])(?=.*\d)/, { message: '密码需同时包含字母和数字' })
  newPassword: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128, { message: '当前密码不正确' })
  currentPassword?: string;
}

@ArgsType()
export class RefreshArgs {
  @Field(() => String)
  @Length(1, 128, { message: '登录已过期，请重新登录' })
  refreshToken: string;
}
