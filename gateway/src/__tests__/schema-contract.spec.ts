import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchemaText } from '../schema-text';

/** The committed contract must be exactly what the code emits; run `npm run schema:emit` after a change. */
test('schema/schema.graphql matches the schema the gateway emits', async () => {
  const committed = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(await printSchemaText()).toBe(committed);
});
