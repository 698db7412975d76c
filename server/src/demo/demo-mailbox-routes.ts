import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import type { DemoMailSink } from './demo-mail-sink.js';
import { demoMailbox } from './demo-mailbox.js';
import { DemoMailSchema } from './demo-mailbox-schemas.js';

/** The demo mailbox for admins: every message demo mode sent, registered only in demo mode. */
const demoMailboxRoutes: FastifyPluginAsyncTypebox<{ sink: DemoMailSink }> = async (
  app,
  { sink },
) => {
  app.get(
    '/api/admin/demo-mailbox',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listDemoMailbox',
        response: { 200: Type.Array(DemoMailSchema) },
      },
    },
    async () => demoMailbox(sink.messages()),
  );
};

export default fp(demoMailboxRoutes, {
  name: 'tandem-demo-mailbox-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
