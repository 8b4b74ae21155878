import { signAccessToken, verifyAccessToken } from '../core/auth/tokens';
import { hashPassword, verifyPassword } from '../core/auth/passwords';
import { isId, newId } from '../core/ids';

const SECRET = 's'.repeat(40);

describe('access tokens', () => {
  const claims = { sub: 'user-1', sid: 'session-1', iat: 1000, exp: 2000 };

  test('a signed token verifies until it expires', () => {
    const token = signAccessToken(claims, SECRET);
    expect(verifyAccessToken(token, SECRET, 1999)).toEqual(claims);
    expect(verifyAccessToken(token, SECRET, 2000)).toBeNull();
  });

  test('another secret, a changed payload or a changed header fail', () => {
    const token = signAccessToken(claims, SECRET);
    expect(verifyAccessToken(token, 'x'.repeat(40), 1500)).toBeNull();
    const [h, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(verifyAccessToken(`${h}.${forged}.${sig}`, SECRET, 1500)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyAccessToken(`${none}.${token.split('.')[1]}.`, SECRET, 1500)).toBeNull();
    expect(verifyAccessToken('garbage', SECRET, 1500)).toBeNull();
  });
});

describe('passwords', () => {
  test('scrypt hashes verify the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('demo1234');
    const b = await hashPassword('demo1234');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('demo1234', a)).toBe(true);
    expect(await verifyPassword('demo12345', a)).toBe(false);
    expect(await verifyPassword('demo1234', null)).toBe(false);
  });
});

describe('ids', () => {
  test('UUIDv7, increasing within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000));
    expect(ids.every(isId)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0][14]).toBe('7');
  });

  test('malformed ids are recognised', () => {
    expect(isId('abc')).toBe(false);
    expect(isId("1' OR '1'='1")).toBe(false);
    expect(isId(newId().toUpperCase())).toBe(false);
  });
});
