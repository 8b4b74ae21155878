import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireViewer } from '../../core/auth/require';
import { forbidden } from '../../core/errors';
import { getEstate } from '../property/service';

declare const checked: unique symbol;

/**
 * The estate a report may be computed for, made only by requireReportReader after the check.
 * Report SQL bypasses the scope filter (the committee is not staff and sees no bill line through
 * it), so every query in queries.ts takes this as its first argument and refuses an empty one.
 */
export interface ReportScope {
  readonly estateId: string;
  readonly estateName: string;
  readonly [checked]: true;
}

/**
 * 报表: staff with REPORT_READ in the estate (manager, cashier, HQ) and the owners' committee
 * (业委会, read-only) of the estate. The estate is loaded through the viewer's scope first, so
 * another estate answers NOT_FOUND; a resident of the estate without the permission FORBIDDEN.
 * A read: unlike requireStaffPermission it does not mark the request as a staff action.
 */
export async function requireReportReader(ctx: GatewayContext, estateId: string): Promise<ReportScope> {
  const viewer = requireViewer(ctx);
  const estate = await getEstate(ctx, estateId);
  if (!viewer.can(Permission.REPORT_READ, estate.id)) throw forbidden('您没有查看该小区报表的权限');
  return { estateId: estate.id, estateName: estate.name } as ReportScope;
}
