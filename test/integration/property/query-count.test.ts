import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeEstate, makeResident, makeStaff, tokenFor } from '../../support/factories';
import { Role } from '../../../gateway/src/core/auth/roles';
import { BindingRelation } from '../../../gateway/src/modules/customer/enums';
import { sqlStatements } from '../../../gateway/src/core/db/query-log';

/** Listing rooms with their bindings and customers costs the same number of statements for 10 or 100 rooms. */
let t: TestGateway;
let token: string;
let estateId: string;

beforeAll(async () => {
  t = await startTestGateway();
  const em = t.em();
  const estate = await makeEstate(em, { rooms: 100 });
  estateId = estate.estate.id;
  for (const room of estate.rooms) {
    await makeResident(em, room, BindingRelation.OWNER, { name: `业主${room.code}` });
    if (room.code.endsWith('0')) await makeResident(em, room, BindingRelation.FAMILY, { name: `家属${room.code}` });
  }
  token = await tokenFor(t, await makeStaff(em, Role.MANAGER, estate.estate));
});
afterAll(() => t.close());

const PAGE = `query($e: ID!, $n: Int!) { rooms(estateId: $e, first: $n) { totalCount nodes { code building { name } estate { name } bindings { relation customer { name phone } } } } }`;

async function statementsFor(first: number) {
  const before = sqlStatements.count;
  const res = await t.gql(PAGE, { e: estateId, n: first }, token);
  expect(res.errors).toBeUndefined();
  expect(res.data.rooms.nodes).toHaveLength(first);
  expect(res.data.rooms.nodes.every((r: any) => r.bindings.length >= 1 && r.bindings[0].customer.name.startsWith('业主'))).toBe(true);
  return sqlStatements.count - before;
}

test('rooms → bindings → customers is batched: 100 rooms cost what 10 rooms cost', async () => {
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(hundred).toBe(ten);
  // viewer (session, grants, customers) + page + count + estate + building + bindings + customers
  expect(hundred).toBeLessThanOrEqual(10);
});
