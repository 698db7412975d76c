import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Test } from 'tap';

const main = join(import.meta.dirname, '../../src/main.ts');

export interface TandemProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first log line matching, rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `tandem <args>` as its own process, the way an operator does, with only the given
 * environment on top of PATH. Killed at the end of the test if still running. From the sources
 * unless `compiled` names a built `main.js` to run with plain node, as the image does.
 */
export function spawnTandem(
  t: Test,
  args: string[],
  env: Record<string, string>,
  compiled?: string,
): TandemProcess {
  const child = spawn(
    process.execPath,
    compiled
      ? [compiled, ...args]
      : ['--conditions=tandem-source', '--import', 'tsx', main, ...args],
    {
      // No management server unless a test asks: the default port is one for all processes.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', MANAGEMENT_PORT: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });

  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = out.split('\n').find((l) => pattern.test(l));
        if (!line) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${out}${err}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exit.then(({ code }) => {
        if (!listeners.has(check)) return;
        done();
        reject(new Error(`tandem exited (${code}) before logging ${pattern}:\n${out}${err}`));
      });
      check();
    });

  return { child, output: () => out + err, stdout: () => out, stderr: () => err, waitFor, exit };
}

export { freePort } from '../../src/free-port.js';
