import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { version } from '../version.js';

/**
 * A plain page at `/` so that whoever opens Tandem after starting it sees that it runs and
 * where to look next. The web app (web/) takes this place once it is built.
 */
const homeRoute: FastifyPluginAsync = async (app) => {
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Tandem ${version}</h1>
<p lang="de">Tandem läuft. Die Weboberfläche folgt; bis dahin zeigt <a href="/health/ready">/health/ready</a> den Zustand.</p>
<p>Tandem is running. The web interface is on its way; until then <a href="/health/ready">/health/ready</a> shows its state.</p>
</body></html>`),
  );
};

export default fp(homeRoute, { name: 'tandem-home' });
