import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/entity-base';
import { Role } from '../../core/auth/roles';
import { Estate } from '../property/entities';

/*
 * Identity rows are never returned to a client as they are (the Viewer type is built from them),
 * and are read only by the identity service through a system-scoped EntityManager.
 */

/** A sign-in account: a phone, a WeChat openid, a staff account name, or several of these. */
@Entity()
export class User extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  displayName: string;

  @Property({ type: 'string', length: 20, nullable: true, unique: true })
  phone?: string | null;

  @Property({ type: 'string', length: 32, nullable: true, unique: true })
  account?: string | null;

  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  wechatOpenid?: string | null;

  @Property({ type: 'boolean' })
  disabled: boolean & Opt = false;
}

/** A role held in one estate (estate is null only for HQ_ADMIN, which spans all estates). */
@Entity()
@Unique({ properties: ['user', 'role', 'estate'] })
export class RoleGrant extends BaseEntity {
  @ManyToOne(() => User, { ref: true })
  user: Ref<User>;

  @Enum({ items: () => Role })
  role: Role;

  @ManyToOne(() => Estate, { ref: true, nullable: true })
  estate?: Ref<Estate> | null;
}

/** One sign-in: access tokens carry its id, so revoking it (logout) ends them all. */
@Entity()
export class Session extends BaseEntity {
  @ManyToOne(() => User, { ref: true })
  user: Ref<User>;

  @Property({ type: 'string', length: 16 })
  method: string;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}

/** Rotating refresh tokens: each use replaces the token; reusing a replaced one revokes the session. */
@Entity()
export class RefreshToken extends BaseEntity {
  @ManyToOne(() => Session, { ref: true })
  session: Ref<Session>;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;
}

/** SMS sign-in codes; only an HMAC of the code is kept. */
@Entity()
@Index({ properties: ['phone', 'createdAt'] })
export class SmsCode extends BaseEntity {
  @Property({ type: 'string', length: 20 })
  phone: string;

  @Property({ type: 'string', length: 64 })
  codeHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'integer' })
  failedAttempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  consumedAt?: Date | null;

  /** Set when 5 wrong tries or a newer code make this one unusable. */
  @Property({ type: 'datetime', nullable: true })
  voidedAt?: Date | null;
}
