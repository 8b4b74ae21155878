import { badInput } from './errors';

/**
 * Areas travel as decimal strings with at most two decimals ("89.50") and are kept as integer
 * hundredths of a square metre, so area × price stays exact integer arithmetic.
 */
const AREA = /^\d{1,6}(\.\d{1,2})?$/;

export function parseArea(value: string, field: string): number {
  const text = String(value).trim();
  if (!AREA.test(text)) throw badInput([{ field, message: '面积格式不正确，最多两位小数' }]);
  const [whole, frac = ''] = text.split('.');
  const centi = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (centi <= 0) throw badInput([{ field, message: '面积必须大于0' }]);
  return centi;
}

export function formatArea(centi: number): string {
  return `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}
