import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { raw } from '../../support/http';
import { loadConfig, ConfigError } from '../../../gateway/src/config';

/** What changes in production: no introspection, no landing page, no schema hints in errors. */
let dev: TestGateway;
let prod: TestGateway;

beforeAll(async () => {
  dev = await startTestGateway();
  prod = await startTestGateway({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(40) });
});
afterAll(async () => {
  await prod?.close();
  await dev?.close();
});

const SCHEMA = '{ __schema { queryType { name } types { name } } }';

test('introspection works in test mode', async () => {
  const res = await dev.gql(SCHEMA);
  expect(res.errors).toBeUndefined();
  expect(res.data.__schema.queryType.name).toBe('Query');
  expect(res.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Room', 'Customer', 'Viewer']));
});

test('introspection is refused in production, as __schema and as __type', async () => {
  expect(prod.config.nodeEnv).toBe('production');
  for (const query of [SCHEMA, '{ __type(name: "Room") { fields { name } } }', 'query { a: __schema { types { name } } }']) {
    const res = await prod.gql(query);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(res)).not.toContain('"Room"');
  }
});

test('production still answers ordinary operations and __typename', async () => {
  expect((await prod.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  expect(errorCode(await prod.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
});

test('production errors give no field suggestions that would rebuild the schema', async () => {
  const res = await prod.gql('{ me { phon } roms { totalCount } }');
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors!.map((e) => e.extensions!.reason)).toEqual(['Cannot query field "phon" on type "Viewer".', 'Cannot query field "roms" on type "Query".']);
  expect(JSON.stringify(res)).not.toMatch(/Did you mean|"phone"|"rooms"/);
});

test('production serves no GraphQL landing page', async () => {
  const res = await raw(prod, '/graphql', { headers: { accept: 'text/html' } });
  expect(res.contentType).not.toMatch(/html/);
  expect(res.text).not.toMatch(/<html|sandbox/i);
  // The same request in test mode gets the page: the check above is about production.
  expect((await raw(dev, '/graphql', { headers: { accept: 'text/html' } })).text).toMatch(/<html/i);
});

test('GET /healthz answers {status: ok} in both modes', async () => {
  for (const t of [dev, prod]) {
    const res = await raw(t, '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok' });
  }
});

test('production refuses to start with the console SMS provider or a short token secret', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'mysql://root@127.0.0.1:3306/x', WECHAT_API_BASE: 'http://127.0.0.1:9' };
  expect(() => loadConfig({ ...base, TOKEN_SECRET: 'x'.repeat(40) })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, TOKEN_SECRET: 'x'.repeat(40), SMS_PROVIDER: 'console' })).toThrow('the console SMS provider is for development only');
  const http = { SMS_PROVIDER: 'http', SMS_API_URL: 'http://127.0.0.1:9/send', SMS_API_KEY: 'k' };
  expect(() => loadConfig({ ...base, ...http })).toThrow('TOKEN_SECRET must be at least 32 characters');
  expect(() => loadConfig({ ...base, ...http, TOKEN_SECRET: 'short' })).toThrow('TOKEN_SECRET must be at least 32 characters');
  expect(loadConfig({ ...base, ...http, TOKEN_SECRET: 'x'.repeat(40) }).nodeEnv).toBe('production');
});
