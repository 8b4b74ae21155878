import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Clock } from './core/clock';
import { shanghaiDate } from './core/clock';
import { AuditTrail } from './core/audit/audit-trail';
import { verifyAccessToken } from './core/auth/tokens';
import { Viewer } from './core/auth/viewer';
import { EMPTY_SCOPE, SCOPE_FILTER, SYSTEM_SCOPE, type ScopeParams } from './core/scope/scope';
import { loadScope } from './core/scope/load-scope';
import { createLoaders, type Loaders } from './loaders';
import { Session } from './modules/identity/entities';
import type { Services } from './services';
import type { Logger } from './core/logger';

/** Everything a resolver may use for one request (or one subscription operation). */
export interface GatewayContext {
  requestId: string;
  ip: string;
  viewer: Viewer | null;
  /** A fork whose `scope` filter is set to the viewer's scope: every find is narrowed. */
  em: EntityManager;
  loaders: Loaders;
  audit: AuditTrail;
  services: Services;
  clock: Clock;
  log: Logger;
  /** The Asia/Shanghai date of this request: bindings active "today" are judged on it. */
  today: string;
  /** Rebuilds viewer, scope, fork and loaders in place (subscriptions, once per event). */
  refresh(this: GatewayContext): Promise<void>;
}

export interface ContextDeps {
  orm: MikroORM;
  services: Services;
  clock: Clock;
  tokenSecret: string;
  logger: Logger;
}

/** A system-scoped fork, for work that is not done on behalf of a viewer (sign-in, seeding, jobs). */
export function systemEm(orm: MikroORM): EntityManager {
  const em = orm.em.fork();
  em.setFilterParams(SCOPE_FILTER, SYSTEM_SCOPE);
  return em;
}

function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([A-Za-z0-9._-]+)$/);
  return match ? match[1] : null;
}

/** Resolves the viewer of an access token, or null when the token is missing, bad, expired or revoked. */
export async function resolveViewer(deps: ContextDeps, authorization: string | undefined, today: string): Promise<Viewer | null> {
  const token = bearer(authorization);
  if (!token) return null;
  const claims = verifyAccessToken(token, deps.tokenSecret, Math.floor(deps.clock.now().getTime() / 1000));
  if (!claims) return null;
  const em = systemEm(deps.orm);
  const session = await em.findOne(Session, { id: claims.sid, user: claims.sub }, { populate: ['user'] });
  if (!session || session.revokedAt || session.user.getEntity().disabled) return null;
  const { grants, bindings, scope } = await loadScope(em, claims.sub, today);
  return new Viewer(claims.sub, session.id, session.user.getEntity().displayName, grants, bindings, scope);
}

export async function buildContext(
  deps: ContextDeps,
  request: { requestId: string; ip: string; authorization?: string },
): Promise<GatewayContext> {
  const today = shanghaiDate(deps.clock.now());
  const viewer = await resolveViewer(deps, request.authorization, today);
  const scope: ScopeParams = viewer?.scope ?? EMPTY_SCOPE;
  const em = deps.orm.em.fork();
  em.setFilterParams(SCOPE_FILTER, scope);
  const ctx: GatewayContext = {
    requestId: request.requestId,
    ip: request.ip,
    viewer,
    em,
    audit: new AuditTrail(viewer, request.requestId),
    loaders: undefined as unknown as Loaders,
    services: deps.services,
    clock: deps.clock,
    log: deps.logger.child({ requestId: request.requestId }),
    today,
    // A method on `this`: Apollo hands resolvers a shallow copy of the context, and the copy is
    // what must be updated.
    async refresh(this: GatewayContext) {
      const next = await buildContext(deps, request);
      Object.assign(this, { ...next, refresh: this.refresh });
    },
  };
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

/** After a sign-in mutation, the rest of the response is resolved as the newly signed-in viewer. */
export function signInContext(ctx: GatewayContext, viewer: Viewer): void {
  ctx.viewer = viewer;
  ctx.em.setFilterParams(SCOPE_FILTER, viewer.scope);
  ctx.audit = new AuditTrail(viewer, ctx.requestId);
  ctx.loaders = createLoaders(ctx);
}
