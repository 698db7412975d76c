import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { activeChannels } from '../notifications/active-channels.js';
import { IN_APP } from '../notifications/notify.js';
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
    async () => {
      const channels = [...activeChannels(app.plugins)].filter((channel) => channel !== IN_APP);
      return readSite(app.orm.em, settings, channels);
    },
  );
};

export default fp(siteRoutes, {
  name: 'tandem-site-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
