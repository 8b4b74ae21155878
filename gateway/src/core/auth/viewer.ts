import { Role, ROLE_PERMISSIONS, STAFF_ROLES, type Permission } from './roles';
import type { ScopeParams } from '../scope/scope';
import type { BindingRelation, FamilyPermission } from '../../modules/customer/enums';

export interface Grant {
  role: Role;
  /** null for HQ_ADMIN: every estate */
  estateId: string | null;
}

/** The viewer's own binding to a room that is active today. */
export interface ActiveBinding {
  bindingId: string;
  roomId: string;
  estateId: string;
  customerId: string;
  relation: BindingRelation;
  permissions: FamilyPermission[];
}

/** Who is asking, resolved once per request from the access token. */
export class Viewer {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly displayName: string,
    readonly grants: Grant[],
    readonly bindings: ActiveBinding[],
    readonly scope: ScopeParams,
  ) {}

  get isHq(): boolean {
    return this.grants.some((g) => g.role === Role.HQ_ADMIN);
  }

  get isStaff(): boolean {
    return this.grants.some((g) => STAFF_ROLES.includes(g.role));
  }

  hasRole(role: Role, estateId?: string): boolean {
    return this.grants.some((g) => g.role === role && (estateId === undefined || g.estateId === estateId));
  }

  /** True when one of the viewer's roles in this estate (or HQ) carries the permission. */
  can(permission: Permission, estateId: string): boolean {
    return this.grants.some(
      (g) => (g.estateId === estateId || g.role === Role.HQ_ADMIN) && ROLE_PERMISSIONS[g.role].includes(permission),
    );
  }

  bindingFor(roomId: string): ActiveBinding | undefined {
    return this.bindings.find((b) => b.roomId === roomId);
  }
}
