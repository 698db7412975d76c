import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ORGANISATION_ID, Organisation } from '../modules/organisation/organisation.js';
import { listProgrammeSummaries } from '../modules/programmes/programme-summaries.js';
import { version } from '../version.js';
import { renderHomePage } from './home-page.js';

/**
 * A plain page at `/` so that whoever opens Tandem after starting it sees that it runs, and
 * with the demo, that there are people and programmes in it. The web app (web/) takes this
 * place once it is built.
 */
const homeRoute: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { access: 'anonymous' } }, async (_request, reply) => {
    const em = app.orm.em;
    const organisation = await em.findOne(Organisation, ORGANISATION_ID);
    const programmes = await listProgrammeSummaries(em);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderHomePage(version, organisation?.name, programmes));
  });
};

export default fp(homeRoute, { name: 'tandem-home', dependencies: ['tandem-orm'] });
