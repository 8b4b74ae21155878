import type { AuthChecker } from 'type-graphql';
import type { GatewayContext } from '../../context';
import { unauthenticated } from '../errors';
import { Permission } from './roles';

/** `@Authorized('STAFF')`: any staff role in any estate; estate checks happen where data is loaded. */
export const STAFF = 'STAFF';
/** `@Authorized('RESIDENT')`: bound to at least one room today. */
export const RESIDENT = 'RESIDENT';

/**
 * The one authChecker. `@Authorized()` means signed in; with arguments, the viewer must match one
 * of them (STAFF, RESIDENT or a Permission held in some estate).
 */
export const authChecker: AuthChecker<GatewayContext, string> = ({ context }, requirements) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (requirements.length === 0) return true;
  return requirements.some((r) => {
    if (r === STAFF) return viewer.isStaff;
    if (r === RESIDENT) return viewer.bindings.length > 0;
    if ((Object.values(Permission) as string[]).includes(r)) {
      return viewer.grants.some((g) => viewer.can(r as Permission, g.estateId ?? ''));
    }
    return false;
  });
};
