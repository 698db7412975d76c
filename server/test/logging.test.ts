import { pino } from 'pino';
import t, { type Test } from 'tap';
import { humanLine } from '../src/human-log.js';
import { buildTestApp } from './helpers/build-test-app.js';

interface LogRecord {
  level: number;
  msg: string;
  reqId?: string;
  statusCode?: number;
}

/** A test app whose log, at every level, is kept in `records`. */
async function appWithLog(t: Test) {
  const records: LogRecord[] = [];
  const log = pino(
    { level: 'trace' },
    { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) },
  );
  const app = await buildTestApp(t, { log });
  return { app, records };
}

const WARN = 40;
const INFO = 30;
const DEBUG = 20;

t.test('each request is one log line, at a level that says whether to look', async (t) => {
  const { app, records } = await appWithLog(t);
  const before = records.length;
  const anonymous = await app.inject('/api/me');
  t.equal(anonymous.statusCode, 401);
  const [line, ...more] = records.slice(before).filter((r) => r.reqId);
  t.same(more, [], 'one line, not two');
  t.match(line, { level: DEBUG, msg: 'GET /api/me', statusCode: 401 }, 'a signed-out 401 is debug');

  const expired = await app.inject({ url: '/api/me', cookies: { 'tandem-session': 'stale' } });
  t.equal(expired.statusCode, 401);
  t.match(
    records.at(-1),
    { level: INFO, statusCode: 401 },
    'a 401 despite a session cookie is info',
  );

  await app.inject('/api/no-such-thing');
  t.match(records.at(-1), { level: INFO, statusCode: 404 });

  const probed = records.length;
  await app.inject('/health/live');
  t.equal(records.length, probed, 'a health probe is not logged');

  t.same(
    records.filter((r) => r.level >= WARN),
    [],
    'nothing here is a warning or an error',
  );
});

t.test('human log lines: time, level, message, fields; an error with its stack', async (t) => {
  const time = new Date(2026, 11, 6, 9, 5, 7).getTime();
  t.equal(
    humanLine(
      JSON.stringify({
        level: 30,
        time,
        pid: 1,
        hostname: 'h',
        name: 'tandem',
        msg: 'Tandem is ready',
        url: 'http://localhost:3000',
        note: 'two words',
      }),
      { colour: false },
    ),
    '09:05:07 INFO  Tandem is ready  url=http://localhost:3000  note="two words"\n',
  );
  const error = humanLine(
    JSON.stringify({
      level: 50,
      time,
      msg: 'request failed',
      err: { message: 'boom', stack: 'Error: boom\n    at f (a.ts:1:1)' },
    }),
    { colour: false },
  );
  t.equal(error, '09:05:07 ERROR request failed\n    Error: boom\n    at f (a.ts:1:1)\n');
  t.equal(humanLine('not json', { colour: false }), 'not json\n', 'anything else as it is');
});
