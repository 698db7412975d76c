import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import {
  ChannelInstanceSchema,
  ChannelPluginSchema,
  CreateChannelInstanceSchema,
  UpdateChannelInstanceSchema,
} from './channel-instance-schemas.js';
import {
  createChannelInstance,
  deleteChannelInstance,
  listChannelInstances,
  listChannelPlugins,
  updateChannelInstance,
} from './channel-instance-service.js';
import type { SecretSource } from './secret-reference.js';

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Channel instances: admins configure a channel plugin more than once, at run time. */
const channelInstanceRoutes: FastifyPluginAsyncTypebox<{ secrets: SecretSource }> = async (
  app,
  { secrets },
) => {
  const deps = () => ({ em: app.orm.em, plugins: app.plugins, secrets });
  app.get(
    '/api/admin/channels',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listChannelPlugins',
        response: { 200: Type.Array(ChannelPluginSchema) },
      },
    },
    async () => listChannelPlugins(app.plugins),
  );
  app.get(
    '/api/admin/channel-instances',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listChannelInstances',
        response: { 200: Type.Array(ChannelInstanceSchema) },
      },
    },
    async () => listChannelInstances(app.orm.em),
  );
  app.post(
    '/api/admin/channel-instances',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'createChannelInstance',
        body: CreateChannelInstanceSchema,
        response: { 201: ChannelInstanceSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createChannelInstance(deps(), signedIn(request).id, request.body)),
  );
  app.patch(
    '/api/admin/channel-instances/:id',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'updateChannelInstance',
        params: Params,
        body: UpdateChannelInstanceSchema,
        response: {
          200: ChannelInstanceSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request) =>
      updateChannelInstance(deps(), signedIn(request).id, request.params.id, request.body),
  );
  app.delete(
    '/api/admin/channel-instances/:id',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'deleteChannelInstance',
        params: Params,
        response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      await deleteChannelInstance(app.orm.em, signedIn(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default fp(channelInstanceRoutes, {
  name: 'tandem-channel-instance-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
