import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { type MikroORM, openOrm } from './orm.js';
import { forkPerRequest, runInRequest } from './request-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    orm: MikroORM;
  }
}

/**
 * Connects the ORM, gives each request its own identity map (made when the request first uses
 * it), and closes the pool last.
 */
const ormPlugin: FastifyPluginAsync<{ databaseUrl: string }> = async (app, { databaseUrl }) => {
  const orm = await openOrm(databaseUrl);
  app.decorate('orm', orm);
  forkPerRequest(orm);
  app.addHook('onRequest', (_request, _reply, done) => runInRequest(done));
  app.addHook('onClose', async () => {
    await orm.close();
  });
};

export default fp(ormPlugin, { name: 'tandem-orm', fastify: '5.x' });
