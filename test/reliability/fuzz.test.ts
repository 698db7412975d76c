/**
 * Every JSON route of the OpenAPI document called with generated input, as an admin and as a
 * participant: values built from the route's own schemas (often just past their limits), real
 * ids of a fixture world, random JSON, broken JSON and JSON nested thousands of levels deep. No answer may be a 5xx, and no error
 * answer may show a stack frame, a file path or SQL. Every status answered is one the
 * document lists for the operation, so what third parties build on is true.
 */
import fc from 'fast-check';
import t from 'tap';
import { authorizationWorld } from '../../server/test/helpers/authorization-world.js';
import { buildTestApp } from '../../server/test/helpers/build-test-app.js';
import { sessionFor } from '../../server/test/helpers/sessions.js';
import { cookieHeader } from './helpers/live-client.js';
import { type JsonSchema, schemaArbitrary } from './helpers/schema-arbitrary.js';

t.setTimeout(150_000);

/** Calls per route; each picks its caller, so both get about half. */
const RUNS = 20;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** They end the caller's session or account; called last, so the other routes keep a caller. */
const SIGN_OUT = new Set(['deleteMyAccount', 'deleteUserAccount', 'endSessionsOfUser']);
const LEAK =
  /\n\s+at \S|node:internal|\/work\/|node_modules|\.[jt]s:\d+|syntax error at|violates .* constraint|duplicate key|invalid input syntax|relation "|column "|knex|mikro-?orm|ECONN/i;

/** JSON nested around and far past the parser's limit (64): 400, never a stack overflow. */
const deepJson = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 1000, max: 20_000 })),
    level: fc.constantFrom(
      { open: '[', close: ']' },
      { open: '{"a":', close: '}' },
      { open: '[{"b":', close: '}]' },
    ),
    field: fc.constantFrom('', '{"body":', '{"name":"x","items":'),
  })
  .map(({ depth, level: { open, close }, field }) => {
    const value = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return field ? `${field}${value}}` : value;
  });

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, unknown>;
}
interface OpenApi {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface Call {
  caller: 'admin' | 'participant';
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: { json: unknown } | { raw: string } | undefined;
}

/** Every string in the fixture world: ids that lead past the first lookup. */
function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(idsOf);
  return [];
}

function callArbitrary(operation: Operation, ids: string[], refs: Record<string, JsonSchema>) {
  const parameters = operation.parameters ?? [];
  const inPlace = (place: Parameter['in']) => parameters.filter((p) => p.in === place);
  const path = Object.fromEntries(
    inPlace('path').map((p) => [
      p.name,
      fc.oneof(fc.constantFrom(...ids), schemaArbitrary(p.schema, refs), fc.string()),
    ]),
  );
  const query = Object.fromEntries(
    inPlace('query').map((p) => [p.name, schemaArbitrary(p.schema, refs)]),
  );
  const required = inPlace('query')
    .filter((p) => p.required)
    .map((p) => p.name);
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<Call['body']> = schema
    ? fc.oneof(
        { weight: 6, arbitrary: schemaArbitrary(schema, refs).map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.jsonValue().map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.string().map((raw) => ({ raw })) },
        { weight: 1, arbitrary: deepJson.map((raw) => ({ raw })) },
      )
    : fc.constant(undefined);
  return fc.record({
    caller: fc.constantFrom('admin' as const, 'participant' as const),
    path: fc.record(path),
    query: fc.record(query, { requiredKeys: required }),
    body,
  });
}

function queryString(query: Record<string, unknown>): string {
  const pairs = Object.entries(query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (one) =>
        `${encodeURIComponent(name)}=${encodeURIComponent(typeof one === 'string' ? one : JSON.stringify(one))}`,
    ),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}

type App = Awaited<ReturnType<typeof buildTestApp>>;

function inject(app: App, method: string, route: string, call: Call, cookie: string) {
  const url =
    route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(call.path[name]))) +
    queryString(call.query);
  const body = call.body;
  return app.inject({
    method: method.toUpperCase() as 'GET',
    url,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: 'raw' in body ? body.raw : JSON.stringify(body.json) } : {}),
  });
}

t.test('no JSON route answers generated input with a 5xx or internal detail', async (t) => {
  const app = await buildTestApp(t);
  const world = await authorizationWorld(app);
  const cookies = {
    admin: cookieHeader((await sessionFor(app, world.userIds.admin)).cookies),
    participant: cookieHeader((await sessionFor(app, world.userIds.owner)).cookies),
  };
  const ids = [...new Set(idsOf(world))];
  const document = (await app.inject({ url: '/api/openapi.json' })).json<OpenApi>();
  const refs = document.components?.schemas ?? {};
  const operations = Object.entries(document.paths)
    .flatMap(([route, item]) =>
      METHODS.flatMap((method) => (item[method] ? [{ route, method, op: item[method] }] : [])),
    )
    .sort(
      (a, b) => Number(SIGN_OUT.has(a.op.operationId)) - Number(SIGN_OUT.has(b.op.operationId)),
    );

  const started = Date.now();
  const statuses = new Map<number, number>();
  const undocumented = new Set<string>();
  for (const { route, method, op } of operations) {
    const result = await fc.check(
      fc.asyncProperty(callArbitrary(op, ids, refs), async (call) => {
        const answer = await inject(app, method, route, call, cookies[call.caller]);
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
        if (!op.responses?.[answer.statusCode])
          undocumented.add(`${method.toUpperCase()} ${route}: ${answer.statusCode}`);
        if (answer.statusCode >= 500) return false;
        return answer.statusCode < 400 || !LEAK.test(answer.body);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    const example = result.counterexample?.[0];
    const answer = example && (await inject(app, method, route, example, cookies[example.caller]));
    t.notOk(
      result.failed,
      `${method.toUpperCase()} ${route} (${op.operationId})`,
      answer ? { call: example, status: answer.statusCode, body: answer.body.slice(0, 500) } : {},
    );
  }
  t.same(
    [...undocumented].sort(),
    [],
    'every status answered is in the document: add the missing ones to the route’s schema.response',
  );
  const calls = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  t.comment(
    `${operations.length} operations, ${calls} generated calls in ${Date.now() - started} ms (${byStatus.join(', ')})`,
  );
});
