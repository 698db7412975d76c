/**
 * The testkit's SMTP sink, run in a child process ({@link ./sink-child.ts}). The sink parses
 * every message with mailparser before it answers 250 (about 1.5 ms of CPU each); in the
 * benchmark's own process that parsing would share the event loop with the code being
 * measured and cap both paths at the sink's speed. In a child it runs on a core of its own,
 * the same way for the raw path and for the queue.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the child reports, each time more messages have arrived. */
export interface SinkReport {
  type: 'count';
  /** Messages parsed and answered with 250. */
  received: number;
  /** Distinct Message-IDs among them: fewer than `received` means something came twice. */
  distinct: number;
  /** Messages with a text/calendar part of method REQUEST. */
  calendars: number;
}

interface SinkReady {
  type: 'ready';
  host: string;
  port: number;
}

export interface RemoteSink {
  readonly host: string;
  readonly port: number;
  /** The child's latest report. */
  readonly report: Readonly<SinkReport>;
  /** Resolves once `count` messages have arrived; calls `progress` on every report before. */
  waitFor(count: number, progress?: (received: number) => void): Promise<void>;
  /** Stops the sink and waits for the child to exit. */
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./sink-child.ts', import.meta.url));

/**
 * Starts the sink in a child process of the same Node flags (tsx, source conditions), or of
 * `execArgv` when given (a benchmark that preloads a memory reporter into its children).
 */
export async function startRemoteSink(execArgv = process.execArgv): Promise<RemoteSink> {
  const child = fork(CHILD, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<SinkReady>((resolve, reject) => {
    child.once('message', (message) => resolve(message as SinkReady));
    child.once('exit', (code) => reject(new Error(`the SMTP sink process exited (${code})`)));
  });
  return remoteSink(child, ready);
}

function remoteSink(child: ChildProcess, { host, port }: SinkReady): RemoteSink {
  let report: SinkReport = { type: 'count', received: 0, distinct: 0, calendars: 0 };
  const listeners = new Set<() => void>();
  child.on('message', (message) => {
    report = message as SinkReport;
    for (const listener of [...listeners]) listener();
  });
  return {
    host,
    port,
    get report() {
      return report;
    },
    waitFor: (count, progress) =>
      new Promise((resolve) => {
        const check = () => {
          progress?.(report.received);
          if (report.received < count) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      }),
    close: () => closeChild(child),
  };
}

function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send('close');
  });
}
