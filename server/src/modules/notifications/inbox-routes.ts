import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { markRead, readInbox } from './inbox.js';
import { InboxSchema } from './notification-schemas.js';

/** A person's in-app inbox; changes are pushed over /ws as `{ type: 'inbox' }`. */
const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  app.get(
    '/api/me/inbox',
    {
      config: participant,
      schema: {
        operationId: 'readInbox',
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: InboxSchema },
      },
    },
    async (request) => readInbox(app.orm.em, signedIn(request).id, request.query.limit),
  );
  app.post(
    '/api/me/inbox/:id/read',
    {
      config: participant,
      schema: {
        operationId: 'markNotificationRead',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: InboxSchema, 404: ErrorSchema },
      },
    },
    async (request) => markRead(app.orm.em, signedIn(request).id, request.params.id),
  );
  app.post(
    '/api/me/inbox/read',
    {
      config: participant,
      schema: { operationId: 'markInboxRead', response: { 200: InboxSchema } },
    },
    async (request) => markRead(app.orm.em, signedIn(request).id),
  );
};

export default fp(inboxRoutes, {
  name: 'tandem-inbox-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
