import { parseArea } from '../../../core/area';
import {
  lateFee,
  metered,
  parseDailyRatePercent,
  parsePrice,
  parseReading,
  periodicByArea,
  shareByArea,
  sharedMeter,
} from '../formulas';

// DOMAIN.md §4 "Worked example": every number in it, from the decimal strings a cashier types.
describe('DOMAIN.md §4 worked example, room A-2-1503', () => {
  const area = parseArea('89.50', 'chargeArea');

  test('物业费 89.50 ㎡ × 2.80 元/㎡/月 = 250.60 元', () => {
    expect(area).toBe(8950);
    expect(parsePrice('2.80')).toBe(28000);
    const fee = periodicByArea(area, parsePrice('2.80'));
    expect(fee.amountFen).toBe(25060);
    expect(fee.formula).toEqual({ kind: 'AREA', areaCenti: 8950, priceUnits: 28000 });
    expect(fee.text).toBe('89.50㎡ × 2.80元/㎡/月 = 250.60元');
  });

  test('water 12.3 → 25.8 m³ at 4.20 元/m³ = 13.5 × 4.20 = 56.70 元', () => {
    const water = metered({
      previous: parseReading('12.3'),
      current: parseReading('25.8'),
      priceUnits: parsePrice('4.20'),
      unit: 'm³',
    });
    expect(water.formula.consumption).toBe(parseReading('13.5'));
    expect(water.amountFen).toBe(5670);
    expect(water.text).toBe('用量 25.8 − 12.3 = 13.5m³；13.5m³ × 4.20元/m³ = 56.70元');
  });

  test('public meter 1,000 kWh × 0.62 = 620.00 元 over 89.50 / 120.00 / 60.25 ㎡ → 205.71 / 275.81 / 138.48', () => {
    const rooms = [
      { code: 'A-2-1503', areaCenti: area },
      { code: 'A-2-1504', areaCenti: parseArea('120.00', 'chargeArea') },
      { code: 'A-2-1505', areaCenti: parseArea('60.25', 'chargeArea') },
    ];
    const shared = sharedMeter({ previous: parseReading('0'), current: parseReading('1000'), priceUnits: parsePrice('0.62'), unit: 'kWh', rooms });
    expect(shared.formula.meter.consumption).toBe(1_000_000);
    expect(shared.amountFen).toBe(62000);
    expect(shared.parts[0].formula.totalWeight).toBe(26975); // 269.75 ㎡
    expect(shared.parts.map((p) => p.amountFen)).toEqual([20571, 27581, 13848]);
    expect(shared.parts.reduce((sum, p) => sum + p.amountFen, 0)).toBe(62000);
    expect(shared.parts[0].text).toBe('620.00元 × 89.50㎡ ÷ 269.75㎡ ≈ 205.709元，取整 205.70元 + 尾差 0.01元 = 205.71元');
  });

  test('62.00 元 over three rooms of 89.50 ㎡ → 20.67 / 20.67 / 20.66 in room-code order', () => {
    const rooms = ['A-2-1503', 'A-2-1501', 'A-2-1502'].map((code) => ({ code, areaCenti: area }));
    const byCode = Object.fromEntries(shareByArea(6200, rooms).map((p) => [p.key, p.amountFen]));
    expect(byCode).toEqual({ 'A-2-1501': 2067, 'A-2-1502': 2067, 'A-2-1503': 2066 });
  });

  test('a 250.60 元 line paid 30 days after its due date at 0.05%/day → late fee 3.76 元', () => {
    expect(parseDailyRatePercent('0.05')).toBe(500);
    const fee = lateFee({
      principalFen: 25060,
      dueDate: '2026-05-15',
      paidOn: '2026-06-14',
      graceDays: 0,
      ratePpmPerDay: 500,
      capAtPrincipal: true,
    });
    expect(fee.formula.days).toBe(30);
    expect(fee.amountFen).toBe(376);
    expect(fee.text).toBe('250.60元 × 0.05%/日 × 30日 = 3.759元 ≈ 3.76元');
  });
});
