import type { GatewayContext } from '../../context';
import { forbidden, unauthenticated } from '../errors';
import type { Permission } from './roles';
import type { Viewer } from './viewer';

export function requireViewer(ctx: GatewayContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/**
 * The viewer must hold `permission` in this estate. Call it after loading the target row through
 * the scoped EntityManager (so another estate's row already answered NOT_FOUND). Marks the request
 * as a staff action, which must leave an audit entry.
 */
export function requireStaffPermission(ctx: GatewayContext, estateId: string, permission: Permission): Viewer {
  const viewer = requireViewer(ctx);
  if (!viewer.can(permission, estateId)) throw forbidden();
  ctx.audit.actedAsStaff = true;
  return viewer;
}
