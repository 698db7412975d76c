import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { depthLimitedJsonParser } from '../../http/json-body.js';
import type { ClaimMapping } from '../users/user-provisioning.js';
import { SCIM_CONTENT_TYPE } from './scim-content-type.js';
import type { ScimContext } from './scim-context.js';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.js';
import { ScimError, type ScimType, scimErrorBody } from './scim-error.js';
import {
  createScimGroup,
  deleteScimGroup,
  getScimGroup,
  listScimGroups,
  patchScimGroup,
  replaceScimGroup,
} from './scim-group-service.js';
import { listResponse, pageOf } from './scim-list.js';
import {
  PatchOpSchema,
  ScimIdSchema,
  ScimQuerySchema,
  ScimResourceSchema,
} from './scim-schemas.js';
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
} from './scim-user-service.js';

export interface ScimRoutesOptions {
  /** The configured OIDC issuer: the people SCIM provisions sign in there. */
  issuer: string;
  publicUrl: string;
  roleMapping: ClaimMapping;
}

/** Where the endpoint lives: the Tenant URL an identity provider is given. */
export const SCIM_PREFIX = '/scim/v2';

/**
 * SCIM 2.0 (RFC 7643/7644) for identity providers that provision people and groups: Microsoft
 * Entra ID, Keycloak and other IdM connectors. Only API tokens with the scope `scim` get in
 * (access `scim`). Its own scope: SCIM bodies (application/scim+json) are parsed and SCIM
 * error bodies answered here only. Left out of the OpenAPI document: SCIM describes itself at
 * /ServiceProviderConfig, /ResourceTypes and /Schemas.
 */
const scimRoutes: FastifyPluginAsyncTypebox<ScimRoutesOptions> = async (app, options) => {
  await app.register(
    async (scope) => {
      scope.addContentTypeParser(
        'application/scim+json',
        { parseAs: 'string' },
        depthLimitedJsonParser(scope),
      );
      scope.setErrorHandler(scimErrors);
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-type', SCIM_CONTENT_TYPE);
        return payload;
      });
      await scope.register(discoveryRoutes, options);
      await scope.register(userRoutes, options);
      await scope.register(groupRoutes, options);
    },
    { prefix: SCIM_PREFIX },
  );
};

const config = { access: 'scim' } as const;

const discoveryRoutes: FastifyPluginAsyncTypebox<ScimRoutesOptions> = async (app, options) => {
  const base = `${options.publicUrl}${SCIM_PREFIX}`;
  const all = { startIndex: 1, count: 100 };
  app.get('/ServiceProviderConfig', { config }, async () => serviceProviderConfig(base));
  app.get('/ResourceTypes', { config }, async () => {
    const types = resourceTypes(base);
    return listResponse(types, types.length, all);
  });
  app.get('/ResourceTypes/:id', { config, schema: { params: ScimIdSchema } }, async (request) => {
    const type = resourceTypes(base).find((t) => t.id === request.params.id);
    if (!type) throw new ScimError(404, `No ResourceType ${request.params.id}.`);
    return type;
  });
  app.get('/Schemas', { config }, async () => {
    const described = schemas(base);
    return listResponse(described, described.length, all);
  });
  app.get('/Schemas/:id', { config, schema: { params: ScimIdSchema } }, async (request) => {
    const schema = schemas(base).find((s) => s.id === request.params.id);
    if (!schema) throw new ScimError(404, `No Schema ${request.params.id}.`);
    return schema;
  });
};

