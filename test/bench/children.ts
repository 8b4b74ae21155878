import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Child processes of the bench: each runs one TypeScript file through @swc-node/register (cwd
 * test/, whose tsconfig enables decorators) and answers over IPC. The ORM lives only in children,
 * so its metadata is never initialised twice in one process, and memory and CPU of what is
 * measured are not mixed with the bench's own.
 */
const running = new Set<ChildProcess>();

export interface Child<M> {
  process: ChildProcess;
  /** The first IPC message: the child's result, or its address once it listens. */
  message: Promise<M>;
  stop(): Promise<void>;
}

export function startChild<M>(file: string, env: Record<string, string>, opts: { quiet?: boolean } = {}): Child<M> {
  const child = fork(path.join(__dirname, file), [], {
    cwd: path.resolve(__dirname, '..'),
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, ...env },
    // A server's request log goes nowhere (its cost is still paid); errors still reach stderr.
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
  const message = new Promise<M>((resolve, reject) => {
    child.once('message', (m) => resolve(m as M));
    child.once('exit', (code, signal) => reject(new Error(`${file} exited (${signal ?? code}) before answering`)));
  });
  message.catch(() => undefined); // a caller that stops the child early does not wait for it
  return {
    process: child,
    message,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Last resort (deadline, Ctrl-C): kills every child this process started, by pid. */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** In a child: exit when the bench that started it goes away, so nothing is left running. */
export function exitWithParent(onExit: () => Promise<void> = async () => undefined): void {
  const stop = () => void onExit().finally(() => process.exit(0));
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);
}
