#!/usr/bin/env node
// `npm start`: builds what is missing (gateway, web portal), then starts the gateway, which serves
// the portal at / and the API at /graphql on one port. Without DATABASE_URL it uses an embedded
// SQLite file under ./data/ and seeds the demo estate on first start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args, what) {
  console.log(`\n> ${what}: npm ${args.join(' ')}`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${what} failed`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(path.join(root, 'gateway/dist/main.js'))) run(['run', 'build', '-w', '@wuye/gateway'], 'building the gateway');
if (!existsSync(path.join(root, 'portal/dist/index.html'))) run(['run', 'build', '-w', '@wuye/portal'], 'building the web portal');

const gateway = spawn(process.execPath, [path.join(root, 'gateway/dist/main.js')], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => gateway.kill(signal));
gateway.on('exit', (code) => process.exit(code ?? 0));
