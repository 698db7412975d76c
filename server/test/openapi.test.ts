import { Validator } from '@seriousme/openapi-schema-validator';
import t from 'tap';
import { version } from '../src/version.js';
import { buildTestApp } from './helpers/build-test-app.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface Operation {
  operationId?: string;
  summary?: string;
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
  'x-tandem-access'?: string;
  'x-tandem-scope'?: string;
}

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
    const operation: Operation | undefined = document.paths[path]?.[method.toLowerCase()];
    const operationId = operation?.operationId;
    t.ok(operationId, `${key} is documented with an operationId`);
    t.notOk(operations.has(operationId ?? ''), `${operationId} is used once (${key})`);
    operations.set(operationId ?? '', key);
    t.equal(
      operation?.['x-tandem-access'],
      app.routeAccess.get(key),
      `${key} says who may call it`,
    );
  }
  t.notOk(document.paths['/auth/login'], 'browser pages are left out');
  t.notOk(document.paths['/health/ready'], 'and so are the probes');
  t.same(
    document.paths['/api/admin/programmes'].post.requestBody.content['application/json'].schema,
    { $ref: '#/components/schemas/CreateProgramme' },
    'a body by its name',
  );
  t.match(document.components.schemas.CreateProgramme, { required: ['curriculum', 'name'] });
});

t.test('the document is valid OpenAPI 3.0, and every operation is complete', async (t) => {
  const app = await buildTestApp(t);
  const document = (await app.inject('/api/openapi.json')).json();

  const result = await new Validator().validate(document);
  t.same(result.errors, undefined, 'no error against the OpenAPI 3.0 schema');
  t.ok(result.valid, 'valid');

  for (const [path, item] of Object.entries<Record<string, Operation>>(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      t.ok(operation.summary, `${name} has a summary`);
      t.ok(Object.keys(operation.responses ?? {}).length > 0, `${name} lists its responses`);
    }
  }
  for (const ref of JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? []) {
    const pointer = ref.slice('"$ref":"#/'.length, -1).split('/');
    const target = pointer.reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      document,
    );
    t.ok(target, `${ref} resolves`);
  }
});

t.test('the document names both ways to authenticate, route by route', async (t) => {
  const app = await buildTestApp(t);
  const document = (await app.inject('/api/openapi.json')).json();
  t.match(document.components.securitySchemes, {
    session: { type: 'apiKey', in: 'cookie', name: app.cookieNames.session },
    apiToken: { type: 'http', scheme: 'bearer' },
  });
  const paths = document.paths;
  t.match(paths['/api/site'].get, { 'x-tandem-access': 'anonymous', security: [] });
  t.match(paths['/api/me'].get, { 'x-tandem-access': 'participant', security: [{ session: [] }] });
  t.notOk(paths['/api/me'].get['x-tandem-scope'], 'no token on participant routes');
  t.match(paths['/api/admin/programmes'].get, {
    'x-tandem-access': 'staff',
    'x-tandem-scope': 'read',
    security: [{ session: [] }, { apiToken: [] }],
  });
  t.match(paths['/api/admin/programmes/{id}/enrolments'].post, {
    'x-tandem-scope': 'enrolments:write',
  });
  t.notOk(paths['/api/admin/tokens'].get['x-tandem-scope'], 'tokens cannot list tokens');
  t.same(paths['/api/admin/tokens'].post.security, [{ session: [] }]);
});
