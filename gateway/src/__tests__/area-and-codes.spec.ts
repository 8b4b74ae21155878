import { formatArea, parseArea } from '../core/area';
import { roomCode, roomSlots } from '../modules/property/room-codes';
import { addDays, isLocalDate, shanghaiDate } from '../core/clock';

describe('areas are exact hundredths of a square metre', () => {
  test.each([
    ['89.50', 8950],
    ['89.5', 8950],
    ['120', 12000],
    ['60.25', 6025],
    ['0.01', 1],
    ['999999.99', 99999999],
  ])('%s → %i', (text, centi) => {
    expect(parseArea(text, 'area')).toBe(centi);
    expect(parseArea(formatArea(centi), 'area')).toBe(centi);
  });

  test.each(['', '0', '-1', '1.234', 'abc', '1e3', '1,5', '１２'])('refuses %p', (text) => {
    expect(() => parseArea(text, 'chargeArea')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  test('formats with two decimals', () => {
    expect(formatArea(8950)).toBe('89.50');
    expect(formatArea(6025)).toBe('60.25');
    expect(formatArea(5)).toBe('0.05');
  });
});

describe('room codes', () => {
  test('building-unit-floor(2)room(2), as A-2-1503', () => {
    expect(roomCode('A', '2', 15, 3)).toBe('A-2-1503');
    expect(roomCode('B', null, 3, 1)).toBe('B-0301');
  });

  test('slots cover units × floors × rooms once each', () => {
    const slots = roomSlots('A', 2, 25, 4);
    expect(slots).toHaveLength(200);
    expect(new Set(slots.map((s) => s.code)).size).toBe(200);
    expect(slots[0].code).toBe('A-1-0101');
    expect(slots[slots.length - 1].code).toBe('A-2-2504');
    expect(roomSlots('C', 0, 2, 2).map((s) => s.code)).toEqual(['C-0101', 'C-0102', 'C-0201', 'C-0202']);
  });
});

describe('dates in Asia/Shanghai', () => {
  test('an instant late in the UTC day is already tomorrow in Shanghai', () => {
    expect(shanghaiDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
  });

  test('local dates are validated, including month lengths and leap years', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
  });

  test('addDays crosses months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
