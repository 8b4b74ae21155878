import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchemaText } from '../src/schema-text';

/** Writes schema/schema.graphql from the code. CI fails when the committed file differs. */
async function main() {
  const target = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');
  fs.writeFileSync(target, await printSchemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
