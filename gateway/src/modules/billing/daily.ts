import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { isLocalDate } from '../../core/clock';
import { badInput, forbidden } from '../../core/errors';
import { getEstate } from '../property/service';
import { Payment } from './entities';
import type { PaymentMethod } from './enums';

export interface DailyPayments {
  date: string;
  count: number;
  totalFen: number;
  byMethod: { method: PaymentMethod; count: number; totalFen: number }[];
  payments: Payment[];
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** 当日收款: every receipt of one Asia/Shanghai day (reversals included, as negatives), by method. */
export async function dailyPayments(ctx: GatewayContext, estateId: string, date?: string | null): Promise<DailyPayments> {
  const estate = await getEstate(ctx, estateId);
  if (!ctx.viewer?.can(Permission.BILLING_READ, estate.id)) throw forbidden('您没有查看收款记录的权限');
  const day = date ?? ctx.today;
  if (!isLocalDate(day)) throw badInput([{ field: 'date', message: '日期格式应为 YYYY-MM-DD' }]);
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
  const end = new Date(start.getTime() + 86_400_000);
  const payments = await ctx.em.find(Payment, { estate, paidAt: { $gte: start, $lt: end } }, { orderBy: { receiptNo: 'asc' }, limit: 5000 });
  const byMethod = new Map<PaymentMethod, { method: PaymentMethod; count: number; totalFen: number }>();
  for (const p of payments) {
    const m = byMethod.get(p.method) ?? { method: p.method, count: 0, totalFen: 0 };
    m.count++;
    m.totalFen += p.amountFen;
    byMethod.set(p.method, m);
  }
  return { date: day, count: payments.length, totalFen: payments.reduce((s, p) => s + p.amountFen, 0), byMethod: [...byMethod.values()], payments };
}
