import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { readSite, type SiteSettings } from './site.js';
import { SiteSchema } from './site-schemas.js';

/** The site's public facts for the web app's footer and accessibility statement. */
const siteRoutes: FastifyPluginAsyncTypebox<SiteSettings> = async (app, settings) => {
  app.get(
    '/api/site',
    {
      config: { access: 'anonymous' },
      schema: { operationId: 'readSite', response: { 200: SiteSchema } },
    },
    async () => readSite(app.orm.em, settings),
  );
};

export default fp(siteRoutes, {
  name: 'tandem-site-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
