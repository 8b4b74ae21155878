import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeAccessScenario, uniquePhone } from '../../support/factories';

/** myBindingsChanged over graphql-ws: the topic is the viewer's own, so only the room's people hear. */
let t: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeAccessScenario(t);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t.close();
});

function subscribe(token: string | undefined) {
  const client = createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  const events: any[] = [];
  const errors: any[] = [];
  let ready!: () => void;
  const subscribed = new Promise<void>((resolve) => (ready = resolve));
  client.on('connected', () => setTimeout(ready, 100));
  client.subscribe(
    { query: 'subscription { myBindingsChanged { relation permissions customer { name } room { code } } }' },
    { next: (e) => events.push(e), error: (e) => errors.push(e), complete: () => undefined },
  );
  return { events, errors, subscribed };
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

test('the owner and the family of the room hear a new family member; another owner hears nothing', async () => {
  const owner = subscribe(s.tokens.ownerA);
  const family = subscribe(s.tokens.familyWith);
  const neighbour = subscribe(s.tokens.ownerB);
  await Promise.all([owner.subscribed, family.subscribed, neighbour.subscribed]);

  const res = await t.gql(
    'mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { id } }',
    { input: { roomId: s.e1.rooms[0].id, name: '新来的家属', phone: uniquePhone(), permissions: ['PAY'] } },
    s.tokens.ownerA,
  );
  expect(res.errors).toBeUndefined();

  await until(() => owner.events.length > 0);
  expect(owner.events[0].data.myBindingsChanged).toEqual({ relation: 'FAMILY', permissions: ['PAY'], customer: { name: '新来的家属' }, room: { code: 'A-1-1501' } });

  // A family member hears about their own binding, not about other members'.
  const changed = await t.gql('mutation($id: ID!) { setFamilyPermissions(bindingId: $id, permissions: [VIEW_BILLS]) { id } }', { id: s.familyWith.binding.id }, s.tokens.ownerA);
  expect(changed.errors).toBeUndefined();
  await until(() => family.events.length > 0);
  expect(family.events.map((e) => e.data.myBindingsChanged)).toEqual([{ relation: 'FAMILY', permissions: ['VIEW_BILLS'], customer: { name: '家属有权限' }, room: { code: 'A-1-1501' } }]);
  await until(() => owner.events.length > 1);
  expect(owner.events).toHaveLength(2);
  expect(neighbour.events).toEqual([]);
});

test('an anonymous subscription is refused with UNAUTHENTICATED', async () => {
  const anon = subscribe(undefined);
  await until(() => anon.events.length > 0 || anon.errors.length > 0);
  const first = anon.events[0] ?? { errors: anon.errors[0] };
  expect(JSON.stringify(first)).toContain('UNAUTHENTICATED');
});