const userRoutes: FastifyPluginAsyncTypebox<ScimRoutesOptions> = async (app, options) => {
  const ctx = (request: FastifyRequest) => contextOf(app, options, request);
  const byId = { config, schema: { params: ScimIdSchema } };
  app.get('/Users', { config, schema: { querystring: ScimQuerySchema } }, async (request) =>
    listScimUsers(ctx(request), request.query.filter, pageOf(request.query)),
  );
  app.post('/Users', { config, schema: { body: ScimResourceSchema } }, async (request, reply) =>
    reply.code(201).send(await createScimUser(ctx(request), request.body)),
  );
  app.get('/Users/:id', byId, async (request) => getScimUser(ctx(request), request.params.id));
  app.put(
    '/Users/:id',
    { config, schema: { params: ScimIdSchema, body: ScimResourceSchema } },
    async (request) => replaceScimUser(ctx(request), request.params.id, request.body),
  );
  app.patch(
    '/Users/:id',
    { config, schema: { params: ScimIdSchema, body: PatchOpSchema } },
    async (request) => patchScimUser(ctx(request), request.params.id, request.body.Operations),
  );
  app.delete('/Users/:id', byId, async (request, reply) => {
    await deleteScimUser(ctx(request), request.params.id);
    return reply.code(204).send();
  });
};

const groupRoutes: FastifyPluginAsyncTypebox<ScimRoutesOptions> = async (app, options) => {
  const ctx = (request: FastifyRequest) => contextOf(app, options, request);
  const query = { querystring: ScimQuerySchema };
  app.get('/Groups', { config, schema: query }, async (request) =>
    listScimGroups(
      ctx(request),
      request.query.filter,
      pageOf(request.query),
      withMembers(request.query.excludedAttributes),
    ),
  );
  app.post('/Groups', { config, schema: { body: ScimResourceSchema } }, async (request, reply) =>
    reply.code(201).send(await createScimGroup(ctx(request), request.body)),
  );
  app.get('/Groups/:id', { config, schema: { params: ScimIdSchema, ...query } }, async (request) =>
    getScimGroup(ctx(request), request.params.id, withMembers(request.query.excludedAttributes)),
  );
  app.put(
    '/Groups/:id',
    { config, schema: { params: ScimIdSchema, body: ScimResourceSchema } },
    async (request) => replaceScimGroup(ctx(request), request.params.id, request.body),
  );
  app.patch(
    '/Groups/:id',
    { config, schema: { params: ScimIdSchema, body: PatchOpSchema } },
    async (request, reply) => {
      await patchScimGroup(ctx(request), request.params.id, request.body.Operations);
      return reply.code(204).send();
    },
  );
  app.delete(
    '/Groups/:id',
    { config, schema: { params: ScimIdSchema } },
    async (request, reply) => {
      await deleteScimGroup(ctx(request), request.params.id);
      return reply.code(204).send();
    },
  );
};

/** Entra ID asks for groups with `excludedAttributes=members`: large groups stay light. */
function withMembers(excluded: string | undefined): boolean {
  return !(excluded ?? '').split(',').some((name) => name.trim().toLowerCase() === 'members');
}

function contextOf(
  app: FastifyInstance,
  options: ScimRoutesOptions,
  request: FastifyRequest,
): ScimContext {
  return {
    deps: app.meetingDependencies(),
    issuer: options.issuer,
    baseUrl: `${options.publicUrl}${SCIM_PREFIX}`,
    roleMapping: options.roleMapping,
    actorId: signedIn(request).id,
  };
}

/** Every refusal as a SCIM error body; a server error is logged, never shown. */
function scimErrors(
  this: FastifyInstance,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const send = (status: number, detail: string, scimType?: ScimType) =>
    reply
      .code(status)
      .type(SCIM_CONTENT_TYPE)
      .send(scimErrorBody(status, detail, scimType));
  if (error instanceof ScimError) return send(error.status, error.message, error.scimType);
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status < 500)
    return send(status, error.message, status === 400 ? 'invalidSyntax' : undefined);
  request.log.error({ err: error }, 'SCIM request failed');
  return send(
    500,
    `Something went wrong on our side. It has been logged as request ${request.id}.`,
  );
}

export default fp(scimRoutes, {
  name: 'tandem-scim-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
