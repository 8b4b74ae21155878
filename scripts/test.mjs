#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest. Needs MariaDB at
// TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306) and Chromium at /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const reports = mkdtempSync(path.join(os.tmpdir(), 'wuye-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function step(what, command, args, cwd = root) {
  const t0 = Date.now();
  console.log(`\n=== ${what}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  console.log(`=== ${what}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return result.status === 0;
}

function jest(what, cwd, extra = []) {
  const out = path.join(reports, `${what.replace(/\W+/g, '-')}.json`);
  const ok = step(what, process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${out}`, ...extra], cwd);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += r.numPendingTests;
  } else if (!ok) totals.failed++;
  return ok;
}

const results = [
  step('typecheck gateway', npm, ['run', 'typecheck', '-w', '@wuye/gateway']),
  jest('gateway unit tests', path.join(root, 'gateway')),
  step('mini-program build (weapp)', npm, ['run', 'build:weapp', '-w', '@wuye/miniapp']),
  step('web portal build (h5)', npm, ['run', 'build', '-w', '@wuye/portal']),
  step('typecheck app', npm, ['run', 'typecheck', '-w', '@wuye/miniapp']),
  jest('integration and e2e tests', path.join(root, 'test')),
];
const failedSteps = results.filter((ok) => !ok).length;
if (failedSteps > 0 && totals.failed === 0) totals.failed = failedSteps;

console.log(`\nfinished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps > 0 ? 1 : 0);
