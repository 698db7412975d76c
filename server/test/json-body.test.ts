import { pino } from 'pino';
import t from 'tap';
import { MAX_JSON_DEPTH } from '../src/http/json-body.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const nested = (depth: number, inner = '"x"') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const TOO_DEEP = /at most 64 levels deep/;

t.test('a deeply nested JSON body is a clear 400, not a 500', async (t) => {
  const errors: string[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
  const app = await buildTestApp(t, { log });
  const { cookies } = await signedInAs(app, { subject: 'ada', name: 'Ada' });
  const post = (payload: string) =>
    app.inject({
      method: 'POST',
      url: '/api/pairs/00000000-0000-4000-8000-000000000000/notes',
      cookies,
      headers: { 'content-type': 'application/json' },
      payload,
    });

  for (const payload of [
    nested(5000),
    `{"body":${nested(5000)}}`,
    `{"body":"x","a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
  ]) {
    const response = await post(payload);
    t.equal(response.statusCode, 400, `${payload.slice(0, 12)}…: 400`);
    t.match(response.json(), { statusCode: 400, error: 'Bad Request', message: TOO_DEEP });
  }
  t.same(errors, [], 'nothing is logged as a server error');

  const atLimit = await post(`{"body":${nested(MAX_JSON_DEPTH - 1)}}`);
  t.notMatch(atLimit.body, TOO_DEEP, `${MAX_JSON_DEPTH} levels are parsed`);
  t.not(atLimit.statusCode, 500);
  const inText = await post(JSON.stringify({ body: '['.repeat(5000) }));
  t.notMatch(inText.body, TOO_DEEP, 'brackets inside a text do not count');
  const broken = await post('{"body": "x"');
  t.equal(broken.statusCode, 400, 'malformed JSON is still refused by the parser');
});
