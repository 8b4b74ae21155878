import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../../gateway/src/core/db/orm-config';
import { sqlStatements } from '../../gateway/src/core/db/query-log';
import { systemEm } from '../../gateway/src/context';
import { Room } from '../../gateway/src/modules/property/entities';
import { RoomBinding } from '../../gateway/src/modules/customer/service';
import { Meter, RoomCharge } from '../../gateway/src/modules/billing/entities';
async function main() {
  const orm = await MikroORM.init(ormOptions({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/wuye_bench' }));
  const em = systemEm(orm);
  const rooms = await em.find(Room, { id: { $gt: '' } }, { orderBy: { id: 'asc' }, limit: 1000, fields: ['id'] });
  const roomIds = rooms.map((r) => r.id);
  sqlStatements.keepRecent = true;
  for (const [name, f] of [
    ['charges', () => em.find(RoomCharge, { room: { $in: roomIds }, startDate: { $lte: '2026-10-31' }, $or: [{ endDate: null }, { endDate: { $gte: '2026-10-01' } }] }, { populate: ['item'] })],
    ['charges-selectin', () => em.fork().find(RoomCharge, { room: { $in: roomIds }, startDate: { $lte: '2026-10-31' }, $or: [{ endDate: null }, { endDate: { $gte: '2026-10-01' } }] }, { populate: ['item'], strategy: 'select-in' })],
    ['charges-selectin2', () => em.fork().find(RoomCharge, { room: { $in: roomIds }, startDate: { $lte: '2026-10-31' }, $or: [{ endDate: null }, { endDate: { $gte: '2026-10-01' } }] }, { populate: ['item'], strategy: 'select-in' })],
    ['meters', () => em.find(Meter, { room: { $in: roomIds } }, { populate: ['item'] })],
    ['payers', () => em.find(RoomBinding, { room: { $in: roomIds }, isBillingParty: true, startDate: { $lte: '2026-10-31' }, $or: [{ endDate: null }, { endDate: { $gte: '2026-10-31' } }] })],
  ] as const) {
    const t = Date.now();
    const r = await (f as () => Promise<unknown[]>)();
    console.log(name, r.length, Date.now() - t, 'ms');
  }
  for (const q of sqlStatements.recent) console.log(q.replace(/'[0-9a-f-]{36}'(, '[0-9a-f-]{36}')+/g, "<ids>").slice(0, 700));
  await orm.close();
}
main();
