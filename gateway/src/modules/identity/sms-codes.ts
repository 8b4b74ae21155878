import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { badInput, rateLimited } from '../../core/errors';
import { SmsCode } from './entities';

export const SMS_CODE_TTL_MS = 5 * 60_000;
export const SMS_RESEND_INTERVAL_MS = 60_000;
export const SMS_DAILY_LIMIT = 10;
export const SMS_MAX_FAILED_ATTEMPTS = 5;

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function assertPhone(phone: string, field = 'phone'): void {
  if (!PHONE_PATTERN.test(phone)) throw badInput([{ field, message: '请输入正确的11位手机号' }]);
}

function hashCode(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex');
}

/**
 * Issues a code unless the phone had one in the last minute or ten in the last day (these limits
 * live in the database so every gateway process shares them). A new code voids older ones.
 */
export async function issueSmsCode(em: EntityManager, secret: string, phone: string, now: Date): Promise<string> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const recent = await em.find(SmsCode, { phone, createdAt: { $gt: dayAgo } }, { orderBy: { createdAt: 'desc' } });
  const last = recent[0];
  if (last && now.getTime() - last.createdAt.getTime() < SMS_RESEND_INTERVAL_MS) {
    throw rateLimited(Math.ceil((last.createdAt.getTime() + SMS_RESEND_INTERVAL_MS - now.getTime()) / 1000), '验证码发送过于频繁，请稍后再试');
  }
  if (recent.length >= SMS_DAILY_LIMIT) {
    const oldest = recent[recent.length - 1];
    throw rateLimited(Math.ceil((oldest.createdAt.getTime() + 24 * 3600_000 - now.getTime()) / 1000), '今日验证码次数已用完，请明天再试');
  }
  for (const old of recent) if (!old.consumedAt && !old.voidedAt) old.voidedAt = now;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  em.persist(em.create(SmsCode, { phone, codeHash: hashCode(secret, phone, code), expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS), createdAt: now }));
  return code;
}

/**
 * Checks a code. A wrong code counts a failed try (committed even though the call fails); the fifth
 * voids the code. On success the code is consumed and cannot be used again.
 */
export async function verifySmsCode(em: EntityManager, secret: string, phone: string, code: string, now: Date): Promise<void> {
  // The row lock makes guesses at one code take turns: without it a burst of parallel requests all
  // read the same count, and far more than 5 guesses get compared with the code.
  const refusal = await em.transactional(async (tx) => {
    const candidate = await tx.findOne(
      SmsCode,
      { phone, consumedAt: null, voidedAt: null, expiresAt: { $gt: now } },
      { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!candidate) return '验证码已失效，请重新获取';
    const expected = Buffer.from(candidate.codeHash, 'hex');
    const actual = Buffer.from(hashCode(secret, phone, code), 'hex');
    if (!/^\d{6}$/.test(code) || !timingSafeEqual(expected, actual)) {
      candidate.failedAttempts++;
      if (candidate.failedAttempts >= SMS_MAX_FAILED_ATTEMPTS) candidate.voidedAt = now;
      // Returned, not thrown: a throw would roll back the count.
      return candidate.voidedAt ? '验证码错误次数过多，请重新获取' : `验证码错误，还可尝试${SMS_MAX_FAILED_ATTEMPTS - candidate.failedAttempts}次`;
    }
    candidate.consumedAt = now;
    return null;
  });
  if (refusal) throw badInput([{ field: 'code', message: refusal }]);
}
