import swagger from '@fastify/swagger';
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { requiredScope } from '../auth/api-scope.js';
import { version } from '../version.js';
import { API_AREAS, areaOf } from './api-areas.js';
import { ERROR_MEANINGS, errorAnswers } from './error-answers.js';
import {
  liftNamedSchemas,
  loadSchemaNames,
  markNamedSchemas,
  type SchemaNames,
  withOperationName,
} from './schema-names.js';

/**
 * The OpenAPI 3 document of the JSON API, built from the routes' own TypeBox schemas, at
 * GET /api/openapi.json. Register before any route: routes are collected as they are added.
 * Only /api/ routes are documented; sign-in pages and health probes are for browsers and
 * orchestrators, not for API clients.
 *
 * Each operation carries who may call it: `x-tandem-access` (anonymous, participant, admin,
 * staff, programme, programme-report, reports: see auth/access.ts),
 * `x-tandem-scope` (the API token scope it needs, when a token may call it at all; OpenAPI
 * 3.0 allows scopes only for OAuth) and the matching `security`. The reference page at
 * /api/docs renders this document.
 *
 * For third parties to build on it (docs/operators/api.md), every operation also lists the
 * error answers it can give (error-answers.ts) with the error body, carries the tag of its
 * area (api-areas.ts), and uses the shared schemas by name (schema-names.ts), so generated
 * clients get named types.
 */
const openapi: FastifyPluginAsync<{ publicUrl: string }> = async (app, { publicUrl }) => {
  const names = await loadSchemaNames(new URL('..', import.meta.url));
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tandem API',
        version,
        description:
          'Programmes, enrolment, pairs and plugins of a Tandem server. Every route needs a signed-in session unless it says otherwise; admin routes also take a personal API token.',
        license: { name: 'AGPL-3.0-only', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: app.cookieNames.session,
            description: 'The session cookie of a signed-in browser.',
          },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal API token of an admin (`tdm_…`, made at /admin/tokens), sent as `Authorization: Bearer tdm_…`. It works on the admin operations whose `x-tandem-scope` it holds.',
          },
        },
      },
      security: [{ session: [] }],
      tags: API_AREAS.map(({ name, description }) => ({ name, description })),
    },
    transform: ({ schema, url, route }) => ({
      schema: url.startsWith('/api/') ? documented(route, url, names) : { ...schema, hide: true },
      url,
    }),
    transformObject: (document) =>
      withErrorMeanings(
        liftNamedSchemas(
          withoutTuples(
            'openapiObject' in document ? document.openapiObject : document.swaggerObject,
          ),
        ),
      ),
  });
  app.get(
    '/api/openapi.json',
    { config: { access: 'anonymous' }, schema: { hide: true } },
    async () => app.swagger(),
  );
};

/**
 * A route's schema as the document shows it: who may call it, its area, the error answers it
 * can give beside those it declares, and its shared schemas marked by name.
 */
function documented(route: RouteOptions, url: string, names: SchemaNames) {
  const schema = route.schema ?? {};
  const area = areaOf(url.replace(/:(\w+)/g, '{$1}'));
  const {
    body,
    querystring,
    params,
    response = {},
  } = schema as { response?: object } & typeof schema;
  const operation = schema.operationId;
  return {
    ...schema,
    ...accessOf(route),
    summary: schema.summary ?? summaryOf(schema),
    ...(schema.tags || !area ? {} : { tags: [area.name] }),
    ...(markNamedSchemas(
      {
        body: withOperationName(body, operation && `${operation}Body`, names),
        querystring,
        params,
        response: {
          ...errorAnswers(route),
          ...Object.fromEntries(
            Object.entries(response).map(([status, answer]) => [
              status,
              withOperationName(
                answer,
                status.startsWith('2') ? `${operation}Response` : undefined,
                names,
              ),
            ]),
          ),
        },
      },
      names,
    ) as object),
  };
}

interface AccessDocumentation {
  'x-tandem-access': string;
  'x-tandem-scope'?: string;
  security: Record<string, string[]>[];
}

/** Who may call the route, in the document's terms. */
function accessOf(route: RouteOptions): AccessDocumentation {
  const access = route.config?.access ?? 'anonymous';
  const method = Array.isArray(route.method) ? (route.method[0] ?? 'GET') : route.method;
  const scope = requiredScope(method, access, route.config?.scope);
  if (access === 'anonymous') return { 'x-tandem-access': access, security: [] };
  return {
    'x-tandem-access': access,
    ...(scope ? { 'x-tandem-scope': scope } : {}),
    security: scope ? [{ session: [] }, { apiToken: [] }] : [{ session: [] }],
  };
}

/** A short summary from the operationId where the route gives none: `listApiTokens` → "List api tokens". */
function summaryOf(schema: { operationId?: string } | undefined): string | undefined {
  const words = schema?.operationId?.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : undefined;
}

interface ErrorResponse {
  description?: string;
  content?: Record<string, unknown>;
}

/**
 * Error answers described by what their status means, where the route gave no description,
 * and as JSON: a route that produces a CSV file still answers its errors in JSON.
 */
function withErrorMeanings<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const { responses = {} } = operation as { responses?: Record<string, ErrorResponse> };
      for (const [status, response] of Object.entries(responses)) {
        const meaning = ERROR_MEANINGS[status];
        if (!meaning) continue;
        if (response.description === 'Default Response') response.description = meaning;
        const [media] = Object.values(response.content ?? {});
        if (media) response.content = { 'application/json': media };
      }
    }
  }
  return document;
}

/**
 * OpenAPI 3.0 has no tuples: TypeBox's `Type.Tuple` (`items` as a list, `additionalItems`)
 * becomes an array of the items' schema (or any of them) with its exact length. Validation
 * itself still uses the route's own schema.
 */
function withoutTuples<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutTuples) as T;
  if (typeof node !== 'object' || node === null) return node;
  const { items, additionalItems: _additionalItems, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, withoutTuples(value)]),
  );
  if (!Array.isArray(items)) {
    return (items === undefined ? converted : { ...converted, items: withoutTuples(items) }) as T;
  }
  const schemas = items.map(withoutTuples);
  const same = schemas.every((schema) => JSON.stringify(schema) === JSON.stringify(schemas[0]));
  return {
    ...converted,
    items: same ? schemas[0] : { anyOf: schemas },
    minItems: schemas.length,
    maxItems: schemas.length,
  } as T;
}

export default fp(openapi, { name: 'tandem-openapi', dependencies: ['tandem-auth'] });
