import { randomBytes } from 'node:crypto';
import { badInput } from './errors';

/**
 * Application-made ids: UUID version 7 (time-ordered), so bulk inserts need no auto-increment
 * round trip and cursors can order by id. A per-process counter in rand_a keeps ids made in the
 * same millisecond increasing.
 */
let lastMs = 0;
let counter = 0;

export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = randomBytes(16);
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Validates an id argument from a client; a malformed one is a typed BAD_USER_INPUT. */
export function parseId(value: string, field = 'id'): string {
  if (!isId(value)) throw badInput([{ field, message: '编号格式不正确' }]);
  return value;
}
