import t from 'tap';
import { ServiceError } from '../src/service-error.js';
import { buildTestApp } from './helpers/build-test-app.js';

t.test('a server error is answered without internals and logged in full', async (t) => {
  const app = await buildTestApp(t, {
    beforeReady: (app) =>
      app.get('/test/broken', { config: { access: 'anonymous' } }, async () => {
        throw new Error('relation "secret_table" does not exist at /srv/tandem/server.js:12');
      }),
  });
  const response = await app.inject('/test/broken');
  t.equal(response.statusCode, 500);
  const body = response.json();
  t.equal(body.error, 'Internal Server Error');
  t.match(
    body.message,
    /^Something went wrong on our side\. It has been logged as request req-\d+\.$/,
  );
  t.notMatch(response.body, /secret_table|\/srv\/|at /, 'no SQL, path or stack trace');
  t.match(body, { code: 'server-error', params: { requestId: /^req-\d+$/ } });
});

t.test('a client error keeps its message so the caller can fix the request', async (t) => {
  const app = await buildTestApp(t, {
    beforeReady: (app) =>
      app.get(
        '/test/validated',
        {
          config: { access: 'anonymous' },
          schema: {
            querystring: {
              type: 'object',
              properties: { page: { type: 'integer' } },
              required: ['page'],
            },
          },
        },
        async () => ({ ok: true }),
      ),
  });
  const response = await app.inject('/test/validated?page=two');
  t.equal(response.statusCode, 400);
  t.match(response.json(), {
    statusCode: 400,
    message: /querystring\/page must be integer/,
    code: 'validation',
  });
  t.equal((await app.inject('/test/validated?page=2')).statusCode, 200);
});

t.test('a refusal carries a stable code and its values beside the sentence', async (t) => {
  const app = await buildTestApp(t, {
    beforeReady: (app) => {
      app.get('/test/refused', { config: { access: 'anonymous' } }, async () => {
        throw new ServiceError('conflict', 'The request is expired.', 'request.not-pending', {
          state: 'expired',
        });
      });
      app.get('/test/plain', { config: { access: 'anonymous' } }, async () => {
        throw new ServiceError('not-found', 'No such thing.');
      });
    },
  });
  t.same((await app.inject('/test/refused')).json(), {
    statusCode: 409,
    error: 'Conflict',
    message: 'The request is expired.',
    code: 'request.not-pending',
    params: { state: 'expired' },
  });
  t.match(
    (await app.inject('/test/plain')).json(),
    { statusCode: 404, code: 'not-found', params: {} },
    'without a code of its own, the kind is the code',
  );
});
