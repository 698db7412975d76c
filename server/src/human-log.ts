/**
 * Log lines for people at a terminal: `14:03:07 INFO  Tandem is ready at …  url=…`, one line
 * per record, an error's stack indented below it. Development only; production logs JSON
 * lines, which log collectors read (see logger.ts).
 */

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const COLOURS: Record<number, string> = { 20: '90', 40: '33', 50: '31', 60: '31;1' };

/** pino's own fields, shown in the line's frame or not at all. */
const FRAME = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'err', 'v']);

export interface HumanLogOptions {
  /** ANSI colours for the level (a terminal that shows them). */
  colour: boolean;
}

/** Turns one pino JSON line into a human line; a line that is not JSON is passed on as it is. */
export function humanLine(json: string, { colour }: HumanLogOptions): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const time = typeof record.time === 'number' ? new Date(record.time) : new Date();
  const label = (LEVELS[level] ?? String(level)).padEnd(5);
  const code = COLOURS[level];
  const shownLevel = colour && code ? `\x1b[${code}m${label}\x1b[0m` : label;
  const fields = Object.entries(record)
    .filter(([key]) => !FRAME.has(key))
    .map(([key, value]) => `${key}=${fieldValue(value)}`);
  const message = [String(record.msg ?? ''), ...fields].filter(Boolean).join('  ');
  return `${clock(time)} ${shownLevel} ${message}\n${errorLines(record.err)}`;
}

/** A pino destination writing human lines to `out`. */
export function humanLogStream(
  out: { write(text: string): unknown },
  options: HumanLogOptions,
): { write(line: string): void } {
  return { write: (line) => void out.write(humanLine(line, options)) };
}

function clock(time: Date): string {
  return [time.getHours(), time.getMinutes(), time.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

function fieldValue(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** The stack of a serialised error (pino's `err`), indented under its line. */
function errorLines(err: unknown): string {
  if (!err || typeof err !== 'object') return '';
  const { stack, message } = err as { stack?: unknown; message?: unknown };
  const text = typeof stack === 'string' ? stack : String(message ?? '');
  return text
    .split('\n')
    .map((line) => `    ${line.trimStart()}\n`)
    .join('');
}
