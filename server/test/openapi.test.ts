import t from 'tap';
import { version } from '../src/version.js';
import { buildTestApp } from './helpers/build-test-app.js';

t.test('every API route is in the OpenAPI document, with a unique operationId', async (t) => {
  const app = await buildTestApp(t);
  const response = await app.inject('/api/openapi.json');
  t.equal(response.statusCode, 200, 'readable without signing in');
  const document = response.json();
  t.match(document, { openapi: '3.0.3', info: { title: 'Tandem API', version } });

  const operations = new Map<string, string>();
  const apiRoutes = [...app.routeAccess.keys()].filter(
    (key) => / \/api\//.test(key) && !key.startsWith('HEAD ') && key !== 'GET /api/openapi.json',
  );
  t.ok(apiRoutes.length >= 30, `${apiRoutes.length} API routes`);
  for (const key of apiRoutes) {
    const [method = '', url = ''] = key.split(' ');
    const path = url.replace(/:(\w+)/g, '{$1}');
    const operationId = document.paths[path]?.[method.toLowerCase()]?.operationId;
    t.ok(operationId, `${key} is documented with an operationId`);
    t.notOk(operations.has(operationId), `${operationId} is used once (${key})`);
    operations.set(operationId, key);
  }
  t.notOk(document.paths['/auth/login'], 'browser pages are left out');
  t.notOk(document.paths['/health/ready'], 'and so are the probes');
  t.match(
    document.paths['/api/admin/programmes'].post.requestBody.content['application/json'].schema,
    {
      required: ['curriculum', 'name'],
    },
  );
});
