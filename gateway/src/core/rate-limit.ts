import type { Clock } from './clock';
import { rateLimited } from './errors';

/**
 * Fixed-window counters in memory, for sign-in attempts per IP and per account. One gateway
 * process keeps its own counts; the SMS limits that must hold across processes live in the
 * database (identity/sms-codes.ts).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts one hit on `key`; throws RATE_LIMITED when more than `limit` fall in `windowMs`. */
  hit(key: string, limit: number, windowMs: number): void {
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
    }
    w.count++;
    if (w.count > limit) throw rateLimited(Math.ceil((w.start + windowMs - now) / 1000));
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}
