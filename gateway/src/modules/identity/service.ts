import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { shanghaiDate } from '../../core/clock';
import type { Config } from '../../config';
import { badInput, unauthenticated } from '../../core/errors';
import { hashPassword, verifyPassword } from '../../core/auth/passwords';
import { newOpaqueToken, sha256, signAccessToken } from '../../core/auth/tokens';
import { Viewer } from '../../core/auth/viewer';
import { loadScope } from '../../core/scope/load-scope';
import type { RateLimiter } from '../../core/rate-limit';
import type { Logger } from '../../core/logger';
import { systemEm } from '../../context';
import { Customer } from '../customer/entities';
import { RefreshToken, Session, User } from './entities';
import { assertPhone, issueSmsCode, verifySmsCode } from './sms-codes';
import type { SmsProvider } from './sms';
import { WechatCodeRejected, type WechatClient } from './wechat';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  viewer: Viewer;
  user: User;
}

const MINUTE = 60_000;

/** 身份: sign-in by WeChat, SMS code or password; sessions with rotating refresh tokens. */
export class IdentityService {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly sms: SmsProvider,
    private readonly wechat: WechatClient,
    private readonly logger: Logger,
  ) {}

  async requestSmsCode(ip: string, phone: string): Promise<{ sent: boolean; retryAfterSeconds: number }> {
    assertPhone(phone);
    this.limiter.hit(`sms-ip:${ip}`, this.config.limits.loginPerMinutePerIp, MINUTE);
    const em = systemEm(this.orm);
    const code = await em.transactional(async (tx) => issueSmsCode(tx, this.config.tokenSecret, phone, this.clock.now()));
    await this.sms.send(phone, `【${this.config.sms.signName}】您的登录验证码是${code}，5分钟内有效。如非本人操作，请忽略。`);
    return { sent: true, retryAfterSeconds: 60 };
  }

  async loginWithSmsCode(ip: string, phone: string, code: string): Promise<IssuedSession> {
    assertPhone(phone);
    this.limiter.hit(`login-ip:${ip}`, this.config.limits.loginPerMinutePerIp, MINUTE);
    const em = systemEm(this.orm);
    await verifySmsCode(em, this.config.tokenSecret, phone, code, this.clock.now());
    return em.transactional(async (tx) => {
      let user = await tx.findOne(User, { phone });
      if (!user) {
        user = tx.create(User, { displayName: await this.nameForPhone(tx, phone), phone });
        tx.persist(user);
      }
      await this.linkCustomersByPhone(tx, user);
      return this.issueSession(tx, user, 'sms');
    });
  }

  async loginWithWechat(ip: string, code: string): Promise<IssuedSession> {
    this.limiter.hit(`login-ip:${ip}`, this.config.limits.loginPerMinutePerIp, MINUTE);
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(code)) throw badInput([{ field: 'code', message: '微信登录凭证无效' }]);
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (err) {
      if (err instanceof WechatCodeRejected) throw badInput([{ field: 'code', message: '微信登录凭证无效或已过期，请重试' }]);
      throw err;
    }
    const em = systemEm(this.orm);
    return em.transactional(async (tx) => {
      let user = await tx.findOne(User, { wechatOpenid: session.openid });
      if (!user) {
        user = tx.create(User, { displayName: '微信用户', wechatOpenid: session.openid });
        tx.persist(user);
      }
      return this.issueSession(tx, user, 'wechat');
    });
  }

  async loginWithPassword(ip: string, account: string, password: string): Promise<IssuedSession> {
    this.limiter.hit(`login-ip:${ip}`, this.config.limits.loginPerMinutePerIp, MINUTE);
    this.limiter.hit(`login-account:${account.toLowerCase()}`, this.config.limits.loginPerMinutePerAccount, MINUTE);
    const em = systemEm(this.orm);
    const user = await em.findOne(User, /^\d+$/.test(account) ? { phone: account } : { account: account.toLowerCase() });
    const ok = await verifyPassword(password, user?.passwordHash);
    if (!user || !ok || user.disabled) throw unauthenticated('账号或密码错误');
    return em.transactional(async (tx) => this.issueSession(tx, tx.merge(user), 'password'));
  }

  /** Rotates the refresh token. Reusing an already rotated token revokes the whole session. */
  async refreshSession(refreshToken: string): Promise<IssuedSession> {
    const em = systemEm(this.orm);
    const now = this.clock.now();
    // The revocation on reuse must commit: throwing inside the transaction would roll it back.
    const result = await em.transactional(async (tx) => {
      const row = await tx.findOne(RefreshToken, { tokenHash: sha256(refreshToken) }, { populate: ['session', 'session.user'] });
      const session = row?.session.getEntity();
      if (!row || !session || session.revokedAt || row.expiresAt <= now) throw unauthenticated('登录已过期，请重新登录');
      // Without this a disabled account could keep reading its viewer (rooms, roles) from each refresh.
      if (session.user.getEntity().disabled) throw unauthenticated('账号已停用');
      const claimed = await tx.nativeUpdate(RefreshToken, { id: row.id, usedAt: null }, { usedAt: now });
      if (claimed !== 1) {
        session.revokedAt = now;
        return { revokedSessionId: session.id };
      }
      return this.issueTokens(tx, session, session.user.getEntity());
    });
    if ('revokedSessionId' in result) {
      this.logger.warn({ sessionId: result.revokedSessionId }, 'refresh token reused: session revoked');
      throw unauthenticated('登录已失效，请重新登录');
    }
    return result;
  }

  async logout(viewer: Viewer): Promise<boolean> {
    const em = systemEm(this.orm);
    await em.nativeUpdate(Session, { id: viewer.sessionId, revokedAt: null }, { revokedAt: this.clock.now() });
    return true;
  }

  async setPassword(viewer: Viewer, newPassword: string, currentPassword?: string | null): Promise<boolean> {
    const em = systemEm(this.orm);
    const user = await em.findOneOrFail(User, viewer.userId);
    if (user.passwordHash && !(await verifyPassword(currentPassword ?? '', user.passwordHash))) {
      throw badInput([{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    user.passwordHash = await hashPassword(newPassword);
    await em.flush();
    return true;
  }

  async findUser(userId: string): Promise<User> {
    return systemEm(this.orm).findOneOrFail(User, userId);
  }

  /** Customers recorded by staff with this phone become this account's (they proved the phone). */
  private async linkCustomersByPhone(em: EntityManager, user: User): Promise<void> {
    if (!user.phone) return;
    const customers = await em.find(Customer, { phone: user.phone, user: null });
    for (const c of customers) c.user = em.getReference(User, user.id) as never;
  }

  private async nameForPhone(em: EntityManager, phone: string): Promise<string> {
    const customer = await em.findOne(Customer, { phone });
    return customer?.name ?? `用户${phone.slice(-4)}`;
  }

  private async issueSession(em: EntityManager, user: User, method: string): Promise<IssuedSession> {
    if (user.disabled) throw unauthenticated('账号已停用');
    const session = em.create(Session, { user, method });
    em.persist(session);
    return this.issueTokens(em, session, user);
  }

  private async issueTokens(em: EntityManager, session: Session, user: User): Promise<IssuedSession> {
    const now = this.clock.now();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const refreshToken = newOpaqueToken();
    em.persist(
      em.create(RefreshToken, {
        session,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlSeconds * 1000),
      }),
    );
    await em.flush();
    const accessToken = signAccessToken(
      { sub: user.id, sid: session.id, iat: nowSeconds, exp: nowSeconds + this.config.accessTokenTtlSeconds },
      this.config.tokenSecret,
    );
    const { grants, bindings, scope } = await loadScope(em, user.id, shanghaiDate(now));
    const viewer = new Viewer(user.id, session.id, user.displayName, grants, bindings, scope);
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, viewer, user };
  }
}
