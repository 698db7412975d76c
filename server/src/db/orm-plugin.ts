import { RequestContext } from '@mikro-orm/core';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { type MikroORM, openOrm } from './orm.js';

declare module 'fastify' {
  interface FastifyInstance {
    orm: MikroORM;
  }
}

/** Connects the ORM, gives each request its own identity map, and closes the pool last. */
const ormPlugin: FastifyPluginAsync<{ databaseUrl: string }> = async (app, { databaseUrl }) => {
  const orm = await openOrm(databaseUrl);
  app.decorate('orm', orm);
  app.addHook('onRequest', (_request, _reply, done) => RequestContext.create(orm.em, done));
  app.addHook('onClose', async () => {
    await orm.close();
  });
};

export default fp(ormPlugin, { name: 'tandem-orm', fastify: '5.x' });
