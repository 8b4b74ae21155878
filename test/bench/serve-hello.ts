import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';
import { exitWithParent } from './children';

/**
 * Child process: the baseline GraphQL endpoint. graphql-js (the same package the gateway uses)
 * parses, validates and executes `{ hello }` on every request, served by plain node:http: no
 * framework, no context, no database.
 */
const schema = buildSchema('type Query { hello: String! }');
const rootValue = { hello: () => 'world' };

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/graphql') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const result = await graphql({ schema, source: query, rootValue, variableValues: variables });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"bad request"}]}');
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  exitWithParent(() => new Promise<void>((resolve) => server.close(() => resolve())));
  process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
