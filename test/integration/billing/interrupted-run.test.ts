import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeEstate, makeStaff, tokenFor } from '../../support/factories';
import { Role } from '../../../gateway/src/core/auth/roles';
import { BillLine, BillRun } from '../../../gateway/src/modules/billing/entities';
import { executeBillRun } from '../../../gateway/src/modules/billing/bill-run';

/**
 * A bill run killed halfway and started again ends with exactly the lines of an uninterrupted
 * run: every line has a deterministic key, each batch commits on its own.
 */
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

async function estateWithFees(name: string) {
  const em = t.em();
  const estate = await makeEstate(em, { rooms: 7, name });
  const cashier = await tokenFor(t, await makeStaff(em, Role.CASHIER, estate.estate));
  const item = await t.gql(`mutation($i: ChargeItemInput!) { createChargeItem(input: $i) { id } }`, { i: { estateId: estate.estate.id, code: 'WYF', name: '物业管理费', kind: 'PERIODIC_AREA', price: '2.80', dueDay: 15, lateFeeRatePercent: '0' } }, cashier);
  const fixed = await t.gql(`mutation($i: ChargeItemInput!) { createChargeItem(input: $i) { id } }`, { i: { estateId: estate.estate.id, code: 'CW', name: '车位管理费', kind: 'PERIODIC_FIXED', fixedFen: 15000, dueDay: 15, lateFeeRatePercent: '0' } }, cashier);
  for (const id of [item.data.createChargeItem.id, fixed.data.createChargeItem.id]) {
    await t.gql(`mutation($i: AssignChargeInput!) { assignCharge(input: $i) }`, { i: { itemId: id, buildingId: estate.building.id, startDate: '2026-01-01' } }, cashier);
  }
  return estate;
}

async function newRun(estateId: string) {
  const em = t.em();
  const run = em.create(BillRun, { estate: estateId, period: '2026-10', roomsTotal: 7 });
  await em.flush();
  return run.id;
}

/** The lines of an estate, by room code and item, with amounts: what must come out the same. */
async function lineSet(estateId: string) {
  const lines = await t.em().find(BillLine, { estate: estateId }, { populate: ['room', 'item'] });
  return lines.map((l) => `${l.room.getEntity().code}/${l.item.getEntity().code}/${l.period}/${l.amountFen}`).sort();
}

test('killed after the first batch of 3 rooms, then run again: the same 14 lines as a run that was never interrupted', async () => {
  const whole = await estateWithFees('一次跑完');
  await executeBillRun(t.gateway.orm, await newRun(whole.estate.id), t.gateway.logger, { batchSize: 3 });

  const broken = await estateWithFees('中途中断');
  const first = await newRun(broken.estate.id);
  await executeBillRun(t.gateway.orm, first, t.gateway.logger, { batchSize: 3, afterBatch: () => { throw new Error('killed'); } });
  const killed = await t.em().findOneOrFail(BillRun, first);
  expect(killed).toMatchObject({ status: 'FAILED', roomsDone: 3, linesCreated: 6, error: 'killed' });
  expect(await t.em().count(BillLine, { estate: broken.estate.id })).toBe(6);

  const second = await newRun(broken.estate.id);
  await executeBillRun(t.gateway.orm, second, t.gateway.logger, { batchSize: 3 });
  expect(await t.em().findOneOrFail(BillRun, second)).toMatchObject({ status: 'DONE', roomsDone: 7, linesCreated: 8 });

  const expected = await lineSet(whole.estate.id);
  expect(expected).toHaveLength(14);
  expect(await lineSet(broken.estate.id)).toEqual(expected);
});
