import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context';
import { Permission } from '../auth/roles';
import { requireStaffPermission } from '../auth/require';
import { ConnectionType, PageArgs, paginate } from '../pagination';
import { getEstate } from '../../modules/property/service';
import { AuditEntry } from './entities';

const AuditConnection = ConnectionType(AuditEntry, 'AuditEntryConnection');

@ArgsType()
class AuditArgs extends PageArgs {
  @Field(() => ID)
  estateId: string;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditConnection, { description: '审计日志（经理），最新在前' })
  async auditLog(@Args(() => AuditArgs) args: AuditArgs, @Ctx() ctx: GatewayContext) {
    const estate = await getEstate(ctx, args.estateId);
    requireStaffPermission(ctx, estate.id, Permission.AUDIT_READ);
    return paginate(ctx.em, AuditEntry, { estateId: estate.id }, args, { id: 'desc' });
  }

  @FieldResolver(() => Date, { description: '操作时间' })
  at(@Root() entry: AuditEntry): Date {
    return entry.createdAt;
  }
}
