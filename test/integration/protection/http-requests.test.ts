import { startTestGateway, type TestGateway } from '../../support/gateway';
import { CHINESE, postRaw, raw, type RawResponse } from '../../support/http';

/** What reaches /graphql before GraphQL does: body size, batches, malformed bodies; and /healthz. */
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

/** A refusal as every client can read it: JSON, one typed error, a Chinese message, nothing internal. */
function expectTypedRefusal(res: RawResponse, status: number, code = 'BAD_USER_INPUT') {
  expect(res.status).toBe(status);
  expect(res.contentType).toMatch(/^application\/json/);
  expect(res.json.errors).toHaveLength(1);
  expect(res.json.errors[0].extensions.code).toBe(code);
  expect(res.json.errors[0].message).toMatch(CHINESE);
  expect(res.json.data).toBeUndefined();
  expect(res.text).not.toMatch(/stacktrace|\sat \S+ \(|node_modules/);
}

test('a 10 MB body is refused with HTTP 413 and a typed JSON error', async () => {
  const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } });
  const res = await postRaw(t, body);
  expectTypedRefusal(res, 413);
  expect(res.json.errors[0].message).toBe('请求内容过大');
});

test('a body just under the limit is still read', async () => {
  const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } });
  const res = await postRaw(t, body);
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ data: { __typename: 'Query' } });
});

test('a batched array of operations is refused with HTTP 400', async () => {
  const res = await postRaw(t, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
  expectTypedRefusal(res, 400);
  expect(res.json.errors[0].message).toBe('不支持批量请求');
});

test.each([
  ['cut off', '{"query": "{ __typename }"'],
  ['not JSON at all', 'query { __typename }'],
  ['a JSON string', '"{ __typename }"'],
])('a malformed JSON body (%s) is refused with HTTP 400', async (_what, body) => {
  const res = await postRaw(t, body);
  expectTypedRefusal(res, 400);
});

test.each([
  ['no query', {}],
  ['a query that is not a string', { query: 42 }],
  ['variables that are not an object', { query: '{ __typename }', variables: 'x' }],
])('a JSON body that is not a GraphQL request (%s) is refused with HTTP 400', async (_what, body) => {
  expectTypedRefusal(await postRaw(t, JSON.stringify(body)), 400);
});

test('a syntax error in the query is a typed 400', async () => {
  const res = await postRaw(t, JSON.stringify({ query: '{ me { id ' }));
  expectTypedRefusal(res, 400);
});

test.each([
  ['text/plain', 'text/plain'],
  ['a form', 'application/x-www-form-urlencoded'],
])('a POST with a body that is not JSON (%s) is refused with a typed error', async (_what, contentType) => {
  // Such a POST needs no CORS preflight, so a foreign page could send it: Apollo's CSRF guard refuses it.
  expectTypedRefusal(await postRaw(t, JSON.stringify({ query: '{ __typename }' }), contentType), 400);
});

test('a GET query from a browser page (no preflight header) is refused as a possible CSRF, typed', async () => {
  const res = await raw(t, `/graphql?query=${encodeURIComponent('{ __typename }')}`);
  expectTypedRefusal(res, 400);
});

test('a mutation over GET is refused', async () => {
  const res = await raw(t, `/graphql?query=${encodeURIComponent('mutation { logout }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expectTypedRefusal(res, 405);
});

test('a GET query with the preflight header is answered', async () => {
  const res = await raw(t, `/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ data: { __typename: 'Query' } });
});

test('GET /healthz answers ok with the database reachable', async () => {
  const res = await raw(t, '/healthz');
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ status: 'ok', database: 'ok' });
});

test('every response carries a request id, and a client-sent one is echoed only when it is safe', async () => {
  const plain = await fetch(`${t.url}/healthz`);
  expect(plain.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  const given = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'client-abc-123' } });
  expect(given.headers.get('x-request-id')).toBe('client-abc-123');
});
