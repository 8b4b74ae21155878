import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const PORTAL_DIR = path.join(REPO_ROOT, 'portal', 'dist');

/** Builds the web portal (the h5 build of the Taro app, ~15 s) unless portal/dist already holds one. */
export function ensurePortalBuilt(): void {
  if (fs.existsSync(path.join(PORTAL_DIR, 'index.html'))) return;
  // jest sets NODE_ENV=test, and Taro then builds a development bundle with React Refresh hooks
  // that throws `$RefreshReg$ is not defined` in the browser: build for production explicitly.
  execFileSync('npm', ['run', 'build:h5', '-w', '@wuye/miniapp'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!fs.existsSync(path.join(PORTAL_DIR, 'index.html'))) throw new Error(`the h5 build wrote no ${PORTAL_DIR}/index.html`);
}
